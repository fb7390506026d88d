/** Readers for the public data sets in {@code ../shared/data} and where to find them. */
package io.skillmatch.data;
