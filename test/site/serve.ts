// Serves a built site on 127.0.0.1 under its base path (sirv), with the site's 404 page for unknown URLs.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

/** Listens on a free port; requests outside `basePath` get 404, as a sub-folder deployment would. */
export function serveDir(dir: string, basePath = '/', port = 0): Promise<Served> {
  const assets = sirv(dir, { dev: true, etag: false, extensions: ['html'] });
  const notFound = (): string => readFileSync(path.join(dir, '404.html'), 'utf8');
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const missing = (): void => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound());
    };
    if (!url.startsWith(basePath)) return missing();
    req.url = `/${url.slice(basePath.length)}`;
    assets(req, res, missing);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const p = typeof address === 'object' && address ? address.port : port;
      resolve({ origin: `http://127.0.0.1:${p}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** A port free right now on 127.0.0.1, so a site can be built with its real origin before it is served. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
