/**
 * Publisher keys: an Ed25519 public key is written as the base64url of its
 * 32 raw bytes (43 characters, e.g. in data/publisher-keys.ts and in
 * subscriptions); its key id is the lower-case hex sha256 of those raw
 * bytes (the manifest's `keyId`).
 *
 * Contract: `parsePublicKey` throws `SyncError('bad-signature')` for text
 * that is not a 32-byte key, and `SyncError('unsupported')` when WebCrypto
 * has no Ed25519 (Node ≥ 20, Chromium ≥ 137 and Firefox ≥ 129 have it).
 */
import { fromBase64, toBase64Url, toHex } from './encoding';
import { SyncError } from './sync-error';

export const ED25519 = { name: 'Ed25519' } as const;

/** The raw 32 bytes of a public key written as base64url (or base64). */
export function publicKeyBytes(publicKey: string): Uint8Array<ArrayBuffer> {
  let raw: Uint8Array;
  try {
    raw = fromBase64(publicKey);
  } catch {
    throw new SyncError('bad-signature', 'The publisher key is not base64.');
  }
  if (raw.length !== 32) throw new SyncError('bad-signature', `The publisher key has ${raw.length} bytes; an Ed25519 key has 32.`);
  return new Uint8Array(raw);
}

/** Key id: hex sha256 of the raw public key. */
export async function keyIdOf(publicKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', publicKeyBytes(publicKey));
  return toHex(new Uint8Array(digest));
}

/** A WebCrypto verifying key from the base64url text form. */
export async function importPublicKey(publicKey: string): Promise<CryptoKey> {
  const raw = publicKeyBytes(publicKey);
  try {
    return await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'NotSupportedError') {
      throw new SyncError('unsupported', 'This browser cannot verify Ed25519 signatures.', { cause: e });
    }
    throw new SyncError('bad-signature', 'The publisher key is not a valid Ed25519 public key.', { cause: e });
  }
}

/** The text form of a WebCrypto public key (publisher tools). */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}
