/**
 * Installs or updates one claim pack in the store.
 *
 * Contract: `importPack` validates the input with `validatePack` (throws its
 * error, naming the JSON path and rule, for an invalid pack: nothing is
 * written), then in ONE read-write transaction over the store's pack
 * tables (packs, claims, packClaims, words, sources):
 * - same id and version already installed → 'unchanged', no writes;
 * - a higher version already installed → 'kept-newer', no writes (a
 *   bundled pack never rolls back a synced one);
 * - otherwise replaces every row of that pack → 'installed' or 'updated',
 *   keeping the pack row's sync state (`lastCheck`, `sync`).
 * Throws `PackConflictError` when a claim id already belongs to another
 * pack. Any error aborts the transaction, so the previously installed
 * version stays exactly as it was.
 */
import Dexie from 'dexie';
import type { Pack } from '@/lib/pack/schema';
import { validatePack } from '@/lib/pack/validate';
import type { ClaimRow, PackClaimsRow, PackRow, SourceRow, SourcelightDB, WordRow } from './db';
import { claimPages } from './claim-pages';
import { addWords, indexWords } from './search-words';
import { wordBuckets } from './word-index';

export type ImportResult = 'installed' | 'updated' | 'unchanged' | 'kept-newer';

export class PackConflictError extends Error {
  constructor(
    readonly packId: string,
    readonly claimId: string,
    readonly ownerPackId: string,
  ) {
    super(`pack "${packId}": claim id "${claimId}" already belongs to installed pack "${ownerPackId}"`);
    this.name = 'PackConflictError';
  }
}

/** `pack` may be any parsed JSON: it is validated before anything is written. */
export async function importPack(
  db: SourcelightDB,
  pack: Pack | unknown,
  origin: 'bundled' | 'sync',
  now: () => Date = () => new Date(),
): Promise<ImportResult> {
  const valid = validatePack(pack);
  const rows = packRows(valid);
  // Writes go out as bulk calls, never awaited row by row; the conflict check
  // and the deletes are key-only, key-range or single-row requests, not one
  // per claim. What remains is one `claims` row per claim (db.ts keeps
  // everything else in few rows per pack).
  return db.transaction('rw', [db.packs, db.claims, db.packClaims, db.words, db.sources], async () => {
    const old = await db.packs.get(valid.id);
    if (old && old.version === valid.version) return 'unchanged';
    if (old && old.version > valid.version) return 'kept-newer';

    // Tables keyed by [packId+…]: this pack's rows are one key range.
    const packKeys = <T, K>(t: Dexie.Table<T, [string, K]>) =>
      t.where(':id').between([valid.id, Dexie.minKey], [valid.id, Dexie.maxKey], true, true);
    // Claim ids are global: a key-only read of all ids and this pack's own listing find any id held by another pack.
    const [allIds, ownPages] = await Promise.all([db.claims.toCollection().primaryKeys(), packKeys(db.packClaims).toArray()]);
    const own = new Set(ownPages.flatMap((p) => p.claims.map((c) => c.id)));
    const taken = new Set(allIds.filter((id) => !own.has(id)));
    const conflict = rows.claims.find((c) => taken.has(c.id));
    if (conflict) {
      const owner = await db.claims.get(conflict.id);
      throw new PackConflictError(valid.id, conflict.id, owner?.packId ?? '?');
    }

    const kept = new Set(rows.claims.map((c) => c.id));
    // Claims are overwritten by bulkPut; only those gone from the pack are deleted.
    await Promise.all([
      db.claims.bulkDelete([...own].filter((id) => !kept.has(id))),
      packKeys(db.packClaims).delete(),
      packKeys(db.words).delete(),
      packKeys(db.sources).delete(),
    ]);
    const packRow: PackRow = {
      id: valid.id,
      format: valid.format,
      version: valid.version,
      title: valid.title,
      publisher: valid.publisher,
      issued: valid.issued,
      installedAt: now().toISOString(),
      origin,
      lastCheck: old?.lastCheck ?? null,
      ...(old?.sync ? { sync: old.sync } : {}),
    };
    await Promise.all([
      db.sources.bulkAdd(rows.sources),
      db.words.bulkAdd(rows.words),
      db.claims.bulkPut(rows.claims),
      db.packClaims.bulkAdd(rows.listing),
      db.packs.put(packRow),
    ]);
    return old ? 'updated' : 'installed';
  });
}

interface PackRows {
  claims: ClaimRow[];
  listing: PackClaimsRow[];
  words: WordRow[];
  sources: SourceRow[];
}

function packRows(pack: Pack): PackRows {
  const sources: SourceRow[] = pack.sources.map((s) => ({
    packId: pack.id,
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    published: s.published,
    url: s.url,
    note: s.note ?? null,
  }));
  // A source is cited by many claims: fold its words once.
  const sourceWords = new Map(sources.map((s) => [s.id, indexWords([s.publisher, s.title])]));
  const claimWords = pack.claims.map((c) => {
    const words = new Set<string>();
    addWords(words, [c.title, c.summary]);
    const cited = new Set<string>();
    for (const s of c.statements) {
      addWords(words, [s.quote, s.summary, s.speaker.name, s.speaker.role, s.speaker.organisation]);
      for (const id of s.sources) cited.add(id);
    }
    for (const id of cited) for (const w of sourceWords.get(id) ?? []) words.add(w);
    return { id: c.id, words };
  });
  return {
    claims: pack.claims.map((c) => ({
      id: c.id,
      packId: pack.id,
      title: c.title,
      summary: c.summary,
      eventDate: c.eventDate,
      statements: c.statements.map((s) => ({
        id: s.id,
        kind: s.kind,
        speaker: s.speaker,
        date: s.date,
        summary: s.summary,
        quote: s.quote,
        sources: s.sources,
      })),
    })),
    listing: claimPages(
      pack.id,
      pack.claims.map((c) => ({ id: c.id, title: c.title, summary: c.summary, eventDate: c.eventDate, match: c.match })),
    ),
    words: wordBuckets(pack.id, claimWords),
    sources,
  };
}
