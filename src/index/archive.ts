// Archive-wide decisions made once all records are known: the topic taxonomy and one identity per speaker.
import type { Config } from '../config.ts';
import { resolveIdentities, type SpeakerOverrides } from '../extract/identity.ts';
import type { UserTaxonomy } from '../extract/topics/index.ts';
import type { Article } from '../model/article.ts';
import { buildTaxonomy } from './taxonomy.ts';
import type { IdentityResolver } from './site.ts';

/**
 * Turns each record's topic candidates into its final, ranked topic list (tags, countries, organisations and the
 * named things that recur across the archive). Mutates `topics`; drops the candidates unless asked to keep them.
 */
export function assignTopics(records: Article[], config: Pick<Config, 'topics'>, user: UserTaxonomy, keepCandidates = false): void {
  const taxonomy = buildTaxonomy(records.map((a) => ({ id: a.file, candidates: a.topic_candidates ?? [] })), config.topics, user);
  for (const a of records) {
    a.topics = taxonomy.topicsFor(a.file);
    if (!keepCandidates) delete a.topic_candidates;
  }
}

/** One identity per person across the archive (spelling variants, titles, speakers.yaml), as the index needs it. */
export function speakerIdentity(records: Article[], overrides: SpeakerOverrides): IdentityResolver {
  const identities = resolveIdentities(records.map((a) => ({ articleId: a.id, speakers: a.speakers })), overrides);
  return {
    resolve(articleId, name) {
      const id = identities.lookup(articleId, name);
      return id ? { slug: id.id, name: id.name } : null;
    },
  };
}
