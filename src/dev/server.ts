// Dev HTTP server: serves the output folder under the base path (sirv), injects the reload client and error overlay into HTML responses, streams reload events.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { CLIENT_JS } from './client.ts';
import { CLIENT_PATH, EVENTS_PATH, injectDev, OVERLAY_CSS, OVERLAY_CSS_PATH, problemPage, type DevProblem } from './overlay.ts';

export interface ServeTarget {
  /** The output folder (absolute). */
  root: string;
  /** "/" or "/archive/": the site answers only under it, as on the real host. */
  basePath: string;
}

export interface DevServerOptions extends ServeTarget {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface DevServer {
  /** Where the site's home page is, e.g. "http://127.0.0.1:8080/archive/". */
  readonly url: string;
  readonly port: number;
  /** Open event streams (one per browser tab). */
  readonly clients: number;
  /** Problems shown as an overlay on every HTML page until the next call. */
  setProblems(problems: DevProblem[]): void;
  /** Points the server at another folder or base path (after a config change). */
  retarget(target: ServeTarget): void;
  /** Tells every open tab to reload, or with "css" only to refetch its stylesheets. */
  reload(kind?: 'reload' | 'css'): void;
  close(): Promise<void>;
}

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};
const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  let target: ServeTarget = { root: path.resolve(options.root), basePath: options.basePath };
  let problems: DevProblem[] = [];
  const streams = new Set<ServerResponse>();
  // A fresh id per server start, so a tab that outlived a restart reloads on reconnect.
  const startId = Date.now().toString(36);
  let generation = 0;
  const buildId = (): string => `${startId}-${generation}`;
  let noMatch: (req: IncomingMessage, res: ServerResponse) => void = () => {};
  const makeStatic = () => sirv(target.root, { dev: true, dotfiles: false, onNoMatch: (req, res) => noMatch(req, res) });
  let serveStatic = makeStatic();

  const sendHtml = (res: ServerResponse, status: number, html: string, head: boolean): void => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(html) });
    res.end(head ? undefined : html);
  };
  const sendText = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
    res.end(body);
  };

  noMatch = (req, res) => {
    const notFound = path.join(target.root, '404.html');
    if (!isDir(target.root)) return sendHtml(res, 503, problemPage(problems), req.method === 'HEAD');
    if (isFile(notFound)) return sendHtml(res, 404, injectDev(readFileSync(notFound, 'utf8'), problems), req.method === 'HEAD');
    sendText(res, 404, 'text/plain', 'Not found');
  };

  const openStream = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(`retry: 500\nevent: hello\ndata: ${buildId()}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://dev.local');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendText(res, 400, 'text/plain', 'Bad request');
    }
    if (pathname === EVENTS_PATH) return openStream(req, res);
    if (pathname === CLIENT_PATH) return sendText(res, 200, 'text/javascript', CLIENT_JS);
    if (pathname === OVERLAY_CSS_PATH) return sendText(res, 200, 'text/css', OVERLAY_CSS);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'text/plain', 'Method not allowed');
    const { root, basePath } = target;
    if (!pathname.startsWith(basePath)) {
      // As on a host serving the site under a sub-path: only the base path exists; the bare root points there.
      if (pathname === '/' || `${pathname}/` === basePath) {
        res.writeHead(302, { Location: basePath });
        return void res.end();
      }
      return sendText(res, 404, 'text/html', `<!DOCTYPE html><p>Not found. The site is served under <a href="${basePath}">${basePath}</a>.</p>`);
    }
    if (!isDir(root)) return sendHtml(res, 503, problemPage(problems), req.method === 'HEAD');
    const rel = pathname.slice(basePath.length);
    const abs = path.resolve(root, rel);
    if (abs !== root && !abs.startsWith(root + path.sep)) return sendText(res, 403, 'text/plain', 'Forbidden');
    if (rel && !rel.endsWith('/') && isDir(abs)) {
      // Clean URLs need the trailing slash, as every static host redirects.
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      return void res.end();
    }
    const htmlFile = isDir(abs) ? path.join(abs, 'index.html') : abs.endsWith('.html') ? abs : isFile(`${abs}.html`) ? `${abs}.html` : null;
    if (htmlFile && isFile(htmlFile)) return sendHtml(res, 200, injectDev(readFileSync(htmlFile, 'utf8'), problems), req.method === 'HEAD');
    req.url = `/${rel}${url.search}`;
    serveStatic(req, res, () => noMatch(req, res));
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!res.headersSent) sendText(res, 500, 'text/plain', `dev server error: ${(err as Error).message}`);
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${options.port} is already in use; pass --port <another number>, or --port 0 for any free port`));
      else reject(err);
    });
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(': ping\n\n');
  }, 15_000);
  keepAlive.unref();
  const address = server.address() as AddressInfo;
  const bound = options.host ?? '127.0.0.1';
  // Listening on every interface: "localhost" is the address a browser on this machine can open.
  const host = bound === '0.0.0.0' || bound === '::' ? 'localhost' : bound;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  return {
    get url() {
      return `${origin}${target.basePath}`;
    },
    port: address.port,
    get clients() {
      return streams.size;
    },
    setProblems(next) {
      problems = next;
    },
    retarget(next) {
      target = { root: path.resolve(next.root), basePath: next.basePath };
      serveStatic = makeStatic();
    },
    reload(kind = 'reload') {
      generation++;
      for (const s of streams) s.write(`event: ${kind}\ndata: ${buildId()}\n\n`);
    },
    close() {
      clearInterval(keepAlive);
      for (const s of streams) s.end();
      streams.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
