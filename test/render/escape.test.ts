// Escaping for HTML and for JSON inside <script>: article text can never close the script or open markup.
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, xmlSafe } from '../../src/render/escape.ts';

describe('escaping', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('keeps "</script>" and "<!--" from a headline out of a JSON-LD block, and the JSON still parses to the same value', () => {
    const value = { headline: 'Talks end </script><script>alert(1)</script> <!-- & \u2028 \u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('strips characters XML forbids (feeds) but keeps ordinary text', () => {
    expect(xmlSafe('a\u0000b\u0007c “d”')).toBe('abc “d”');
  });
});
