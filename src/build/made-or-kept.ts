// Outputs made from index data (list pages, feeds, the index's JSON files): a file whose data has the last build's
// fingerprint is kept without being made again, others are made and written as before (and compared by content hash).
import type { Fingerprint } from '../pages/fingerprint.ts';
import type { OutputFile, WriteResult } from '../write/output.ts';

/** What the last build left of a file: its content hash, size and, when it was made from index data, its fingerprint. */
export type OldOutput = [hash: string, size: number, fingerprint?: string];

/** A file made or kept: its write result, its data's fingerprint (for the next build) and whether it was made. */
export type MadeOrKept = [result: WriteResult, fingerprint: string | null, made: boolean];

/**
 * `fingerprintsHold`: the last build had this page version (code, templates, config), so the same data gives the same
 * bytes; otherwise its fingerprints say nothing and every file is made. Without a `fingerprint`, every file is made.
 */
export function madeOrKept(route: string, from: unknown, make: () => OutputFile['content'], fingerprint: Fingerprint | null, old: OldOutput | undefined, fingerprintsHold: boolean, write: (file: OutputFile, oldHash: string | undefined) => WriteResult): MadeOrKept {
  const fp = fingerprint ? fingerprint(from) : null;
  if (fp !== null && fingerprintsHold && old !== undefined && old[2] === fp) return [[old[0], old[1], false], fp, false];
  return [write({ route, content: make() }, old?.[0]), fp, true];
}
