// The optional override files (speakers.yaml, topics.yaml): read once per change, parsed into typed overrides.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { emptyOverrides, parseSpeakerOverrides, type SpeakerOverrides } from '../extract/identity.ts';
import { EMPTY_TAXONOMY, parseUserTaxonomy, type UserTaxonomy } from '../extract/topics/index.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

export interface Overrides {
  speakers: SpeakerOverrides;
  topics: UserTaxonomy;
  diagnostics: Diagnostic[];
}

const memo = new Map<string, { stamp: string; value: unknown }>();

/** Parses a file once per (path, size, mtime): every build, worker and dev-server rebuild asks for it again. */
function cached<T>(file: string | undefined, empty: T, parse: (text: string, file: string) => { value: T; diagnostics: Diagnostic[] }): { value: T; diagnostics: Diagnostic[] } {
  let stamp: string;
  if (!file) return { value: empty, diagnostics: [] };
  try {
    // No exception for the common case of no override file.
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st) return { value: empty, diagnostics: [] };
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    return { value: empty, diagnostics: [] };
  }
  const hit = memo.get(file);
  if (hit && hit.stamp === stamp) return hit.value as { value: T; diagnostics: Diagnostic[] };
  let result: { value: T; diagnostics: Diagnostic[] };
  try {
    result = parse(readFileSync(file, 'utf8'), path.basename(file));
  } catch (err) {
    result = { value: empty, diagnostics: [{ severity: 'error', code: 'override-unreadable', file, message: `cannot read override file: ${(err as Error).message}`, hint: 'check the file permissions' }] };
  }
  memo.set(file, { stamp, value: result });
  return result;
}

export function loadOverrides(config: Partial<Pick<Config, 'speakersFile' | 'topicsFile'>>): Overrides {
  const speakers = cached(config.speakersFile, emptyOverrides(), (text, file) => {
    const r = parseSpeakerOverrides(text, file);
    return { value: r.overrides, diagnostics: r.diagnostics };
  });
  const topics = cached(config.topicsFile, EMPTY_TAXONOMY, (text, file) => {
    const r = parseUserTaxonomy(text, file);
    return { value: r.taxonomy, diagnostics: r.diagnostics };
  });
  return { speakers: speakers.value, topics: topics.value, diagnostics: [...speakers.diagnostics, ...topics.diagnostics] };
}
