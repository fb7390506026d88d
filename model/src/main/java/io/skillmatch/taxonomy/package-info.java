/**
 * The skill taxonomy: skills with stable ids, canonical names, aliases, categories and
 * broader/related links, loaded from the committed {@code training-data/taxonomy/skills.jsonl}
 * and built from public sources by {@link io.skillmatch.taxonomy.TaxonomyBuilder}.
 */
package io.skillmatch.taxonomy;
