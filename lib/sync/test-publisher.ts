/**
 * Test-only: a publisher (Ed25519 key pair) and a real local HTTP server on
 * 127.0.0.1 (random port) that serves releases and scripted faults. Only
 * *.test.ts files import this module.
 *
 * Contract: `startServer` resolves once listening; `route(path, r)` sets
 * what a path answers (a fixed response or a raw node:http handler);
 * `requests` logs every request's path and headers; `close` stops it
 * (destroying open connections, so hanging handlers do not keep tests alive).
 * `publish` puts a signed release of `pack` under `/feed/`. With `cors`,
 * responses carry the CORS headers a publisher serves to the extension.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Pack } from '@/lib/pack/schema';
import type { Manifest } from './manifest';
import { ED25519, exportPublicKey, keyIdOf } from './publisher-key';
import { manifestFor, signRelease } from './release';

export interface Publisher {
  publicKey: string;
  keyId: string;
  privateKey: CryptoKey;
}

export async function newPublisher(): Promise<Publisher> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = await exportPublicKey(pair.publicKey);
  return { publicKey, keyId: await keyIdOf(publicKey), privateKey: pair.privateKey };
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;
export interface FixedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

export interface TestServer {
  origin: string;
  route(path: string, r: FixedResponse | Handler): void;
  requests: Array<{ method: string; path: string; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

/** `cors`: answer as a publisher must for the extension's fetches (see docs/publishing.md). */
export async function startServer(o: { cors?: boolean } = {}): Promise<TestServer> {
  const routes = new Map<string, FixedResponse | Handler>();
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? "GET", path, headers: req.headers });
    if (o.cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', 'ETag');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Max-Age': '86400' }).end();
        return;
      }
    }
    const r = routes.get(path);
    if (typeof r === 'function') return r(req, res);
    if (!r) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = typeof r.body === 'string' ? Buffer.from(r.body) : Buffer.from(r.body ?? new Uint8Array(0));
    res.writeHead(r.status ?? 200, { 'Content-Length': String(body.length), ...r.headers }).end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, r) => void routes.set(path, r),
    requests,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

export interface PublishOptions {
  issued?: Date;
  expires?: Date;
  /** Changes the manifest before signing (faults). */
  edit?: (m: Manifest) => Manifest;
  /** Signs with this key instead of the publisher's own. */
  signWith?: CryptoKey;
  /** Serve these bytes as the pack instead of the pack's JSON. */
  packBytes?: Uint8Array<ArrayBuffer>;
  /** The manifest's pack.url; default "pack.json". */
  packUrl?: string;
}

export interface Release {
  manifest: Manifest;
  manifestBytes: Uint8Array<ArrayBuffer>;
  signature: string;
  packBytes: Uint8Array<ArrayBuffer>;
}

/** Builds a signed release of `pack` and serves it at /feed/manifest.json(.sig) and /feed/<packUrl>. */
export async function publish(server: TestServer, who: Publisher, pack: Pack | unknown, o: PublishOptions = {}): Promise<Release> {
  const packBytes = o.packBytes ?? new TextEncoder().encode(JSON.stringify(pack));
  const issued = o.issued ?? new Date('2026-11-01T00:00:00Z');
  const base = await manifestFor({
    pack: pack as Pack,
    packBytes,
    packUrl: o.packUrl ?? 'pack.json',
    keyId: who.keyId,
    issued,
    expires: o.expires ?? new Date(issued.getTime() + 30 * 86400_000),
  });
  const manifest = o.edit ? o.edit(base) : base;
  const { manifestBytes, signature } = await signRelease(manifest, o.signWith ?? who.privateKey);
  server.route('/feed/manifest.json', { body: manifestBytes, headers: { ETag: `"v${manifest.version}"` } });
  server.route('/feed/manifest.json.sig', { body: signature });
  server.route(`/feed/${o.packUrl ?? 'pack.json'}`, { body: packBytes });
  return { manifest, manifestBytes, signature, packBytes };
}
