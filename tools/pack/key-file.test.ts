import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signManifest, verifyManifest } from '@/lib/sync/signature';
import { readPrivateKey, writeKeyPair } from './key-file';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('publisher key files', () => {
  it('writes a 0600 PKCS#8 PEM private key and a base64url public key that round-trip and sign', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sl-keys-'));
    const w = await writeKeyPair(dir, 'pub');
    expect(w.privatePath.endsWith('pub.private.pem')).toBe(true);
    expect((await stat(w.privatePath)).mode & 0o777).toBe(0o600);
    expect((await readFile(w.publicPath, 'utf8')).trim()).toBe(w.publicKey);
    expect(w.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // OpenSSL reads it as a standard Ed25519 key.
    expect(execFileSync('openssl', ['pkey', '-in', w.privatePath, '-noout', '-text']).toString()).toContain('ED25519');
    const r = await readPrivateKey(w.privatePath);
    expect(r.publicKey).toBe(w.publicKey);
    expect(r.keyId).toBe(w.keyId);
    const msg = new TextEncoder().encode('hello');
    await expect(verifyManifest(msg, await signManifest(msg, r.privateKey), w.publicKey)).resolves.toBeUndefined();
  });

  it('never overwrites a key, and rejects files that are not keys', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sl-keys-'));
    const w = await writeKeyPair(dir, 'pub');
    await expect(writeKeyPair(dir, 'pub')).rejects.toThrow(/EEXIST/);
    await expect(readPrivateKey(w.publicPath)).rejects.toThrow(/not a PEM/);
  });
});
