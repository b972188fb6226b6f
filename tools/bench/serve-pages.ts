/**
 * A throwaway HTTP server on 127.0.0.1 for the benchmark pages.
 *
 * Contract: `servePages(pages)` listens on a free port and serves each
 * `pages[path]` HTML string at `/path` (404 otherwise); `close()` stops it
 * and drops open connections. Rejects if the socket cannot be bound.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function servePages(pages: ReadonlyMap<string, string>): Promise<PageServer> {
  const bodies = new Map([...pages].map(([path, html]) => [path, Buffer.from(html, 'utf8')]));
  const server = http.createServer((req, res) => {
    const body = bodies.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
