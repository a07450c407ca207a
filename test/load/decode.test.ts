// Decoding policy: binary refused, UTF-16 decoded (with or without BOM), bad UTF-8 replaced and located, line ends and controls normalised.
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, firstInvalidUtf8 } from '../../src/load/decode.ts';

const ok = (bytes: Uint8Array) => {
  const d = decodeArticleBytes(bytes);
  if (!d.ok) throw new Error(d.reason.message);
  return d;
};

describe('decodeArticleBytes', () => {
  it('drops a UTF-8 BOM without a warning', () => {
    const d = ok(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Bridge opens\n')]));
    expect(d.text).toBe('Bridge opens\n');
    expect(d.warnings).toEqual([]);
  });

  it('refuses NUL bytes that are not UTF-16 and says where the first one is', () => {
    const d = decodeArticleBytes(Buffer.from('Line one\nab\u0000cd\n', 'latin1'));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatchObject({ code: 'binary', line: 2, col: 3 });
  });

  it('decodes UTF-16 with a BOM (both byte orders) and without one', () => {
    const le = Buffer.from('Ferry sails at noon\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(ok(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text).toBe('Ferry sails at noon\n');
    expect(ok(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe('Ferry sails at noon\n');
    const bare = ok(le);
    expect(bare.text).toBe('Ferry sails at noon\n');
    expect(bare.warnings[0]).toMatchObject({ code: 'utf16', line: 1 });
    expect(ok(be).text).toBe('Ferry sails at noon\n');
  });

  it('replaces invalid UTF-8 with U+FFFD and points at the first bad byte in characters, not bytes', () => {
    const d = ok(Buffer.concat([Buffer.from('Title\nCafé – ok '), Buffer.from([0xff]), Buffer.from(' end\n')]));
    expect(d.text).toBe('Title\nCafé – ok \uFFFD end\n');
    expect(d.warnings[0]).toMatchObject({ code: 'invalid-utf8', line: 2, col: 11 });
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(ok(Buffer.from('a\r\nb\rc\n')).text).toBe('a\nb\nc\n');
  });

  it('removes control characters other than tab and line feed, with a warning', () => {
    const d = ok(Buffer.from('Pier\u0007 reopens\tnow\u001b[0m\n'));
    expect(d.text).toBe('Pier reopens\tnow[0m\n');
    expect(d.warnings[0]).toMatchObject({ code: 'control-chars', line: 1, col: 5 });
  });
});

describe('firstInvalidUtf8', () => {
  it('accepts well-formed text and finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('plain, é, 中, 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2); // UTF-16 surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe4, 0xb8]))).toBe(1); // cut off at the end
    expect(firstInvalidUtf8(Buffer.from([0x80]))).toBe(0); // lone continuation byte
  });
});
