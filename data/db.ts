/**
 * The Dexie (IndexedDB) database: the ONLY module that knows the store's
 * schema. Everything else goes through import-pack.ts and queries.ts.
 *
 * Tables (schema version 2). Import time is set by the number of rows
 * written (each put is a request; a 10,000-claim pack in version 1 wrote
 * 41k rows and 380k multiEntry index entries, ~17 s in Chromium), so big
 * per-pack data lives in few rows:
 * - packs: one row per installed pack, keyed by pack id; also holds the
 *   pack's sync state (`lastCheck`, `sync`) so an update keeps it.
 * - claims: one row per claim, keyed by claim id (globally unique across
 *   packs), with its statements in pack order: what a claim's context needs.
 * - packClaims: each pack's claim listing (id, title, summary, date, match
 *   rules) in list order, in pages of 100 claims keyed by [packId+page]
 *   (claim-pages.ts): what the matcher and the claim list read, without
 *   touching the per-claim rows; the first N claims are a few small rows.
 * - words: the search index (word-index.ts), keyed by [packId+prefix], one
 *   row per two-character word prefix per pack; `prefix` index.
 * - sources: keyed by [packId+id]; `packId` index.
 * - settings: key/value rows (`enabled`, `disabledSites`).
 *
 * Versioning: each schema change adds a NEW `this.version(n).stores(...)`
 * block below the previous ones (never edit an old one) and, when rows
 * must change shape, an `.upgrade(tx => ...)` that rewrites them (version 2:
 * upgrade-v2.ts). Dexie runs the upgrades in order inside the versionchange
 * transaction, so a failed upgrade leaves the old database untouched; a
 * table set to null stays readable during the upgrade and is dropped after.
 *
 * Throws: opening propagates Dexie errors (e.g. a newer schema on disk).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { MatchRules, Statement } from '@/lib/pack/schema';
import { upgradeToV2 } from './upgrade-v2';

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
  /** The claim's statements in pack order. */
  statements: Statement[];
}

/** A claim as listed in its pack's `packClaims` rows. */
export interface ClaimListing {
  id: string;
  title: string;
  summary: string;
  eventDate: string | null;
  match: MatchRules;
}

export interface PackClaimsRow {
  packId: string;
  /** 0, 1, …: page n lists the pack's claims n*100 to n*100+99 in list order (claim-pages.ts). */
  page: number;
  /** Claims in the pack (all pages). */
  total: number;
  claims: ClaimListing[];
}

export interface WordRow {
  packId: string;
  /** The first two characters of every word in the row (word-index.ts). */
  prefix: string;
  /** Folded word → ids of the pack's claims containing it (each once). */
  words: Record<string, string[]>;
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
  packClaims!: Dexie.Table<PackClaimsRow, [string, number]>;
  words!: Dexie.Table<WordRow, [string, string]>;
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
    this.version(2)
      .stores({
        claims: 'id',
        statements: null,
        packClaims: '[packId+page]',
        words: '[packId+prefix], prefix',
      })
      .upgrade(upgradeToV2);
  }
}

/** Opens (lazily, on first use) the store; tests pass a unique name. */
export function openDb(name: string = DB_NAME): SourcelightDB {
  return new SourcelightDB(name);
}
