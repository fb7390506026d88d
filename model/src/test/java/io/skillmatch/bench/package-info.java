/** JMH benchmarks; run with {@code ./skillmatch bench [NAME]}. */
package io.skillmatch.bench;
