/**
 * The release manifest a publisher signs: which pack, which version, how
 * long the statement holds, and the exact bytes of the pack file.
 *
 *   { "format": 1, "packId": "…", "version": 2,
 *     "issued": "2026-11-23T06:00:00Z", "expires": "2026-12-23T06:00:00Z",
 *     "pack": { "url": "pack.json", "sha256": "<64 hex>", "bytes": 12345 },
 *     "keyId": "<64 hex: sha256 of the raw public key>" }
 *
 * `pack.url` is relative to the manifest's URL (or absolute). The signature
 * (manifest.json.sig) covers the manifest file's exact bytes, so no
 * canonical JSON is needed.
 *
 * Contract: `parseManifest` returns a typed manifest or throws
 * `SyncError('invalid-manifest')` naming the first problem. It does not
 * check the signature: call it only on verified bytes (sync-pack.ts does).
 */
import * as v from 'valibot';
import { SyncError } from './sync-error';

export const MANIFEST_FORMAT = 1;
/** Upper bound on a manifest file; real ones are ~400 bytes. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** Upper bound on a signature file: base64 of 64 bytes plus a newline. */
export const MAX_SIGNATURE_BYTES = 1024;
/** Upper bound on a pack file the extension will download. */
export const MAX_PACK_BYTES = 16 * 1024 * 1024;

const IsoDateTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date-time with a time zone'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a real date-time'),
);
const Hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'));

export const ManifestSchema = v.pipe(
  v.strictObject({
    format: v.literal(MANIFEST_FORMAT, `must be ${MANIFEST_FORMAT}`),
    packId: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be a pack id')),
    version: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
    issued: IsoDateTime,
    expires: IsoDateTime,
    pack: v.strictObject({
      url: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
      sha256: Hex64,
      bytes: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(MAX_PACK_BYTES, `must be at most ${MAX_PACK_BYTES}`)),
    }),
    keyId: Hex64,
  }),
  v.check((m) => Date.parse(m.expires) > Date.parse(m.issued), 'expires must be after issued'),
);

export type Manifest = v.InferOutput<typeof ManifestSchema>;

export function parseManifest(bytes: Uint8Array): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new SyncError('invalid-manifest', 'The manifest is not valid JSON.', { cause: e });
  }
  const r = v.safeParse(ManifestSchema, json);
  if (!r.success) {
    const issue = r.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new SyncError('invalid-manifest', `The manifest is invalid: ${path ? `${path} ` : ''}${issue.message}.`);
  }
  return r.output;
}

/** The manifest's key id without trusting it (no schema): for a better message when a signature fails. */
export function peekKeyId(bytes: Uint8Array): string | null {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const id = (json as { keyId?: unknown } | null)?.keyId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
