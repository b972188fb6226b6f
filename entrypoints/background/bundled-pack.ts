/**
 * Installs the pack shipped inside the extension (data/packs/election-2020.json).
 *
 * Contract: `installBundledPack` imports it through `importPack` (validated,
 * one transaction, idempotent, never replacing a newer installed version)
 * and resolves with the result; `installBundledPackIfEmpty` does so only
 * when no pack is installed (a worker started after the store was cleared).
 * Both reject with importPack's error; the caller logs it.
 */
import type { SourcelightDB } from '@/data/db';
import { importPack, type ImportResult } from '@/data/import-pack';
import bundled from '@/data/packs/election-2020.json';

export function installBundledPack(db: SourcelightDB): Promise<ImportResult> {
  return importPack(db, bundled, 'bundled');
}

export async function installBundledPackIfEmpty(db: SourcelightDB): Promise<ImportResult | 'skipped'> {
  if ((await db.packs.count()) > 0) return 'skipped';
  return installBundledPack(db);
}
