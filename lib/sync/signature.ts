/**
 * Detached Ed25519 signatures over a manifest's exact bytes. The signature
 * file (manifest.json.sig) holds the base64 of the 64-byte signature and
 * may end in a newline.
 *
 * Contract: `signManifest` (publisher tools, Node) returns the signature
 * file's text. `verifyManifest` resolves when the signature verifies with
 * `publicKey` and throws `SyncError('bad-signature')` otherwise (malformed
 * file or wrong signature), or `'unsupported'` without Ed25519.
 */
import { fromBase64, toBase64 } from './encoding';
import { ED25519, importPublicKey } from './publisher-key';
import { SyncError } from './sync-error';

export async function signManifest(manifestBytes: Uint8Array<ArrayBuffer>, privateKey: CryptoKey): Promise<string> {
  const sig = await crypto.subtle.sign(ED25519, privateKey, manifestBytes);
  return `${toBase64(new Uint8Array(sig))}\n`;
}

export async function verifyManifest(manifestBytes: Uint8Array<ArrayBuffer>, signatureText: string, publicKey: string): Promise<void> {
  let sig: Uint8Array;
  try {
    sig = fromBase64(signatureText);
  } catch {
    throw new SyncError('bad-signature', 'The manifest signature file is not base64.');
  }
  if (sig.length !== 64) throw new SyncError('bad-signature', `The manifest signature has ${sig.length} bytes; Ed25519 gives 64.`);
  const key = await importPublicKey(publicKey);
  const ok = await crypto.subtle.verify(ED25519, key, new Uint8Array(sig), manifestBytes);
  if (!ok) throw new SyncError('bad-signature', 'The manifest signature does not verify with the publisher key pinned for this pack.');
}
