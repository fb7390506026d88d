/**
 * Reading postings and resumes: text cleaning ({@link io.skillmatch.parsing.TextCleaner}), skill
 * extraction ({@link io.skillmatch.parsing.SkillMatcher}), and the two parsers
 * ({@link io.skillmatch.parsing.PostingParser}, {@link io.skillmatch.parsing.ProfileParser}).
 */
package io.skillmatch.parsing;
