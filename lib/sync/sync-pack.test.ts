/**
 * syncPack against a real HTTP server on 127.0.0.1 and the real store
 * (fake-indexeddb + importPack): every fault throws its own SyncError code
 * and leaves the store exactly as before (a dump of every table compared
 * as text).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SourcelightDB } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { samplePack } from '@/data/test-pack';
import type { Pack } from '@/lib/pack/schema';
import { MAX_MANIFEST_BYTES } from './manifest';
import { SyncError, type SyncErrorCode } from './sync-error';
import { syncPack, type InstalledPack, type SyncPackOptions, type Subscription } from './sync-pack';
import { newPublisher, publish, startServer, type Publisher, type TestServer } from './test-publisher';

const NOW = new Date('2026-11-10T00:00:00Z');

/** Version 2 of the sample pack: one more claim, with its own source. */
function packV2(edit: (p: Pack) => void = () => {}): Pack {
  const p = samplePack({ version: 2, issued: '2026-11-01T00:00:00Z' });
  p.claims.push({
    id: 'gamma-claim',
    title: 'Gamma gizmo delay',
    summary: 'A delay of gamma gizmos was reported.',
    eventDate: '2020-10-23',
    match: { terms: { gizmo: { en: ['gamma gizmo*'] } }, rules: [{ all: ['gizmo'], window: 200 }], guards: [] },
    statements: [
      {
        id: 'gamma-allegation',
        kind: 'allegation',
        speaker: { name: 'Ada Quist', role: null, organisation: null },
        date: '2020-10-23',
        summary: 'Ada Quist reported the delay.',
        quote: 'The gamma gizmos are late.',
        sources: ['herald'],
      },
    ],
  });
  edit(p);
  return p;
}

let server: TestServer;
let db: SourcelightDB;
let alice: Publisher;
let sub: Subscription;
let before: string;
let dbN = 0;

async function dump(): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toCollection().sortBy(':id')] as const));
  return JSON.stringify(tables);
}

beforeEach(async () => {
  server = await startServer();
  db = openDb(`sync-test-${++dbN}`);
  await importPack(db, samplePack(), 'sync', () => new Date('2026-10-01T00:00:00Z'));
  alice = await newPublisher();
  sub = { packId: 'sample', manifestUrl: `${server.origin}/feed/manifest.json`, publicKey: alice.publicKey };
  before = await dump();
});
afterEach(async () => {
  await server.close();
  await db.delete();
});

function attempt(o: Partial<SyncPackOptions<unknown>> = {}) {
  return syncPack({
    subscription: sub,
    installed: { version: 1 } as InstalledPack,
    fetch: (url, init) => fetch(url, init),
    now: () => NOW,
    install: (p) => importPack(db, p, 'sync'),
    timeoutMs: 2000,
    ...o,
  });
}

async function expectFault(code: SyncErrorCode, o: Partial<SyncPackOptions<unknown>> = {}): Promise<SyncError> {
  const err = await attempt(o).then(
    (r) => new Error(`expected ${code}, got ${JSON.stringify(r.status)}`),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncError);
  expect((err as SyncError).code, (err as Error).message).toBe(code);
  expect((err as SyncError).message.length).toBeGreaterThan(10);
  expect(await dump()).toBe(before);
  return err as SyncError;
}

describe('syncPack: success', () => {
  it('installs version 2 (a new claim) and reports the ETag', async () => {
    await publish(server, alice, packV2());
    const r = await attempt();
    expect(r).toMatchObject({ status: 'installed', version: 2, etag: '"v2"', installResult: 'updated' });
    expect((await db.packs.get('sample'))?.version).toBe(2);
    expect(await db.claims.get('gamma-claim')).toMatchObject({ packId: 'sample', title: 'Gamma gizmo delay' });
    expect(await dump()).not.toBe(before);
  });

  it('sends no cookies, credentials, referrer or page data: only GETs of the three publisher files', async () => {
    await publish(server, alice, packV2());
    await attempt();
    expect(server.requests.map((r) => r.path)).toEqual(['/feed/manifest.json', '/feed/manifest.json.sig', '/feed/pack.json']);
    for (const r of server.requests) {
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
    }
  });

  it('resolves the pack URL against the manifest URL, and follows a redirect between loopback URLs', async () => {
    await publish(server, alice, packV2(), { packUrl: 'v2/pack.json' });
    server.route('/moved.json', { status: 301, headers: { Location: '/feed/manifest.json' } });
    const r = await attempt({ subscription: { ...sub, manifestUrl: `${server.origin}/moved.json` } });
    expect(r.status).toBe('installed');
    expect(server.requests.map((q) => q.path)).toContain('/feed/v2/pack.json');
  });

  it('stores a quote containing HTML verbatim, as text', async () => {
    const html = '<img src=x onerror="alert(1)"><b>bold</b> &amp; <script>alert(2)</script>';
    await publish(server, alice, packV2((p) => (p.claims[2]!.statements[0]!.quote = html)));
    expect((await attempt()).status).toBe('installed');
    expect((await db.claims.get('gamma-claim'))?.statements.find((s) => s.id === 'gamma-allegation')?.quote).toBe(html);
  });

  it('first install (nothing installed) works', async () => {
    await db.delete();
    db = openDb(`sync-test-${++dbN}`);
    await publish(server, alice, packV2());
    expect(await attempt({ installed: null })).toMatchObject({ status: 'installed', installResult: 'installed' });
  });
});

describe('syncPack: nothing to do', () => {
  it('same version → up-to-date, store untouched, pack not downloaded', async () => {
    await publish(server, alice, samplePack());
    expect(await attempt()).toEqual({ status: 'up-to-date', version: 1, etag: '"v1"' });
    expect(await dump()).toBe(before);
    expect(server.requests.map((r) => r.path)).not.toContain('/feed/pack.json');
  });

  it('304 to If-None-Match → up-to-date without fetching the signature', async () => {
    server.route('/feed/manifest.json', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(500).end();
    });
    expect(await attempt({ installed: { version: 1, etag: '"v1"' } })).toEqual({ status: 'up-to-date', version: 1, etag: '"v1"' });
    expect(server.requests.map((r) => r.path)).toEqual(['/feed/manifest.json']);
    expect(await dump()).toBe(before);
  });
});

describe('syncPack: faults leave the store as it was', () => {
  it('404', async () => {
    const e = await expectFault('http-status');
    expect(e.message).toContain('404');
  });

  it('500', async () => {
    server.route('/feed/manifest.json', { status: 500, body: 'oops' });
    expect((await expectFault('http-status')).message).toContain('500');
  });

  it('500 on the pack', async () => {
    await publish(server, alice, packV2());
    server.route('/feed/pack.json', { status: 500 });
    await expectFault('http-status');
  });

  it('timeout: the server never answers', async () => {
    server.route('/feed/manifest.json', () => {});
    // Without the deadline this would hang until the test's own timeout.
    await expectFault('timeout', { timeoutMs: 300 });
  });

  it('slow drip past the deadline: a byte every 50 ms', async () => {
    const r = await publish(server, alice, packV2());
    server.route('/feed/pack.json', (_req, res) => {
      res.writeHead(200, { 'Content-Length': String(r.packBytes.length) });
      let i = 0;
      const t = setInterval(() => {
        if (res.destroyed || i >= r.packBytes.length) return clearInterval(t);
        res.write(r.packBytes.subarray(i, ++i));
      }, 50);
    });
    await expectFault('timeout', { timeoutMs: 700 });
  });

  it('truncated pack: fewer bytes than the manifest declares', async () => {
    const r = await publish(server, alice, packV2());
    server.route('/feed/pack.json', { body: r.packBytes.subarray(0, r.packBytes.length - 10) });
    await expectFault('truncated');
  });

  it('truncated pack: the connection drops mid-body', async () => {
    const r = await publish(server, alice, packV2());
    server.route('/feed/pack.json', (_req, res) => {
      res.writeHead(200, { 'Content-Length': String(r.packBytes.length) });
      res.write(r.packBytes.subarray(0, 100), () => res.destroy());
    });
    await expectFault('truncated');
  });

  it('oversized manifest (streamed without Content-Length)', async () => {
    server.route('/feed/manifest.json', (_req, res) => {
      res.writeHead(200, { 'Transfer-Encoding': 'chunked' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      for (let i = 0; i < MAX_MANIFEST_BYTES / chunk.length + 2; i++) res.write(chunk);
      res.end();
    });
    await expectFault('too-large');
  });

  it('oversized manifest (by Content-Length)', async () => {
    server.route('/feed/manifest.json', { body: ' '.repeat(MAX_MANIFEST_BYTES + 1) });
    await expectFault('too-large');
  });

  it('oversized pack: more bytes than the manifest declares', async () => {
    const r = await publish(server, alice, packV2());
    server.route('/feed/pack.json', (_req, res) => {
      res.writeHead(200, { 'Transfer-Encoding': 'chunked' });
      res.end(Buffer.concat([r.packBytes, Buffer.from('    ')]));
    });
    await expectFault('too-large');
  });

  it('invalid JSON pack (signed, hash matches)', async () => {
    await publish(server, alice, packV2(), { packBytes: new TextEncoder().encode('{"format":1, "id": "sample", ') });
    await expectFault('invalid-json');
  });

  it('schema-invalid pack (signed, hash matches)', async () => {
    await publish(server, alice, packV2((p) => ((p.claims[0]!.statements[0] as { sources: string[] }).sources = ['no-such-source'])));
    const e = await expectFault('invalid-pack');
    expect(e.message).toContain('sources');
  });

  it('a pack whose version differs from the manifest', async () => {
    await publish(server, alice, packV2(), { edit: (m) => ({ ...m, version: 3 }) });
    await expectFault('invalid-pack');
  });

  it('invalid manifest JSON (correctly signed)', async () => {
    const r = await publish(server, alice, packV2());
    const bytes = new TextEncoder().encode('{"format": 1,');
    const { signManifest } = await import('./signature');
    server.route('/feed/manifest.json', { body: bytes });
    server.route('/feed/manifest.json.sig', { body: await signManifest(bytes, alice.privateKey) });
    expect(r.manifest.version).toBe(2);
    await expectFault('invalid-manifest');
  });

  it('bad signature: the manifest changed after signing', async () => {
    const r = await publish(server, alice, packV2());
    const text = new TextDecoder().decode(r.manifestBytes).replace('"version": 2', '"version": 9');
    server.route('/feed/manifest.json', { body: text });
    await expectFault('bad-signature');
  });

  it('bad signature: a malformed signature file', async () => {
    await publish(server, alice, packV2());
    server.route('/feed/manifest.json.sig', { body: 'not a signature!' });
    await expectFault('bad-signature');
  });

  it('signature by an unknown key', async () => {
    const mallory = await newPublisher();
    await publish(server, mallory, packV2());
    const e = await expectFault('unknown-key');
    expect(e.message).toContain(mallory.keyId.slice(0, 16));
  });

  it("valid signature by another publisher's key for this pack id", async () => {
    const bob = await newPublisher();
    await publish(server, bob, packV2());
    await expectFault('wrong-key', { otherKeys: [bob.publicKey] });
  });

  it("another publisher's key claiming this pack's key id still fails the signature", async () => {
    const bob = await newPublisher();
    await publish(server, bob, packV2(), { edit: (m) => ({ ...m, keyId: alice.keyId }) });
    await expectFault('bad-signature', { otherKeys: [bob.publicKey] });
  });

  it('a manifest for another pack id, signed by the right key', async () => {
    await publish(server, alice, packV2((p) => (p.id = 'other')));
    await expectFault('pack-id-mismatch');
  });

  it('lower version → rollback', async () => {
    await publish(server, alice, samplePack());
    const e = await expectFault('rollback', { installed: { version: 2 } });
    expect(e.message).toMatch(/version 1.*version 2/);
  });

  it('expired manifest', async () => {
    await publish(server, alice, packV2(), { issued: new Date('2026-10-01T00:00:00Z'), expires: new Date('2026-11-01T00:00:00Z') });
    await expectFault('expired');
  });

  it('manifest issued in the future beyond the clock skew', async () => {
    await publish(server, alice, packV2(), { issued: new Date('2026-11-10T01:00:00Z') });
    await expectFault('not-yet-valid');
  });

  it('sha256 mismatch', async () => {
    const r = await publish(server, alice, packV2());
    const evil = new TextEncoder().encode(JSON.stringify(packV2((p) => (p.title = 'Sample pacX'))));
    expect(evil.length).toBe(r.packBytes.length);
    server.route('/feed/pack.json', { body: evil });
    await expectFault('hash-mismatch');
  });

  it('redirect to plain http on a non-loopback host is refused before it is requested', async () => {
    server.route('/feed/manifest.json', { status: 302, headers: { Location: 'http://example.com/manifest.json' } });
    const e = await expectFault('insecure-redirect');
    expect(e.message).toContain('http://example.com');
  });

  it('redirect of the pack to plain http is refused', async () => {
    await publish(server, alice, packV2());
    server.route('/feed/pack.json', { status: 307, headers: { Location: 'http://192.0.2.7/pack.json' } });
    await expectFault('insecure-redirect');
  });

  it('a plain http manifest URL on a non-loopback host is refused without a request', async () => {
    await expectFault('insecure-url', { subscription: { ...sub, manifestUrl: 'http://example.com/manifest.json' } });
    expect(server.requests).toEqual([]);
  });

  it('a pack URL with plain http is refused', async () => {
    await publish(server, alice, packV2(), { packUrl: 'http://example.com/pack.json' });
    await expectFault('insecure-url');
  });

  it('a store failure inside the install transaction rolls back every row (as a worker stopped mid-sync)', async () => {
    await publish(server, alice, packV2());
    let written = 0;
    // Fail after some rows of the new version are already written in the transaction
    // (bulkPut creates new claims and updates the ones the old version had).
    const failOnSecondRow = () => {
      if (++written === 2) throw new Error('worker stopped');
    };
    db.claims.hook('creating', failOnSecondRow);
    db.claims.hook('updating', failOnSecondRow);
    const e = await expectFault('install-failed');
    expect(written).toBe(2);
    expect(e.message).toContain('worker stopped');
  });
});
