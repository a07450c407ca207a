import { describe, expect, it } from 'vitest';
import { CLIENT_PATH, injectDev, OVERLAY_ID, overlayHtml, problemPage } from '../../src/dev/overlay.ts';

const problem = {
  title: 'Build failed',
  diagnostics: [{ severity: 'error' as const, code: 'yaml-syntax', file: 'seeds/a.md', line: 3, col: 7, message: 'bad <b>value</b>', hint: 'close the quote' }],
  changed: ['seeds/a.md'],
};

describe('dev overlay', () => {
  it('adds the reload client before </head> and nothing else when the build is clean', () => {
    const html = injectDev('<html><head><title>x</title></head><body><p>hi</p></body></html>', []);
    expect(html).toContain(`<script src="${CLIENT_PATH}" defer></script></head>`);
    expect(html).not.toContain(OVERLAY_ID);
  });

  it('puts the overlay first in <body> with file:line:col, code and hint, escaped', () => {
    const html = injectDev('<html><head></head><body class="home"><p>hi</p></body></html>', [problem]);
    expect(html).toMatch(new RegExp(`<body class="home"><div id="${OVERLAY_ID}"`));
    expect(html).toContain('seeds/a.md:3:7');
    expect(html).toContain('[yaml-syntax]');
    expect(html).toContain('hint: close the quote');
    expect(html).toContain('bad &lt;b&gt;value&lt;/b&gt;');
    expect(html).not.toContain('<b>value');
  });

  it('still injects into a fragment without head or body', () => {
    const html = injectDev('<p>bare</p>', [problem]);
    expect(html).toContain(CLIENT_PATH);
    expect(html).toContain(OVERLAY_ID);
  });

  it('renders nothing for no problems and a whole page when there is no site yet', () => {
    expect(overlayHtml([])).toBe('');
    const page = problemPage([problem]);
    expect(page).toContain('<!DOCTYPE html>');
    expect(page).toContain(OVERLAY_ID);
  });
});
