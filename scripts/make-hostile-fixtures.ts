// Writes the hostile-input fixture folder (bytes git cannot hold as text) and says what the build must do with each file.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ExpectedOutcome = 'built' | 'built-with-warnings' | 'skipped';

export interface HostileCase {
  /** Path relative to the fixture folder. */
  file: string;
  outcome: ExpectedOutcome;
  /** Diagnostic code the report entry must carry (the skip reason, or one of the warnings). */
  code?: string;
  /** Line that diagnostic must point at. */
  line?: number;
  /** Column that diagnostic must point at. */
  col?: number;
  /** Exact title the built article must have. */
  title?: string;
  /** What the case is about, for test names. */
  about: string;
}

export interface MakeOptions {
  /** Write the 50 MB file (default true). */
  big?: boolean;
}

const GOOD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/hostile');

const WIRE = (headline: string, body = 'The town council met on Monday to discuss the new bridge, officials said.'): string =>
  `${headline}\n\nNORTHTON, Example News – ${body}\n\n"We will vote next week," said councillor Ada Sample.\n`;

/** Writes every case into `dir` (which must exist and be empty) and returns the expectations, in path order. */
export function makeHostileFixtures(dir: string, options: MakeOptions = {}): HostileCase[] {
  const cases: HostileCase[] = [];
  const put = (file: string, content: string | Uint8Array, expect: Omit<HostileCase, 'file'>): void => {
    const abs = path.join(dir, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    cases.push({ file, ...expect });
  };

  for (const name of readdirSync(GOOD_DIR).filter((n) => n.startsWith('good-')).sort()) {
    copyFileSync(path.join(GOOD_DIR, name), path.join(dir, name));
    cases.push({ file: name, outcome: 'built', about: 'an ordinary article beside the hostile ones' });
  }

  // Encodings and bytes.
  put('empty.txt', '', { outcome: 'skipped', code: 'empty-file', about: 'empty file' });
  put('blank.txt', ' \n\t\n   \n', { outcome: 'skipped', code: 'blank-file', about: 'whitespace only' });
  put('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]), { outcome: 'skipped', code: 'binary', line: 3, col: 1, about: 'binary file (NUL bytes)' });
  put('invalid-utf8.txt', Buffer.concat([Buffer.from('Mayor opens market\n\nSOUTHAM, Example News – Stalls sold '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' cheese on Friday.\n')]), { outcome: 'built-with-warnings', code: 'invalid-utf8', line: 3, col: 37, title: 'Mayor opens market', about: 'invalid UTF-8 (decoded with U+FFFD, warned)' });
  put('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WIRE('Bakery wins regional prize'))]), { outcome: 'built', title: 'Bakery wins regional prize', about: 'UTF-8 byte-order mark' });
  put('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WIRE('Ferry timetable changes'), 'utf16le')]), { outcome: 'built-with-warnings', code: 'utf16', title: 'Ferry timetable changes', about: 'UTF-16 little-endian with BOM' });
  put('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(WIRE('Orchard harvest begins early'), 'utf16le'))]), { outcome: 'built-with-warnings', code: 'utf16', title: 'Orchard harvest begins early', about: 'UTF-16 big-endian with BOM' });
  put('utf16le-nobom.txt', Buffer.from(WIRE('River levels fall again'), 'utf16le'), { outcome: 'built-with-warnings', code: 'utf16', title: 'River levels fall again', about: 'UTF-16 without BOM (NUL bytes every other byte)' });
  put('crlf.txt', WIRE('Tram line extended north').replace(/\n/g, '\r\n'), { outcome: 'built', title: 'Tram line extended north', about: 'CRLF line ends' });
  put('lone-cr.txt', WIRE('Museum lends paintings abroad').replace(/\n/g, '\r'), { outcome: 'built', title: 'Museum lends paintings abroad', about: 'lone CR line ends (old Mac)' });
  put('crlf-front-matter.md', '---\r\ntitle: Dock workers sign deal\r\ndate: 2024-02-02\r\n---\r\nThe agreement runs for three years, union leaders said.\r\n', { outcome: 'built', title: 'Dock workers sign deal', about: 'CRLF in front matter' });
  if (options.big !== false) {
    const line = 'The committee reviewed the figures again and asked for a further report on the costs. ';
    const big = Buffer.alloc(50 * 1024 * 1024, line);
    big.write('Committee reviews costs\n\n', 0);
    put('huge-50mb.txt', big, { outcome: 'skipped', code: 'too-large', about: '50 MB file (above maxArticleBytes)' });
  }
  // No speech verbs: a paragraph with thousands of quotes is a performance case of its own (reported), not an input case.
  put('one-mb-paragraph.txt', `Budget debate runs late\n\n${'Rain fell on the old town all week and the river rose slowly toward the bridge. '.repeat(13_000)}\n`, { outcome: 'built', title: 'Budget debate runs late', about: '1 MB single paragraph' });

  // Markdown that would take minutes to parse or overflow the stack: published as plain text with a warning.
  put('dense-emphasis.md', `---\ntitle: Dense emphasis\n---\n${'*a'.repeat(50_000)}\n`, { outcome: 'built-with-warnings', code: 'markdown-too-complex', line: 4, title: 'Dense emphasis', about: '100 KB paragraph of emphasis markers (quadratic in micromark)' });
  put('deep-blockquote.md', `# Deep quote\n\n${'>'.repeat(50_000)} text\n`, { outcome: 'built-with-warnings', code: 'markdown-too-complex', line: 3, title: 'Deep quote', about: 'blockquotes nested 50,000 deep (stack overflow in rendering)' });
  put('nested-brackets.md', `# Brackets\n\n${'['.repeat(50_000)}x${']'.repeat(50_000)}\n`, { outcome: 'built-with-warnings', code: 'markdown-too-complex', line: 3, title: 'Brackets', about: '50,000 nested link brackets' });

  // Front matter.
  put('malformed-yaml.md', '---\ntitle: Storm closes schools\ndate: 2024-01-09\ntags: [Weather, Schools\nauthor: Kim Example\n---\nSchools stayed shut on Tuesday.\n', { outcome: 'skipped', code: 'yaml-syntax', line: 5, about: 'malformed YAML front matter (real line)' });
  put('bad-indent-yaml.md', '---\ntitle: Bridge inspection\n  summary: broken\n---\nEngineers inspected the bridge.\n', { outcome: 'skipped', code: 'yaml-syntax', line: 3, about: 'malformed YAML front matter (bad indentation)' });
  put('wrong-type-date.md', '---\ntitle: Parade route announced\ndate: yesterday\n---\nThe parade will pass the old town hall, organisers said.\n', { outcome: 'built-with-warnings', code: 'bad-date', line: 3, title: 'Parade route announced', about: 'front matter date: yesterday' });
  put('wrong-type-tags.md', '---\ntitle: Cyclists ask for lanes\ntags: 5\n---\nA group of cyclists asked the council for protected lanes.\n', { outcome: 'built-with-warnings', code: 'meta-type', line: 3, title: 'Cyclists ask for lanes', about: 'front matter tags: 5' });
  put('wrong-type-title.md', '---\ntitle: [not, a, title]\n---\n# Fishermen protest quotas\n\nBoats stayed in port on Thursday.\n', { outcome: 'built-with-warnings', code: 'meta-type', line: 2, title: 'Fishermen protest quotas', about: 'front matter title as a list' });
  put('front-matter-list.md', '---\n- one\n- two\n---\n# Clinic extends hours\n\nThe clinic will open on Saturdays.\n', { outcome: 'built-with-warnings', code: 'meta-shape', line: 2, title: 'Clinic extends hours', about: 'front matter that is a list, not a mapping' });

  // Structure.
  put('no-headline.md', 'the council met on monday and talked for a long time about roads, bridges and the budget for the coming year, officials said.\n', { outcome: 'built-with-warnings', code: 'no-headline', title: 'no-headline', about: 'no headline' });
  put('only-headline.txt', 'Power cut hits east side\n', { outcome: 'built-with-warnings', code: 'no-body', title: 'Power cut hits east side', about: 'only a headline' });
  put('dup/a.txt', WIRE('Water prices to rise'), { outcome: 'built', title: 'Water prices to rise', about: 'duplicate title (first keeps the slug)' });
  put('dup/b.txt', WIRE('Water prices to rise', 'A second report on the same rise in water prices was filed on Tuesday.'), { outcome: 'built-with-warnings', code: 'duplicate-slug', title: 'Water prices to rise', about: 'duplicate title (second gets -2)' });
  put('dup/c.md', '---\ntitle: Another story\nslug: water-prices-to-rise\n---\nThe same slug, set by hand.\n', { outcome: 'built-with-warnings', code: 'duplicate-slug', about: 'duplicate slug set in front matter' });

  // Paths and slugs trying to escape.
  put('escape-slug.md', '---\ntitle: Zoo welcomes twin lions\nslug: ../../etc/passwd\n---\nTwo cubs were born at the city zoo.\n', { outcome: 'built-with-warnings', code: 'slug-unsafe', line: 3, about: 'slug: ../../etc/passwd' });
  put('absolute-slug.md', '---\ntitle: Airport adds routes\nslug: /etc/passwd\n---\nThree new routes start in spring.\n', { outcome: 'built-with-warnings', code: 'slug-unsafe', line: 3, about: 'absolute-path slug' });
  put('encoded-slug.md', '---\ntitle: Stadium roof fixed\nslug: "%2e%2e/%2e%2e/secret"\n---\nThe roof was repaired before the final.\n', { outcome: 'built-with-warnings', code: 'slug-unsafe', line: 3, about: 'percent-encoded ../ in slug' });
  put('%2e%2e.txt', WIRE('Lighthouse repainted'), { outcome: 'built', title: 'Lighthouse repainted', about: 'percent-encoded dots in the file name' });

  // Text that tries to become markup.
  put('markup.txt', WIRE('Council <script>alert("x")</script> vote', 'Residents wrote <img src=x onerror=alert(1)> and </script><script>alert(2)</script> in the comments, officials said.'), { outcome: 'built', title: 'Council <script>alert("x")</script> vote', about: 'markup and scripts in wire text' });
  put('markup.md', '---\ntitle: "Link test </script><script>alert(3)</script>"\nsummary: "</script><svg onload=alert(4)>"\n---\nRead [the report](javascript:alert(5)) and [this](JaVaScRiPt:alert(6)) and ![pic](javascript:alert(7)).\n\n<script>alert(8)</script>\n\n<img src="x" onerror="alert(9)">\n\n<a href="javascript:alert(10)">raw link</a>\n', { outcome: 'built', title: 'Link test </script><script>alert(3)</script>', about: 'javascript: links, raw HTML and </script> in Markdown' });
  put('unbalanced-quotes.txt', 'Minister says "talks will go on\n\nEASTON, Example News – "We are not leaving the table, said the minister on Monday.\n\nHe added that “a deal is close and ‘everyone knows it.\n', { outcome: 'built', title: 'Minister says "talks will go on', about: 'unbalanced quotation marks' });
  put('control-chars.txt', 'Pier\u0007 reopens\u001b[31m\n\nHARBORTON, Example News – The pier\u0000 reopened\u000b on Sunday\u200b.\n'.replace('\u0000', ''), { outcome: 'built-with-warnings', code: 'control-chars', line: 1, col: 5, about: 'control characters in text (removed, warned)' });

  // File-system cases.
  mkdirSync(path.join(dir, 'links'), { recursive: true });
  symlinkSync('/etc/hostname', path.join(dir, 'links/outside.txt'));
  cases.push({ file: 'links/outside.txt', outcome: 'skipped', code: 'symlink-outside', about: 'symlink to a file outside the input folder' });
  symlinkSync('/etc', path.join(dir, 'links/outside-dir'));
  cases.push({ file: 'links/outside-dir', outcome: 'skipped', code: 'symlink-outside', about: 'symlink to a folder outside the input folder' });
  symlinkSync('../good-harbour-reopens.txt', path.join(dir, 'links/inside.txt'));
  cases.push({ file: 'links/inside.txt', outcome: 'built-with-warnings', code: 'duplicate-slug', about: 'symlink to a file inside the input folder (read, same title)' });
  // File names: bytes that are not UTF-8 (Latin-1 "é"), and a line break.
  writeFileSync(Buffer.concat([Buffer.from(`${dir}${path.sep}caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), WIRE('Cafe reopens on the square'));
  cases.push({ file: 'caf\uFFFD.txt', outcome: 'skipped', code: 'bad-file-name', about: 'file name that is not valid UTF-8' });
  put('line\nbreak.txt', WIRE('Night market opens'), { outcome: 'built', title: 'Night market opens', about: 'line break in the file name' });
  const locked = path.join(dir, 'unreadable.txt');
  writeFileSync(locked, WIRE('Archive room locked'));
  chmodSync(locked, 0o000);
  // Root (CI containers) reads any file whatever its mode: the skip cannot happen there, so the expectation says so.
  let readable = false;
  try {
    readFileSync(locked);
    readable = true;
  } catch {
    readable = false;
  }
  cases.push(readable
    ? { file: 'unreadable.txt', outcome: 'built', about: 'chmod 000 file, still readable because this process runs as root (the unreadable path is simulated in test/load/read.test.ts)' }
    : { file: 'unreadable.txt', outcome: 'skipped', code: 'unreadable', about: 'file without read permission (chmod 000)' });

  return cases.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function swap16(b: Buffer): Buffer {
  const out = Buffer.from(b);
  out.swap16();
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('usage: tsx scripts/make-hostile-fixtures.ts <empty folder> [--no-big]\n');
    process.exit(2);
  }
  mkdirSync(target, { recursive: true });
  const cases = makeHostileFixtures(target, { big: !process.argv.includes('--no-big') });
  for (const c of cases) process.stdout.write(`${c.outcome.padEnd(20)} ${c.file}  (${c.about})\n`);
}
