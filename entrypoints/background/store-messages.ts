/**
 * Message handlers answering store queries for the popup, card and content
 * script: thin wrappers over data/queries.ts.
 *
 * Contract: each handler first waits for `ready` (the bundled pack's
 * startup import) so a popup opened right after install never sees an
 * empty store, then runs one query. Malformed payloads reject with a
 * TypeError naming the field; store errors propagate to the sender.
 */
import type { SourcelightDB } from '@/data/db';
import {
  getClaimContext,
  getSettings,
  listClaims,
  listPacks,
  loadMatchRules,
  searchClaims,
  setEnabled,
  setSiteEnabled,
} from '@/data/queries';
import { handle } from './router';

export function registerStoreMessages(db: SourcelightDB, ready: () => Promise<void>): void {
  const store = async () => {
    await ready();
    return db;
  };
  handle('getClaimContext', async (p) => getClaimContext(await store(), field(p.claimId, 'claimId', 'string')));
  handle('listClaims', async (p) => listClaims(await store(), count(p.limit, 'limit')));
  handle('listPacks', async () => listPacks(await store()));
  handle('searchClaims', async (p) => searchClaims(await store(), field(p.query, 'query', 'string')));
  handle('loadMatchRules', async () => loadMatchRules(await store()));
  handle('getSettings', async () => getSettings(await store()));
  handle('setEnabled', async (p) => setEnabled(await store(), field(p.on, 'on', 'boolean')));
  handle('setSiteEnabled', async (p) =>
    setSiteEnabled(await store(), field(p.host, 'host', 'string'), field(p.on, 'on', 'boolean')),
  );
}

function count(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value >= 0)) throw new TypeError(`message field "${name}" must be a number >= 0`);
  return value;
}

function field<T extends 'string' | 'boolean'>(
  value: unknown,
  name: string,
  type: T,
): T extends 'string' ? string : boolean {
  if (typeof value !== type) throw new TypeError(`message field "${name}" must be a ${type}`);
  return value as T extends 'string' ? string : boolean;
}
