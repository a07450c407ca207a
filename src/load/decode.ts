// Bytes → normalised text: BOM and UTF-16 detection, binary refusal, invalid UTF-8 replaced with a warning.
//
// Policy (documented for users): a file with NUL bytes that is not UTF-16 is binary and skipped; UTF-16 (with or
// without BOM) is decoded and warned about; invalid UTF-8 bytes become U+FFFD with a warning that points at the first
// bad byte, and the article is still built; a UTF-8 BOM is dropped silently; CRLF and lone CR become LF; control
// characters other than tab and line feed are removed with a warning (HTML and XML cannot carry them).
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../model/diagnostic.ts';

export type Decoded = { ok: true; text: string; warnings: Omit<Diagnostic, 'file'>[] } | { ok: false; reason: Omit<Diagnostic, 'file'> };

// One decoder for every file (decode() without { stream } keeps no state between calls); building one per file cost more
// than decoding a typical article.
const UTF8 = new TextDecoder('utf-8');

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  const warnings: Omit<Diagnostic, 'file'>[] = [];
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : null;
  if (utf16) {
    text = new TextDecoder(`utf-16${utf16}`).decode(bytes.subarray(2));
    warnings.push({ severity: 'warning', code: 'utf16', line: 1, col: 1, message: `file is UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian); decoded`, hint: 'save articles as UTF-8' });
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const guess = guessBomlessUtf16(bytes);
      if (!guess) {
        const { line, col } = lineColOfByte(bytes, nul);
        return { ok: false, reason: { severity: 'error', code: 'binary', line, col, message: 'file contains NUL bytes: it looks binary, not text; skipped', hint: 'only plain-text (.txt) and Markdown (.md) articles are read; remove or convert this file' } };
      }
      text = new TextDecoder(`utf-16${guess}`).decode(bytes);
      warnings.push({ severity: 'warning', code: 'utf16', line: 1, col: 1, message: `file looks like UTF-16 (${guess === 'le' ? 'little' : 'big'}-endian) without a byte-order mark; decoded as such`, hint: 'save articles as UTF-8' });
    } else {
      const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const body = bytes.subarray(start);
      // Node's native check answers the common case (valid) at once; the byte loop then finds where a bad file breaks.
      const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
      text = UTF8.decode(body);
      if (bad >= 0) {
        const { line, col } = lineColOfByte(body, bad);
        warnings.push({ severity: 'warning', code: 'invalid-utf8', line, col, message: 'invalid UTF-8 bytes replaced with U+FFFD (�); the article is built with them replaced', hint: 're-save the file as UTF-8 to keep the original characters' });
      }
    }
  }
  text = normaliseLineEnds(text);
  const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.exec(text);
  if (control) {
    const { line, col } = lineColOfIndex(text, control.index);
    warnings.push({ severity: 'warning', code: 'control-chars', line, col, message: `control characters (first: U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) removed`, hint: 'remove the control characters from the file (often left by copy-and-paste from a terminal or old word processor)' });
    text = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
  }
  return { ok: true, text, warnings };
}

/** CRLF and lone CR become LF so offsets and line numbers mean the same everywhere. */
export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Text in UTF-16 without a BOM has a NUL in the high byte of nearly every ASCII character: NULs almost only at odd
 * offsets means little-endian, only at even offsets big-endian. Anything else with NULs is treated as binary.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  const pairs = n / 2;
  if (odd >= pairs * 0.5 && even === 0) return 'le';
  if (even >= pairs * 0.5 && odd === 0) return 'be';
  return null;
}

/** Line and column (in characters, 1-based) of a byte offset; columns count UTF-8 sequences, not bytes. */
function lineColOfByte(bytes: Uint8Array, index: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < index; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) col++; // continuation bytes do not start a character
  }
  return { line, col };
}

function lineColOfIndex(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: [...before.slice(nl + 1)].length + 1 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values above U+10FFFF are invalid even when well-shaped.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}
