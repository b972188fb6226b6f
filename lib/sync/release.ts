/**
 * Building a signed release (publisher side): the manifest for a pack file's
 * exact bytes, its file bytes, and the detached signature. Used by
 * `npm run pack -- sign` and by tests that play the publisher.
 *
 * Contract: `manifestFor` describes `packBytes` (sha256, length) for `pack`
 * and throws `Error` when `expires` is not after `issued`; `encodeManifest`
 * gives the file bytes (2-space JSON plus newline) that `signRelease` signs
 * — the extension verifies those same bytes, so never re-format a manifest
 * after signing.
 */
import type { Pack } from '@/lib/pack/schema';
import { toHex } from './encoding';
import { MANIFEST_FORMAT, type Manifest } from './manifest';
import { signManifest } from './signature';

export interface ManifestInput {
  pack: Pack;
  packBytes: Uint8Array<ArrayBuffer>;
  /** Where the pack file is, relative to the manifest (or absolute https). */
  packUrl: string;
  keyId: string;
  issued: Date;
  expires: Date;
}

export async function manifestFor(i: ManifestInput): Promise<Manifest> {
  if (i.expires.getTime() <= i.issued.getTime()) throw new Error('a manifest must expire after it is issued');
  const sha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', i.packBytes)));
  return {
    format: MANIFEST_FORMAT,
    packId: i.pack.id,
    version: i.pack.version,
    issued: isoSeconds(i.issued),
    expires: isoSeconds(i.expires),
    pack: { url: i.packUrl, sha256, bytes: i.packBytes.length },
    keyId: i.keyId,
  };
}

export function encodeManifest(m: Manifest): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
}

export async function signRelease(m: Manifest, privateKey: CryptoKey): Promise<{ manifestBytes: Uint8Array<ArrayBuffer>; signature: string }> {
  const manifestBytes = encodeManifest(m);
  return { manifestBytes, signature: await signManifest(manifestBytes, privateKey) };
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
