import { describe, expect, it } from 'vitest';
import { keyIdOf } from './publisher-key';
import { signManifest, verifyManifest } from './signature';
import { newPublisher } from './test-publisher';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('signManifest / verifyManifest (WebCrypto Ed25519)', () => {
  it('verifies the exact signed bytes and nothing else', async () => {
    const a = await newPublisher();
    const sig = await signManifest(bytes('{"a":1}\n'), a.privateKey);
    expect(sig).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    await expect(verifyManifest(bytes('{"a":1}\n'), sig, a.publicKey)).resolves.toBeUndefined();
    // One byte of whitespace more is another document.
    await expect(verifyManifest(bytes('{"a":1} \n'), sig, a.publicKey)).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it("rejects another key's signature and malformed signatures or keys", async () => {
    const [a, b] = [await newPublisher(), await newPublisher()];
    const sig = await signManifest(bytes('x'), b.privateKey);
    await expect(verifyManifest(bytes('x'), sig, a.publicKey)).rejects.toMatchObject({ code: 'bad-signature' });
    await expect(verifyManifest(bytes('x'), 'AAAA', a.publicKey)).rejects.toMatchObject({ code: 'bad-signature' });
    await expect(verifyManifest(bytes('x'), sig, 'c2hvcnQ')).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('key id is the hex sha256 of the raw key', async () => {
    const a = await newPublisher();
    const { createHash } = await import('node:crypto');
    expect(await keyIdOf(a.publicKey)).toBe(createHash('sha256').update(Buffer.from(a.publicKey, 'base64url')).digest('hex'));
  });
});
