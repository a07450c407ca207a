// Parses the optional user taxonomy file topics.yaml: rename, merge, hide, or define topics by keywords.
/*
 * topics.yaml — optional; every section is optional. A topic is referred to by its name, its slug,
 * or any name/alias it was found under ("ISIS", "Daesh" and "islamic-state" all mean one topic).
 *
 *   rename:                      # topic → new display name (the slug follows the new name)
 *     Islamic State: ISIS
 *   merge:                       # canonical name ← topics folded into it (the canonical need not exist yet)
 *     Syrian opposition:
 *       - National Coalition
 *       - Free Syrian Army
 *   hide:                        # topics never shown on pages or in article topic lists
 *     - Middle East
 *   define:                      # new topic assigned to every article whose title or text contains
 *     Chemical weapons:          #   one of its keywords (case-insensitive, whole words/phrases)
 *       - chemical weapons
 *       - sarin
 *
 * Defined and explicitly tagged topics are always kept; automatic ones follow the thresholds.
 * Problems are reported as diagnostics with file and line; a broken entry is skipped, never fatal.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../../model/diagnostic.ts';

export interface KeywordTopic {
  name: string;
  keywords: string[];
}

export interface UserTaxonomy {
  rename: { from: string; to: string }[];
  merge: { into: string; from: string[] }[];
  hide: string[];
  define: KeywordTopic[];
}

export const EMPTY_TAXONOMY: UserTaxonomy = { rename: [], merge: [], hide: [], define: [] };

const SECTIONS = ['rename', 'merge', 'hide', 'define'] as const;

export function parseUserTaxonomy(source: string, file: string): { taxonomy: UserTaxonomy; diagnostics: Diagnostic[] } {
  const taxonomy: UserTaxonomy = { rename: [], merge: [], hide: [], define: [] };
  const diagnostics: Diagnostic[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });

  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  const report = (code: string, node: Node | null | undefined, message: string, hint: string) =>
    diagnostics.push({ severity: 'error', code, file, line: lineOf(node), message, hint });

  for (const e of doc.errors) {
    diagnostics.push({
      severity: 'error', code: 'topics-yaml-syntax', file, line: lines.linePos(e.pos[0]).line,
      message: e.message.split('\n')[0] ?? e.message,
      hint: 'Fix the YAML syntax; see the format in the README (rename/merge/hide/define).',
    });
  }
  if (doc.errors.length) return { taxonomy, diagnostics };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { taxonomy, diagnostics };
  if (!isMap(root)) {
    report('topics-yaml-shape', root, 'topics.yaml must be a mapping with rename/merge/hide/define sections', 'Start the file with e.g. "hide:".');
    return { taxonomy, diagnostics };
  }

  const text = (node: unknown): string | null =>
    isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).trim()
      ? String(node.value).trim()
      : null;
  const list = (node: unknown, what: string): string[] => {
    const single = text(node);
    if (single) return [single];
    if (!isSeq(node)) {
      report('topics-yaml-shape', node as Node, `${what} must be a name or a list of names`, 'Write "- Name" items.');
      return [];
    }
    const out: string[] = [];
    for (const item of node.items) {
      const t = text(item);
      if (t) out.push(t);
      else report('topics-yaml-shape', item as Node, `${what}: each item must be a non-empty name`, 'Remove the empty or nested item.');
    }
    return out;
  };
  const pairs = (node: unknown, section: string) => {
    if (!isMap(node)) {
      report('topics-yaml-shape', node as Node, `"${section}" must be a mapping of name: value`, `Indent entries under "${section}:".`);
      return [];
    }
    return node.items.flatMap((p) => {
      const key = text(p.key);
      if (!key) {
        report('topics-yaml-shape', p.key as Node, `"${section}": every entry needs a topic name`, 'Give the entry a name.');
        return [];
      }
      return [{ key, value: p.value as Node | null, keyNode: p.key as Node }];
    });
  };

  for (const pair of root.items) {
    const section = text(pair.key);
    if (!section || !(SECTIONS as readonly string[]).includes(section)) {
      diagnostics.push({
        severity: 'warning', code: 'topics-yaml-unknown-key', file, line: lineOf(pair.key as Node),
        message: `unknown section "${section ?? ''}" ignored`, hint: `Use one of: ${SECTIONS.join(', ')}.`,
      });
      continue;
    }
    const value = pair.value as Node | null;
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (section === 'hide') {
      taxonomy.hide.push(...list(value, 'hide'));
    } else if (section === 'rename') {
      for (const { key, value: v, keyNode } of pairs(value, 'rename')) {
        const to = text(v);
        if (to) taxonomy.rename.push({ from: key, to });
        else report('topics-yaml-shape', v ?? keyNode, `rename "${key}": the new name must be a single name`, `Write "${key}: New name".`);
      }
    } else if (section === 'merge') {
      for (const { key, value: v } of pairs(value, 'merge')) {
        const from = list(v, `merge "${key}"`);
        if (from.length) taxonomy.merge.push({ into: key, from });
      }
    } else {
      for (const { key, value: v } of pairs(value, 'define')) {
        const keywords = list(v, `define "${key}"`);
        if (keywords.length) taxonomy.define.push({ name: key, keywords });
      }
    }
  }
  return { taxonomy, diagnostics };
}
