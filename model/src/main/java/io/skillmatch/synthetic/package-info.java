/**
 * Synthetic job postings and resumes at scale, for load tests: a seeded, streaming generator
 * ({@link io.skillmatch.synthetic.SyntheticGenerator}) that draws each document's skills from role
 * archetypes and the learned skill vectors, writes them in varied recruiter phrasing, and records
 * what it meant ({@link io.skillmatch.synthetic.SyntheticPosting}, {@link
 * io.skillmatch.synthetic.SyntheticProfile}) so that the parsers can be checked against it; and
 * JSON Lines files of API request bodies ({@link io.skillmatch.synthetic.SyntheticCorpus}). The
 * documents are invented: no person or employer in them is real.
 */
package io.skillmatch.synthetic;
