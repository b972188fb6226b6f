/**
 * A tiny static HTTP server for e2e tests, on 127.0.0.1 and a random port.
 *
 * Contract: `startStaticServer(mounts)` serves each mount's directory under
 * its URL prefix (longest prefix wins), GET/HEAD only, never outside the
 * mounted directory (404 for traversal attempts and missing files).
 * Resolves once listening; `close()` stops it. Throws if it cannot listen
 * (e.g. a fixed `port` already in use; the default 0 picks a free one).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export interface Mount {
  /** URL prefix, starting and ending with "/". */
  prefix: string;
  dir: string;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export async function startStaticServer(mounts: Mount[], port = 0): Promise<StaticServer> {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length).map((m) => ({ ...m, dir: resolve(m.dir) }));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = ordered.find((m) => path.startsWith(m.prefix));
    let file = mount ? resolve(mount.dir, `.${sep}${path.slice(mount.prefix.length)}`) : null;
    if (file && mount && !(file === mount.dir || file.startsWith(mount.dir + sep))) file = null;
    try {
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) throw new Error('not found');
      let info = await stat(file);
      if (info.isDirectory()) {
        file = resolve(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
