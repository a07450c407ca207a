// The injection detector itself: it must flag what a broken escaper would let through, and pass a safe page.
import { describe, expect, it } from 'vitest';
import { embeddedHtml, injections, inventory, isScriptUrl, templateInventory } from './html-inventory.ts';

const baseline = templateInventory([{ name: 'page.eta', source: '<p class="<%= it.c %>"><a href="<%= it.u %>"><%= it.t %></a></p><script type="application/ld+json"><%~ it.ld %></script>' }]);

describe('injections', () => {
  it('passes a page whose text was escaped', () => {
    const page = inventory('<p class="lead"><a href="/x/">&lt;script&gt;alert(1)&lt;/script&gt; onerror=</a></p><script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>');
    expect(injections(page, baseline)).toEqual([]);
  });

  it('flags an element, an event handler and a script URL that came from text', () => {
    const page = inventory('<p class="x"><img src=x onerror=alert(1)><a href=" java\tscript:alert(2)">y</a></p>');
    expect(injections(page, baseline)).toEqual(expect.arrayContaining(['element <img>', 'event handler img@onerror', 'script URL " java\\tscript:alert(2)"']));
  });

  it('flags an inline script and JSON-LD broken by "</script>"', () => {
    expect(injections(inventory('<p>a</p><script>alert(1)</script>'), baseline)).toContain('inline script "alert(1)"');
    const broken = inventory('<script type="application/ld+json">{"headline":"</script><script>alert(1)</script>"}</script>');
    expect(injections(broken, baseline).some((p) => p.startsWith('JSON-LD that does not parse'))).toBe(true);
  });

  it('recognises script URLs however they are spelled', () => {
    expect(['javascript:x', 'JaVaScRiPt:x', '\u0001javascript:x', 'vbscript:x', 'data:text/html,x'].every(isScriptUrl)).toBe(true);
    expect(['https://x.test/', '/articles/javascript-tips/', 'mailto:a@b.test'].some(isScriptUrl)).toBe(false);
  });

  it('reads the HTML a feed carries, so markup smuggled into a feed item is caught too', () => {
    const feed = '<feed><entry><title type="html"><![CDATA[Vote &lt;b&gt;]]></title><summary type="html"><![CDATA[<script>alert(1)</script>]]></summary><id>x</id></entry></feed>';
    const html = embeddedHtml(feed);
    expect(html).toEqual(['Vote &lt;b&gt;', '<script>alert(1)</script>']);
    expect(injections(inventory(html[0]!), baseline)).toEqual([]);
    expect(injections(inventory(html[1]!), baseline)).toContain('inline script "alert(1)"');
    expect(embeddedHtml('<rss><channel><item><description>a &amp;lt;i&amp;gt;</description></item></channel></rss>')).toEqual(['a &lt;i&gt;']);
  });
});
