/**
 * The sync state kept on a pack's row: which version is installed, the
 * manifest ETag last accepted from which URL (for If-None-Match), and the
 * last check's result ({at, ok, message}, shown by the popup).
 *
 * Contract: `getSyncedPack` returns null when the pack is not installed;
 * the ETag is only returned for the same manifest URL that produced it.
 * `recordPackCheck` writes lastCheck (and the ETag when given) in one
 * small transaction and resolves false when the pack is not installed.
 * Dexie errors propagate.
 */
import type { SourcelightDB } from './db';
import type { PackCheck } from './queries';

export interface SyncedPack {
  version: number;
  etag: string | null;
}

export async function getSyncedPack(db: SourcelightDB, packId: string, manifestUrl: string): Promise<SyncedPack | null> {
  const row = await db.packs.get(packId);
  if (!row) return null;
  const sync = row.sync ?? {};
  const etag = sync.manifestUrl === manifestUrl && typeof sync.etag === 'string' ? sync.etag : null;
  return { version: row.version, etag };
}

export async function recordPackCheck(
  db: SourcelightDB,
  packId: string,
  check: PackCheck,
  accepted?: { manifestUrl: string; etag: string | null },
): Promise<boolean> {
  return db.transaction('rw', db.packs, async () => {
    const row = await db.packs.get(packId);
    if (!row) return false;
    const sync = accepted ? { ...row.sync, manifestUrl: accepted.manifestUrl, etag: accepted.etag } : row.sync;
    await db.packs.update(packId, { lastCheck: check, ...(sync ? { sync } : {}) });
    return true;
  });
}
