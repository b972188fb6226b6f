/**
 * The publisher's path end to end in Node: keygen → sign → files served by
 * a local HTTP server → syncPack installs them (and verifies what it got).
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { samplePack } from '@/data/test-pack';
import { syncPack } from '@/lib/sync/sync-pack';
import { startServer, type TestServer } from '@/lib/sync/test-publisher';
import { writeKeyPair } from './key-file';
import { signPack } from './sign';

let dir = '';
let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pack sign', () => {
  it('writes a release that the extension-side sync verifies and installs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sl-sign-'));
    const key = await writeKeyPair(join(dir, 'keys'), 'pub');
    const packText = `${JSON.stringify(samplePack({ version: 3 }), null, 1)}\n`;
    await writeFile(join(dir, 'pack.json'), packText);
    const now = new Date('2026-11-20T10:00:00.123Z');
    const { manifest, files } = await signPack({ packPath: join(dir, 'pack.json'), keyPath: key.privatePath, outDir: join(dir, 'out'), expiresDays: 7, now });
    expect(manifest).toMatchObject({ format: 1, packId: 'sample', version: 3, issued: '2026-11-20T10:00:00Z', expires: '2026-11-27T10:00:00Z', keyId: key.keyId });
    expect(manifest.pack).toMatchObject({ url: 'sample-3.json', bytes: Buffer.byteLength(packText) });
    // The pack file is published byte for byte as written.
    expect(await readFile(files[0]!, 'utf8')).toBe(packText);
    // OpenSSL, independently, accepts the detached signature over manifest.json's bytes.
    execFileSync('openssl', ['pkey', '-in', key.privatePath, '-pubout', '-out', join(dir, 'pub.pem')]);
    await writeFile(join(dir, 'sig.bin'), Buffer.from(await readFile(files[2]!, 'utf8'), 'base64'));
    const verified = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', files[1]!, '-sigfile', join(dir, 'sig.bin')]);
    expect(verified.toString()).toContain('Signature Verified Successfully');

    const srv = (server = await startServer());
    for (const f of ['sample-3.json', 'manifest.json', 'manifest.json.sig']) srv.route(`/r/${f}`, { body: await readFile(join(dir, 'out', f)) });
    const db = openDb('sign-test');
    try {
      const r = await syncPack({
        subscription: { packId: 'sample', manifestUrl: `${srv.origin}/r/manifest.json`, publicKey: key.publicKey },
        installed: null,
        fetch: (u, i) => fetch(u, i),
        now: () => new Date('2026-11-21T00:00:00Z'),
        install: (p) => importPack(db, p, 'sync'),
      });
      expect(r.status).toBe('installed');
      expect((await db.packs.get('sample'))?.version).toBe(3);
    } finally {
      await db.delete();
    }
  });

  it('refuses an invalid pack and bad options, writing nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sl-sign-'));
    const key = await writeKeyPair(dir, 'pub');
    const bad = samplePack();
    bad.claims[0]!.statements[0]!.sources = ['missing'];
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    await expect(signPack({ packPath: join(dir, 'bad.json'), keyPath: key.privatePath, outDir: join(dir, 'out') })).rejects.toThrow(/sources/);
    await writeFile(join(dir, 'ok.json'), JSON.stringify(samplePack()));
    await expect(signPack({ packPath: join(dir, 'ok.json'), keyPath: key.privatePath, outDir: join(dir, 'out'), expiresDays: 0 })).rejects.toThrow(/expires-days/);
    await expect(signPack({ packPath: join(dir, 'ok.json'), keyPath: key.privatePath, outDir: join(dir, 'out'), packUrl: '../x.json' })).rejects.toThrow(/pack-url/);
    await expect(readFile(join(dir, 'out', 'manifest.json'))).rejects.toThrow(/ENOENT/);
  });
});
