/**
 * One sync of one subscribed pack: fetch the signed manifest, verify it with
 * the key pinned for that pack id, and install the pack it names only if
 * every check passes.
 *
 * Order (nothing from the network is trusted before its check):
 *  1. GET manifest (If-None-Match with the installed ETag; 304 → up to date),
 *     capped at MAX_MANIFEST_BYTES; GET manifest.json.sig (capped).
 *  2. Verify the Ed25519 signature over the manifest's exact bytes with the
 *     subscription's key. On failure, the manifest's (unverified) keyId only
 *     picks the message: another pinned publisher's key → 'wrong-key',
 *     any other key → 'unknown-key', the right key → 'bad-signature'.
 *  3. Parse the verified manifest; its packId and keyId must be the
 *     subscription's. Reject issued-in-the-future (beyond skew) and expired
 *     (freeze). Version: equal → up to date, lower → 'rollback'.
 *  4. GET the pack, capped at exactly the declared length; sha256 must
 *     match; JSON.parse; validatePack; its id and version must be the
 *     manifest's. Only then `install(pack)` (the store's one-transaction
 *     importPack), so a failure anywhere leaves the store untouched.
 *
 * Contract: resolves `{ status: 'up-to-date' | 'installed', ... }`; throws
 * only `SyncError` (see sync-error.ts for codes). The requests carry no
 * cookies, credentials, referrer or page data: only the publisher's URLs
 * and, for the manifest, If-None-Match. The whole sync shares one deadline
 * (`timeoutMs`), which also stops a server that drips bytes slowly.
 */
import { validatePack } from '@/lib/pack/validate';
import type { Pack } from '@/lib/pack/schema';
import { toHex } from './encoding';
import { fetchCapped, type FetchLike } from './fetch-capped';
import { checkFetchUrl } from './fetch-policy';
import { MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES, parseManifest, peekKeyId, type Manifest } from './manifest';
import { keyIdOf } from './publisher-key';
import { verifyManifest } from './signature';
import { SyncError, toSyncError } from './sync-error';

export interface Subscription {
  packId: string;
  /** https (or loopback http) URL of manifest.json; the signature is at the (final, after redirects) manifest URL + ".sig". */
  manifestUrl: string;
  /** The publisher's Ed25519 public key, base64url of the 32 raw bytes. */
  publicKey: string;
}

export interface InstalledPack {
  version: number;
  /** ETag of the manifest that was last accepted (or found up to date). */
  etag?: string | null;
}

export interface SyncPackOptions<R> {
  subscription: Subscription;
  installed: InstalledPack | null;
  fetch: FetchLike;
  now: () => Date;
  /** Stores the pack atomically (importPack in one transaction). */
  install: (pack: Pack) => Promise<R>;
  /** Public keys pinned for OTHER pack ids: only to name a 'wrong-key' failure precisely. */
  otherKeys?: readonly string[];
  /** Deadline for the whole sync; default 60 s. */
  timeoutMs?: number;
  /** Lets the caller cancel (reported as 'timeout'). */
  signal?: AbortSignal;
}

export type SyncResult<R> =
  | { status: 'up-to-date'; version: number | null; etag: string | null }
  | { status: 'installed'; version: number; etag: string | null; manifest: Manifest; installResult: R };

/** Tolerated clock difference between publisher and user for `issued`. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
export const DEFAULT_SYNC_TIMEOUT_MS = 60 * 1000;

export async function syncPack<R>(o: SyncPackOptions<R>): Promise<SyncResult<R>> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new SyncError('timeout', `The sync took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`)),
    timeoutMs,
  );
  const onCancel = () => deadline.abort(new SyncError('timeout', 'The sync was cancelled.'));
  if (o.signal?.aborted) onCancel();
  o.signal?.addEventListener('abort', onCancel);
  try {
    return await run(o, deadline.signal);
  } catch (e) {
    throw toSyncError(e, 'network', 'The sync failed unexpectedly');
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onCancel);
  }
}

async function run<R>(o: SyncPackOptions<R>, signal: AbortSignal): Promise<SyncResult<R>> {
  const { subscription: sub, installed } = o;
  const base = { fetch: o.fetch, signal };
  const manifestUrl = checkFetchUrl(sub.manifestUrl).href;

  const manifestRes = await fetchCapped(manifestUrl, {
    ...base,
    what: 'manifest',
    maxBytes: MAX_MANIFEST_BYTES,
    notModified: installed?.etag != null,
    headers: installed?.etag != null ? { 'If-None-Match': installed.etag } : undefined,
  });
  if (manifestRes.status === 304) return { status: 'up-to-date', version: installed?.version ?? null, etag: installed?.etag ?? null };

  const sigRes = await fetchCapped(`${manifestRes.url}.sig`, { ...base, what: 'signature', maxBytes: MAX_SIGNATURE_BYTES });
  const sigText = new TextDecoder().decode(sigRes.bytes);
  try {
    await verifyManifest(manifestRes.bytes, sigText, sub.publicKey);
  } catch (e) {
    throw await explainSignatureFailure(e, manifestRes.bytes, o);
  }

  const manifest = parseManifest(manifestRes.bytes);
  if (manifest.packId !== sub.packId) {
    throw new SyncError('pack-id-mismatch', `The manifest is for pack "${manifest.packId}", not "${sub.packId}".`);
  }
  if (manifest.keyId !== (await keyIdOf(sub.publicKey))) {
    throw new SyncError('invalid-manifest', 'The manifest names a key id other than the key that signed it.');
  }
  const now = o.now().getTime();
  if (Date.parse(manifest.issued) > now + MAX_CLOCK_SKEW_MS) {
    throw new SyncError('not-yet-valid', `The manifest is issued in the future (${manifest.issued}); check the computer's clock.`);
  }
  if (Date.parse(manifest.expires) <= now) {
    throw new SyncError('expired', `The manifest expired on ${manifest.expires}: the publisher has not released a fresh one.`);
  }
  if (installed && manifest.version === installed.version) {
    return { status: 'up-to-date', version: installed.version, etag: manifestRes.etag };
  }
  if (installed && manifest.version < installed.version) {
    throw new SyncError(
      'rollback',
      `The publisher offers version ${manifest.version}, older than the installed version ${installed.version}: refused as a rollback.`,
    );
  }

  const packUrl = checkFetchUrl(manifest.pack.url, manifestRes.url).href;
  const packRes = await fetchCapped(packUrl, { ...base, what: 'pack', maxBytes: manifest.pack.bytes, exactBytes: manifest.pack.bytes });
  const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', packRes.bytes)));
  if (digest !== manifest.pack.sha256) {
    throw new SyncError('hash-mismatch', `The pack's sha256 (${digest.slice(0, 12)}…) is not the one the manifest signs.`);
  }
  const pack = parsePack(packRes.bytes, manifest);
  if (signal.aborted) throw signal.reason;
  let installResult: R;
  try {
    installResult = await o.install(pack);
  } catch (e) {
    throw toSyncError(e, 'install-failed', `Version ${manifest.version} could not be stored; the installed pack is unchanged`);
  }
  return { status: 'installed', version: manifest.version, etag: manifestRes.etag, manifest, installResult };
}

function parsePack(bytes: Uint8Array, manifest: Manifest): Pack {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new SyncError('invalid-json', 'The pack file is not valid JSON.', { cause: e });
  }
  let pack: Pack;
  try {
    pack = validatePack(json);
  } catch (e) {
    throw toSyncError(e, 'invalid-pack', 'The pack is invalid');
  }
  if (pack.id !== manifest.packId) throw new SyncError('pack-id-mismatch', `The pack file is pack "${pack.id}", not "${manifest.packId}".`);
  if (pack.version !== manifest.version) {
    throw new SyncError('invalid-pack', `The pack file is version ${pack.version}; the manifest says ${manifest.version}.`);
  }
  return pack;
}

/** Keeps a signature failure a failure, but names whose key signed when the manifest says so. */
async function explainSignatureFailure<R>(e: unknown, bytes: Uint8Array, o: SyncPackOptions<R>): Promise<unknown> {
  if (!(e instanceof SyncError) || e.code !== 'bad-signature') return e;
  const claimed = peekKeyId(bytes);
  if (claimed === null || claimed === (await keyIdOf(o.subscription.publicKey))) return e;
  for (const other of o.otherKeys ?? []) {
    if ((await keyIdOf(other)) === claimed) {
      return new SyncError('wrong-key', `The manifest is signed with another publisher's key, which is not bound to pack "${o.subscription.packId}".`);
    }
  }
  return new SyncError('unknown-key', `The manifest is signed with an unknown key (${claimed.slice(0, 16)}…), not the one pinned for pack "${o.subscription.packId}".`);
}
