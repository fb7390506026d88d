package io.skillmatch.parsing;

/**
 * A skill named in a text.
 *
 * @param skillId the taxonomy id
 * @param start offset of the first character
 * @param end offset after the last character
 * @param contextual whether the surface form is an ordinary word accepted only by context
 */
public record Mention(String skillId, int start, int end, boolean contextual) {}
