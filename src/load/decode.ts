// Bytes → normalised text: BOM and UTF-16 detection, binary refusal, invalid UTF-8 replaced with a warning.
import type { Diagnostic } from '../model/diagnostic.ts';

export type Decoded = { ok: true; text: string; warnings: Omit<Diagnostic, 'file'>[] } | { ok: false; reason: Omit<Diagnostic, 'file'> };

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  const warnings: Omit<Diagnostic, 'file'>[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    warnings.push({ severity: 'warning', code: 'utf16', message: 'file is UTF-16 (little-endian); decoded', hint: 'save articles as UTF-8' });
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    warnings.push({ severity: 'warning', code: 'utf16', message: 'file is UTF-16 (big-endian); decoded', hint: 'save articles as UTF-8' });
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const { line, col } = lineColOfByte(bytes, nul);
      return { ok: false, reason: { severity: 'error', code: 'binary', line, col, message: 'file contains NUL bytes: it looks binary, not text; skipped', hint: 'only plain-text (.txt) and Markdown (.md) articles are read; remove or convert this file' } };
    }
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(start);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder('utf-8').decode(body);
      const bad = firstInvalidUtf8(body);
      const { line, col } = lineColOfByte(body, bad);
      warnings.push({ severity: 'warning', code: 'invalid-utf8', line, col, message: 'invalid UTF-8 bytes replaced with U+FFFD', hint: 're-save the file as UTF-8 to keep the original characters' });
    }
  }
  return { ok: true, text: normaliseLineEnds(text), warnings };
}

/** CRLF and lone CR become LF so offsets and line numbers mean the same everywhere. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function lineColOfByte(bytes: Uint8Array, index: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  return { line, col: index - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes: the first prefix that fails to decode (allowing a truncated tail) holds the bad byte.
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      // stream: a sequence cut by the prefix end is not an error, only a truly invalid byte is.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
