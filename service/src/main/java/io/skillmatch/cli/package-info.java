/** The {@code ./skillmatch} command line. */
package io.skillmatch.cli;
