// Public API of the topics module (per-article detection; archive merging lives in src/index/taxonomy.ts).
export { detectTopicCandidates, type DetectOptions, type TopicInput } from './candidates.ts';
export { parseUserTaxonomy, EMPTY_TAXONOMY, type KeywordTopic, type UserTaxonomy } from './user-taxonomy.ts';
export { slugify } from './slug.ts';
export type { TopicCandidate } from './types.ts';
