/**
 * Page-side entry of the popup benchmark's pack installer: bundled by
 * popup-paint.ts into one script evaluated in an extension page, where it
 * shares the background's IndexedDB origin.
 *
 * Contract: defines `globalThis.__sourcelightBenchInstall(json)`, which
 * parses the pack JSON text and installs it through the store's own
 * `importPack` (validated, one transaction) into the store the background
 * uses, resolving with importPack's result; rejects with its error.
 */
import { openDb } from '@/data/db';
import { importPack } from '@/data/import-pack';

(globalThis as { __sourcelightBenchInstall?: (json: string) => Promise<string> }).__sourcelightBenchInstall = async (json) => {
  const db = openDb();
  try {
    return await importPack(db, JSON.parse(json), 'sync');
  } finally {
    db.close();
  }
};
