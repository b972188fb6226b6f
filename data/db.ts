/**
 * The Dexie (IndexedDB) database: the ONLY module that knows the store's
 * schema. Everything else goes through import-pack.ts and queries.ts.
 *
 * Tables
 * - packs: one row per installed pack, keyed by pack id; also holds the
 *   pack's sync state (`lastCheck`, `sync`) so an update keeps it.
 * - claims: keyed by claim id (globally unique across packs); `packId`
 *   index; multiEntry `words` index of folded words for prefix search.
 * - statements, sources: keyed by [packId+id]; `packId` index; statements
 *   also by `claimId`.
 * - settings: key/value rows (`enabled`, `disabledSites`).
 *
 * Versioning: each schema change adds a NEW `this.version(n).stores(...)`
 * block below the previous ones (never edit an old one) and, when rows
 * must change shape, an `.upgrade(tx => ...)` that rewrites them, e.g.
 *
 *   this.version(2)
 *     .stores({ claims: 'id, packId, *words, eventDate' })
 *     .upgrade(async (tx) => {
 *       await tx.table('claims').toCollection().modify((c) => { c.eventDate ??= null; });
 *     });
 *
 * Dexie runs the upgrades in order inside the versionchange transaction, so
 * a failed upgrade leaves the old database untouched.
 *
 * Throws: opening propagates Dexie errors (e.g. a newer schema on disk).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { MatchRules, Speaker } from '@/lib/pack/schema';

export const DB_NAME = 'sourcelight';

export interface PackRow {
  id: string;
  format: number;
  version: number;
  title: string;
  publisher: string;
  issued: string;
  installedAt: string;
  origin: 'bundled' | 'sync';
  lastCheck: { at: string; ok: boolean; message: string } | null;
  /** Opaque per-pack sync state owned by the sync module (e.g. feed URL, key id); kept across updates. */
  sync?: Record<string, unknown>;
}

export interface ClaimRow {
  id: string;
  packId: string;
  title: string;
  summary: string;
  eventDate: string | null;
  match: MatchRules;
  /** Statement ids in pack order. */
  statementIds: string[];
  /** Folded words of title, summary, statements, speakers and cited sources (multiEntry index). */
  words: string[];
}

export interface StatementRow {
  packId: string;
  id: string;
  claimId: string;
  /** Position in the claim's statement list, for stable ordering. */
  order: number;
  kind: 'allegation' | 'denial' | 'context';
  speaker: Speaker;
  date: string | null;
  summary: string;
  quote: string | null;
  sources: string[];
}

export interface SourceRow {
  packId: string;
  id: string;
  publisher: string;
  title: string;
  published: string | null;
  url: string | null;
  note: string | null;
}

export type SettingRow = { key: 'enabled'; value: boolean } | { key: 'disabledSites'; value: string[] };

export class SourcelightDB extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  claims!: EntityTable<ClaimRow, 'id'>;
  statements!: Dexie.Table<StatementRow, [string, string]>;
  sources!: Dexie.Table<SourceRow, [string, string]>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      packs: 'id',
      claims: 'id, packId, *words',
      statements: '[packId+id], packId, claimId',
      sources: '[packId+id], packId',
      settings: 'key',
    });
  }
}

/** Opens (lazily, on first use) the store; tests pass a unique name. */
export function openDb(name: string = DB_NAME): SourcelightDB {
  return new SourcelightDB(name);
}
