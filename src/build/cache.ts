// Build cache under .cache/: parsed+extracted records keyed by content hash and generator version, and the manifest
// of the last build (input fingerprints, what the index needs of each record, and the hash of every output file).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { sha1 } from '../hash.ts';
import { PACKAGE_ROOT } from '../config.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

/** Code whose change alters records (load, parse, extract, enrich); pages and templates are versioned separately. */
const RECORD_CODE = ['src/load', 'src/parse', 'src/extract', 'src/model', 'src/routes', 'src/build/articles.ts', 'src/build/enrich.ts', 'src/build/cache.ts', 'package-lock.json'];
/** Code that shapes output bytes besides the records (templates and assets are hashed at each build). */
const PAGE_CODE = ['src', 'package-lock.json'];

/**
 * Hash of the files under the given paths (relative to `root`), in a stable order. `digests`: a cache of each file's
 * own hash, so trees that share files (record and page code) read and hash each file once.
 */
export function treeHash(root: string, paths: string[], extra = '', digests?: Map<string, string>): string {
  const h = createHash('sha1').update(extra);
  const visit = (abs: string, rel: string): void => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (!name.startsWith('.')) visit(path.join(abs, name), `${rel}/${name}`);
    } else {
      if (!digests) h.update(`\0${rel}\0`).update(readFileSync(abs));
      else {
        let d = digests.get(abs);
        if (d === undefined) digests.set(abs, (d = sha1(readFileSync(abs), 'base64url')));
        h.update(`\0${rel}\0${d}`);
      }
    }
  };
  for (const p of paths) visit(path.resolve(root, p), p);
  return h.digest('base64url').slice(0, 16);
}

function fileOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Hash of generator code, once per process: the modules that run are the ones loaded at start-up, so edits on disk
 * during a long-lived process (dev server, test run) must not change the version its builds are filed under.
 */
const codeHashes = new Map<string, string>();
const codeFiles = new Map<string, string>();
function codeHash(paths: string[]): string {
  const key = paths.join('\0');
  let h = codeHashes.get(key);
  if (h === undefined) codeHashes.set(key, (h = treeHash(PACKAGE_ROOT, paths, '', codeFiles)));
  return h;
}

/** Version of records: generator code plus the config and override files that change what extraction produces. */
export function recordVersion(config: Config): string {
  const relevant = JSON.stringify({ tz: config.timezone, max: config.maxArticleBytes, topics: config.topics, speakers: fileOrEmpty(config.speakersFile), topicsFile: fileOrEmpty(config.topicsFile) });
  return sha1(`${codeHash(RECORD_CODE)}\0${relevant}`, 'base64url').slice(0, 16);
}

/** Version of pages: all generator code, templates and assets, plus every config key that reaches a page. */
export function pageVersion(config: Config): string {
  // The search shard size reaches no page: the search step keeps its own stamp per shard.
  const { input: _i, output: _o, searchShardPages: _s, ...rest } = config as Config & Record<string, unknown>;
  const site = JSON.stringify(rest, (_k, v: unknown) => v);
  return sha1(`${codeHash(PAGE_CODE)}\0${site}\0${config.templates}\0${config.public}\0${treeHash(config.templates, ['.'])}\0${treeHash(config.public, ['.'])}`, 'base64url').slice(0, 16);
}

export function recordKey(version: string, contentHash: string): string {
  return sha1(`${version}\0${contentHash}`, 'base64url');
}

/** A record as stored: the article with strings that can be rebuilt from `source` left out. */
export interface StoredRecord {
  article: Article;
  diagnostics: Diagnostic[];
}

interface Packed {
  a: Omit<Article, 'blocks' | 'paragraphs' | 'subheadings' | 'body'> & { blocks: (Article['blocks'][number] | [Article['blocks'][number]['kind'], number, number, number])[]; paragraphs?: string[]; subheadings?: string[]; body?: string };
  d: Diagnostic[];
}

/**
 * Drops block texts that are plain slices of the source, and paragraphs/sub-headings/body when they equal what the
 * blocks give; each is checked, so an article whose fields are shaped differently is stored as it is.
 */
export function packRecord(rec: StoredRecord): string {
  const a = rec.article;
  const blocks = a.blocks.map((b) => (a.source.startsWith(b.text, b.start) ? ([b.kind, b.start, b.text.length, b.line] as [typeof b.kind, number, number, number]) : b));
  const { blocks: _b, paragraphs, subheadings, body, ...rest } = a;
  const packed: Packed = { a: { ...rest, blocks }, d: rec.diagnostics };
  const derived = derive(a);
  if (!sameList(paragraphs, derived.paragraphs)) packed.a.paragraphs = paragraphs;
  if (!sameList(subheadings, derived.subheadings)) packed.a.subheadings = subheadings;
  if (body !== derived.body) packed.a.body = body;
  return JSON.stringify(packed);
}

export function unpackRecord(json: string): StoredRecord {
  const { a, d } = JSON.parse(json) as Packed;
  const blocks = a.blocks.map((b) => (Array.isArray(b) ? { kind: b[0], text: a.source.slice(b[1], b[1] + b[2]), start: b[1], line: b[3] } : b));
  const article = { ...a, blocks } as Article;
  const derived = derive(article);
  article.paragraphs = a.paragraphs ?? derived.paragraphs;
  article.subheadings = a.subheadings ?? derived.subheadings;
  article.body = a.body ?? derived.body;
  return { article: reorder(article), diagnostics: d };
}

/**
 * A freshly extracted record as unpackRecord would give it back (the same key order), so a worker can render the
 * record it extracted without reading it from the store: pages and JSON files come out byte for byte the same.
 */
export function asUnpacked(rec: StoredRecord): StoredRecord {
  return { article: reorder(rec.article), diagnostics: rec.diagnostics };
}

/** One key order for every unpacked record (pages are always rendered from unpacked records, fresh or cached). */
const KEY_ORDER: (keyof Article)[] = ['file', 'id', 'slug', 'title', 'dateline', 'date', 'date_source', 'weekday', 'byline', 'summary', 'subheadings', 'paragraphs', 'body', 'boilerplate_lines', 'topics', 'places', 'speakers', 'mentioned', 'quotes', 'source', 'blocks', 'format', 'tags'];
function reorder(a: Article): Article {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (k in a) out[k] = a[k];
  for (const k of Object.keys(a)) if (!(k in out)) out[k] = (a as unknown as Record<string, unknown>)[k];
  return out as unknown as Article;
}

function derive(a: Pick<Article, 'blocks' | 'format' | 'source'>): { paragraphs: string[]; subheadings: string[]; body: string } {
  return {
    paragraphs: a.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text),
    subheadings: a.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text),
    body: a.format === 'md' ? a.source : a.blocks.map((b) => (b.kind === 'subheading' ? `## ${b.text}` : b.text)).join('\n\n'),
  };
}

function sameList(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Records on disk, one file per key, in 64 folders by the key's first character: two characters made 4,096 folders,
 * so a 10k build created a folder for nearly every other record (~0.1 s of mkdir per worker).
 */
export class RecordStore {
  private made = new Set<string>();
  constructor(readonly dir: string) {}

  file(key: string): string {
    return path.join(this.dir, key.slice(0, 1), `${key}.json`);
  }

  has(key: string): boolean {
    return existsSync(this.file(key));
  }

  read(key: string): StoredRecord | null {
    const file = this.file(key);
    // A miss is the rule in a first build: asking costs a stat, a failed read a thrown error (several times more).
    if (!existsSync(file)) return null;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      return unpackRecord(text);
    } catch {
      return null; // a torn write from a killed build: treated as absent, the article is extracted again
    }
  }

  /**
   * `keepExisting`: leave the file alone when it already holds these bytes. A key is the content hash under a record
   * version, so a --no-cache rebuild finds its records stored already, and reading one to compare costs far less than
   * rewriting it (~0.9 ms per article on ext4); a torn file differs and is replaced.
   */
  write(key: string, rec: StoredRecord, keepExisting = false): void {
    const file = this.file(key);
    const text = packRecord(rec);
    // Asked first, not found out by a failed read: the thrown ENOENTs were 632 ms of one worker's 5k writes (cold 10k profile).
    if (keepExisting && existsSync(file)) {
      try {
        if (readFileSync(file, 'utf8') === text) return;
      } catch {
        // gone since, or unreadable: written below
      }
    }
    const dir = path.dirname(file);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    // Written in place, no temporary file and rename: a write torn by a kill leaves JSON that does not parse, and
    // read() treats that as absent, so the article is simply extracted again.
    writeFileSync(file, text);
  }
}

/** One input as the last build saw it. */
export interface InputState {
  /** Input path (file) or "<dataset>#<row>". */
  file: string;
  /** Cheap change detector: size, mtime, ctime, inode of the file and its sidecar. */
  fp: string;
  key: string;
  /**
   * What the index needs of the record (see slimArticle) as JSON text, null when the input was skipped, "" when the
   * text is only in the slim store (see `at`; large archives keep none in memory).
   */
  slim: string | null;
  /** Where the slim text is in the manifest's slim store (an AppendStore): [offset, length]. */
  at?: [number, number];
  diagnostics: Diagnostic[];
  /** Skip reason when the input was not built. */
  reason?: string;
}

/**
 * Texts appended to one file and read back by [offset, byte length] (UTF-8). Two uses:
 * - a manifest's slim store: it outlives the build; a rebuild appends the texts of changed inputs and keeps the
 *   offsets of the rest, so neither reading nor writing the manifest moves every text (65 MB at 10k articles).
 *   Appending never disturbs the offsets the committed manifest refers to, so a failed build leaves it intact;
 * - texts a large build cannot keep in memory while it runs (a 100k archive's quotes), removed at the end.
 */
export class AppendStore {
  private fd: number;
  private end: number;
  /** Buffered stores: texts put but not yet written, the last `pendingLength` bytes before `end`. */
  private pending: Buffer | null = null;
  private pendingLength = 0;
  private constructor(readonly file: string, fd: number) {
    this.fd = fd;
    this.end = fstatSync(fd).size;
  }

  /**
   * A new, empty store. `buffer`: bytes to gather before each write, for a store of many small texts that only this
   * process reads (100k articles park ~1.8M quote texts: a write each cost ~4 s).
   */
  static create(file: string, options: { buffer?: number } = {}): AppendStore {
    mkdirSync(path.dirname(file), { recursive: true });
    const store = new AppendStore(file, openSync(file, 'w+'));
    if (options.buffer) store.pending = Buffer.allocUnsafe(options.buffer);
    return store;
  }

  /** The store a manifest names, for reading and appending; null when it is gone. */
  static open(file: string): AppendStore | null {
    try {
      return new AppendStore(file, openSync(file, 'r+'));
    } catch {
      return null;
    }
  }

  get size(): number {
    return this.end;
  }

  put(text: string): [number, number] {
    const at = this.end;
    const p = this.pending;
    // At most 3 bytes per UTF-16 unit: a text that may not fit what is left goes after a flush, or alone if too long.
    if (p && this.pendingLength + text.length * 3 > p.length) this.flush();
    if (p && text.length * 3 <= p.length) {
      const bytes = p.write(text, this.pendingLength, 'utf8');
      this.pendingLength += bytes;
      this.end += bytes;
      return [at, bytes];
    }
    const bytes = writeSync(this.fd, text, at, 'utf8');
    this.end += bytes;
    return [at, bytes];
  }

  /** Writes what a buffered store holds back. */
  flush(): void {
    if (!this.pending || this.pendingLength === 0) return;
    const start = this.end - this.pendingLength;
    for (let done = 0; done < this.pendingLength;) done += writeSync(this.fd, this.pending, done, this.pendingLength - done, start + done);
    this.pendingLength = 0;
  }

  get([at, length]: [number, number]): string {
    // Texts are put whole, so each is either all written or all still in the buffer.
    const written = this.end - this.pendingLength;
    if (this.pending && at >= written) return this.pending.toString('utf8', at - written, at - written + length);
    const buf = Buffer.allocUnsafe(length);
    if (readSync(this.fd, buf, 0, length, at) !== length) throw new Error(`${this.file}: slim text at ${at} is cut short`);
    return buf.toString('utf8');
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}

/**
 * One output file as written: content hash and size, to compare new bytes without reading the old file; files made
 * from index data add their data's fingerprint, to keep them without making them again (see madeOrKept).
 */
export type OutputState = [route: string, hash: string, size: number, fingerprint?: string];

export interface Manifest {
  /** Id of the build that wrote it (names its saved index, see writeSavedIndex). */
  build?: string;
  /** File name (beside the manifest) of the slim store (an AppendStore) its inputs' `at` refer to. */
  slims?: string;
  recordVersion: string;
  pageVersion: string;
  output: string;
  inputs: InputState[];
  outputs: OutputList;
}

/** Manifest files for an output folder (several sites can share one cache): inputs, and outputs beside them. */
export function manifestPath(cacheDir: string, output: string): string {
  return path.join(cacheDir, `manifest-${sha1(path.resolve(output), 'base64url').slice(0, 12)}.jsonl`);
}

/** An input in the manifest file: file, fp, key, diagnostics, skip reason, and the slim text's place (built inputs). */
type StoredInput = [file: string, fp: string, key: string, diagnostics: Diagnostic[], reason: string | null, at?: number, length?: number];

/** Bumped when the manifest's layout changes: a manifest of another format is not read (the next build is cold). */
const MANIFEST_FORMAT = 3;

/** Offset of a route's line in an outputs text, or -1. Lines are JSON.stringify([route, hash, size]). */
function lineIn(text: string, route: string): number {
  const prefix = `[${JSON.stringify(route)},`;
  if (text.startsWith(prefix)) return 0;
  const at = text.indexOf(`\n${prefix}`);
  return at < 0 ? -1 : at + 1;
}

/** Lines in a text (newlines, each line ending in one). */
function lineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * The outputs half of a manifest, one JSON line per file, kept as the text it was read as and parsed only as far as a
 * build needs: a full or incremental build compares every file (all()), a fast rebuild looks up the few routes it
 * re-rendered and replaces their lines in the text (splitting and parsing 32k lines, then joining them again, was
 * most of a 10k archive's one-article rebuild manifest time).
 */
export class OutputList {
  private byRoute: Map<string, OutputState> | null = null;
  private lookups = 0;
  /** Searches of the text answer the first lookups; past this many, one pass indexes every route. */
  private static readonly SCANS = 16;
  /**
   * `text`: the lines, each ending in a newline; `length`: how many; `listPages`: how many of the files are list
   * pages (the report's page count is articles plus these).
   */
  constructor(readonly text: string, readonly length: number, readonly listPages: number) {}

  /** Every entry, in manifest order. */
  all(): OutputState[] {
    const out: OutputState[] = [];
    for (let at = 0; at < this.text.length;) {
      const end = this.text.indexOf('\n', at);
      out.push(JSON.parse(this.text.slice(at, end)) as OutputState);
      at = end + 1;
    }
    return out;
  }

  /** The entries whose route starts with `prefix`, as their JSON lines (found without parsing the others). */
  linesUnder(prefix: string): string[] {
    const start = JSON.stringify(prefix).slice(0, -1);
    const out: string[] = [];
    for (let at = 0; at < this.text.length;) {
      const end = this.text.indexOf('\n', at);
      if (this.text.startsWith(start, at + 1)) out.push(this.text.slice(at, end));
      at = end + 1;
    }
    return out;
  }

  /** The entry for a route. */
  find(route: string): OutputState | undefined {
    if (!this.byRoute && ++this.lookups <= OutputList.SCANS) {
      const at = lineIn(this.text, route);
      return at < 0 ? undefined : (JSON.parse(this.text.slice(at, this.text.indexOf('\n', at))) as OutputState);
    }
    this.byRoute ??= new Map(this.all().map((o) => [o[0], o]));
    return this.byRoute.get(route);
  }

  /** The list with these entries in place of those for the same routes (added at the end when new), and how many replaced one. */
  with(changes: OutputState[]): { list: OutputList; replaced: number } {
    let replaced = 0;
    let text = this.text;
    if (changes.length <= OutputList.SCANS) {
      for (const o of changes) {
        const at = lineIn(text, o[0]);
        const line = `${JSON.stringify(o)}\n`;
        if (at < 0) text += line;
        else {
          text = text.slice(0, at) + line + text.slice(text.indexOf('\n', at) + 1);
          replaced++;
        }
      }
    } else {
      const next = new Map(changes.map((o) => [o[0], o]));
      const kept = this.all().map((o) => {
        const n = next.get(o[0]);
        if (!n) return o;
        next.delete(o[0]);
        replaced++;
        return n;
      });
      text = OutputList.of([...kept, ...next.values()], 0).text;
    }
    return { list: new OutputList(text, this.length + changes.length - replaced, this.listPages), replaced };
  }

  static of(outputs: OutputState[], listPages: number): OutputList {
    let text = '';
    for (const o of outputs) text += `${JSON.stringify(o)}\n`;
    return new OutputList(text, outputs.length, listPages);
  }
}

/**
 * The inputs half of a manifest, written to a temporary file as soon as extraction ends; commitManifest() puts it in
 * place together with the outputs half. Slim texts are not in it: each input names its place in the slim store.
 * The inputs are one JSON array on the second line: one parse reads them back (a parse per line took twice as long).
 */
export function writeManifestInputs(file: string, build: string, m: Pick<Manifest, 'recordVersion' | 'pageVersion' | 'output' | 'inputs'> & { slims: string }): string {
  const tmp = `${file}.${process.pid}.inputs.tmp`;
  mkdirSync(path.dirname(tmp), { recursive: true });
  const head = JSON.stringify({ format: MANIFEST_FORMAT, build, recordVersion: m.recordVersion, pageVersion: m.pageVersion, output: m.output, slims: m.slims, inputs: m.inputs.length });
  // Each input as an array (see StoredInput): JSON arrays parse faster than objects, ~40% of the read at 10k inputs.
  const stored = m.inputs.map((i): StoredInput => {
    if (i.slim !== null && !i.at) throw new Error(`manifest: ${i.file} has no slim text in the store`);
    return i.slim === null ? [i.file, i.fp, i.key, i.diagnostics, i.reason ?? null] : [i.file, i.fp, i.key, i.diagnostics, i.reason ?? null, i.at![0], i.at![1]];
  });
  writeFileSync(tmp, `${head}\n${JSON.stringify(stored)}\n`);
  return tmp;
}

/** Writes the outputs half and renames both halves into place (the build id ties them together). */
export function commitManifest(file: string, build: string, inputsTmp: string, outputs: OutputList): void {
  const tmp = `${file}.${process.pid}.outputs.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ build, outputs: outputs.length, listPages: outputs.listPages })}\n${outputs.text}`);
  renameSync(inputsTmp, file);
  renameSync(tmp, `${file}.outputs`);
}


export function readManifest(file: string): Manifest | null {
  let text: string;
  let outText: string;
  try {
    text = readFileSync(file, 'utf8');
    outText = readFileSync(`${file}.outputs`, 'utf8');
  } catch {
    return null;
  }
  try {
    const cut = text.indexOf('\n');
    const head = JSON.parse(text.slice(0, cut)) as { format?: number; build: string; recordVersion: string; pageVersion: string; output: string; slims?: string; inputs: number };
    if (head.format !== MANIFEST_FORMAT || !head.slims) return null;
    const outputs = outputsOf(outText, head.build);
    if (!outputs) return null;
    const stored = JSON.parse(text.slice(cut + 1)) as StoredInput[];
    if (stored.length !== head.inputs) return null;
    const inputs = stored.map(([file, fp, key, diagnostics, reason, at, length]): InputState => {
      const i: InputState = { file, fp, key, slim: at === undefined ? null : '', at: at === undefined ? undefined : [at, length!], diagnostics };
      if (reason !== null) i.reason = reason;
      return i;
    });
    return { build: head.build, slims: head.slims, recordVersion: head.recordVersion, pageVersion: head.pageVersion, output: head.output, inputs: inputs as InputState[], outputs };
  } catch {
    return null;
  }
}

/** A manifest's outputs half, when it belongs to the build `build` and is whole. */
function outputsOf(outText: string, build: string): OutputList | null {
  const outCut = outText.indexOf('\n');
  const outHead = JSON.parse(outText.slice(0, outCut)) as { build: string; outputs: number; listPages?: number };
  if (outHead.build !== build || outHead.listPages === undefined || lineCount(outText) !== 1 + outHead.outputs) return null;
  return new OutputList(outText.slice(outCut + 1), outHead.outputs, outHead.listPages);
}

/**
 * The last build's outputs alone, without reading its inputs (6.5 MB of JSON at 10k articles): what the search stamp
 * needs on every build. Null when the manifest is missing, torn or of another format.
 */
export function readManifestOutputs(file: string): OutputList | null {
  try {
    const head = JSON.parse(headLine(file)) as { format?: number; build: string };
    if (head.format !== MANIFEST_FORMAT) return null;
    return outputsOf(readFileSync(`${file}.outputs`, 'utf8'), head.build);
  } catch {
    return null;
  }
}

/** The first line of a file, read in 4 KB steps (a manifest's head is ~300 bytes before megabytes of inputs). */
function headLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const parts: Buffer[] = [];
    for (let pos = 0; ; ) {
      const buf = Buffer.alloc(4096);
      const n = readSync(fd, buf, 0, buf.length, pos);
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl >= 0 || n === 0) {
        parts.push(buf.subarray(0, nl >= 0 ? nl : n));
        return Buffer.concat(parts).toString('utf8');
      }
      parts.push(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a build appends to the last build's slim store or starts a new one: a store more than twice the size of
 * the texts still in use (plus 1 MB, so small sites never bother) is mostly dead texts of edited inputs.
 */
export function reuseSlimStore(storeBytes: number, liveBytes: number): boolean {
  return storeBytes <= 2 * liveBytes + (1 << 20);
}

/** The slim store of a manifest's build: a new file per generation, named by the build that started it. */
export function slimStorePath(manifestFile: string, build: string): string {
  return `${manifestFile}.slims-${build}`;
}

/** Slim stores other than the one the committed manifest names go (older generations, failed builds' new ones). */
export function pruneSlimStores(manifestFile: string, keep: string): void {
  const dir = path.dirname(manifestFile);
  const prefix = `${path.basename(manifestFile)}.slims-`;
  for (const name of readdirSync(dir)) if (name.startsWith(prefix) && name !== keep) rmSync(path.join(dir, name), { force: true });
}

/** Removes record folders of other generator versions, so the cache does not grow without bound. */
export function pruneRecordVersions(cacheDir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith('records-') && name !== `records-${keep}`) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
}
