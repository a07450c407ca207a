// The browser half of live reload: listens to the dev server's event stream, reloads on a new build, dismisses the overlay.
import { DEV_PREFIX, EVENTS_PATH, OVERLAY_ID } from './overlay.ts';

/**
 * "hello" carries the build id at connect time: after a server restart or a build missed while the
 * connection was down, the id differs and the page reloads instead of going stale.
 */
export const CLIENT_JS = `(() => {
  'use strict';
  let seen = null;
  const es = new EventSource(${JSON.stringify(EVENTS_PATH)});
  es.addEventListener('hello', (e) => {
    if (seen !== null && e.data !== seen) location.reload();
    seen = e.data;
  });
  es.addEventListener('reload', (e) => { seen = e.data; location.reload(); });
  // A stylesheet-only change: refetch the site's stylesheets in place, keeping scroll position and state.
  es.addEventListener('css', (e) => {
    seen = e.data;
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      if (url.pathname.startsWith(${JSON.stringify(DEV_PREFIX)})) continue;
      url.searchParams.set('dev-reload', e.data);
      link.href = url.href;
    }
  });
  const dismiss = () => { const o = document.getElementById(${JSON.stringify(OVERLAY_ID)}); if (o) o.remove(); };
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest(${JSON.stringify(`#${OVERLAY_ID} .na-close`)})) dismiss();
  });
  addEventListener('keydown', (e) => { if (e.key === 'Escape') dismiss(); });
})();
`;
