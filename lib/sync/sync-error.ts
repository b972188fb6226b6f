/**
 * The one error type of pack sync. Every way a sync can fail has its own
 * `code` (stable, for tests and logs) and a human `message` (shown in the
 * popup as the pack's last check).
 *
 * Contract: code that fails a sync throws `SyncError`; `toSyncError`
 * turns anything else caught on the way (a bug, a DOMException) into one
 * so the caller records a reason instead of crashing the worker.
 */
export type SyncErrorCode =
  | 'insecure-url' // not https (plain http only for loopback), or has credentials
  | 'insecure-redirect' // a redirect to a URL that is not allowed
  | 'too-many-redirects'
  | 'network' // the request failed before a response (DNS, refused, reset, CORS)
  | 'timeout' // the sync's deadline passed, including a slow drip of bytes
  | 'http-status' // any status other than 200 (and 304 for the manifest)
  | 'too-large' // more bytes than the cap (manifest, signature) or the declared pack length
  | 'truncated' // fewer pack bytes than the manifest declares
  | 'invalid-manifest' // not JSON or not the manifest format (after a good signature)
  | 'bad-signature' // the signature file is malformed or does not verify with the pinned key
  | 'unknown-key' // signed by a key that is not pinned for anything
  | 'wrong-key' // signed by another publisher's key: not the one this pack id is bound to
  | 'pack-id-mismatch' // the manifest or the pack names another pack id
  | 'rollback' // the offered version is lower than the installed one
  | 'expired' // the manifest's `expires` has passed (freeze attack or a forgotten release)
  | 'not-yet-valid' // issued in the future beyond the allowed clock skew
  | 'hash-mismatch' // the pack's sha256 differs from the manifest's
  | 'invalid-json' // the pack is not JSON
  | 'invalid-pack' // the pack fails validation, or differs from the manifest (version)
  | 'install-failed' // the store refused the pack; it kept the old one
  | 'unsupported'; // this browser's WebCrypto has no Ed25519

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Wraps an unexpected throw as `fallback` (message kept), passing SyncErrors through. */
export function toSyncError(e: unknown, fallback: SyncErrorCode, context: string): SyncError {
  if (e instanceof SyncError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new SyncError(fallback, `${context}: ${detail}`, { cause: e });
}
