/**
 * Installs or updates one claim pack in the store.
 *
 * Contract: `importPack` validates the input with `validatePack` (throws its
 * error, naming the JSON path and rule, for an invalid pack: nothing is
 * written), then in ONE read-write transaction over packs, claims,
 * statements and sources:
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
import type { ClaimRow, PackRow, SourceRow, SourcelightDB, StatementRow } from './db';
import { addWords, indexWords } from './search-words';

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
  // and the deletes are key-only or key-range requests, not one per claim.
  // What remains for a big pack is IndexedDB's own cost per row and per
  // `words` index entry.
  return db.transaction('rw', [db.packs, db.claims, db.statements, db.sources], async () => {
    const old = await db.packs.get(valid.id);
    if (old && old.version === valid.version) return 'unchanged';
    if (old && old.version > valid.version) return 'kept-newer';

    // Claim ids are global: two key-only reads find any id held by another pack.
    const [allIds, ownIds] = await Promise.all([
      db.claims.toCollection().primaryKeys(),
      db.claims.where('packId').equals(valid.id).primaryKeys(),
    ]);
    const own = new Set(ownIds);
    const taken = new Set(allIds.filter((id) => !own.has(id)));
    const conflict = rows.claims.find((c) => taken.has(c.id));
    if (conflict) {
      const owner = await db.claims.get(conflict.id);
      throw new PackConflictError(valid.id, conflict.id, owner?.packId ?? '?');
    }

    const kept = new Set(rows.claims.map((c) => c.id));
    const packKeys = (t: typeof db.statements | typeof db.sources) =>
      t.where('[packId+id]').between([valid.id, Dexie.minKey], [valid.id, Dexie.maxKey], true, true);
    // Statements and sources are keyed by [packId+id]: one range delete each.
    // Claims are overwritten by bulkPut; only those gone from the pack are deleted.
    await Promise.all([
      db.claims.bulkDelete(ownIds.filter((id) => !kept.has(id))),
      packKeys(db.statements).delete(),
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
      db.statements.bulkAdd(rows.statements),
      db.claims.bulkPut(rows.claims),
      db.packs.put(packRow),
    ]);
    return old ? 'updated' : 'installed';
  });
}

function packRows(pack: Pack): { claims: ClaimRow[]; statements: StatementRow[]; sources: SourceRow[] } {
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
  const statements: StatementRow[] = [];
  const claims: ClaimRow[] = pack.claims.map((c) => {
    const words = new Set<string>();
    addWords(words, [c.title, c.summary]);
    const statementIds: string[] = [];
    const cited = new Set<string>();
    c.statements.forEach((s, order) => {
      statements.push({
        packId: pack.id,
        id: s.id,
        claimId: c.id,
        order,
        kind: s.kind,
        speaker: s.speaker,
        date: s.date,
        summary: s.summary,
        quote: s.quote,
        sources: s.sources,
      });
      statementIds.push(s.id);
      addWords(words, [s.quote, s.summary, s.speaker.name, s.speaker.role, s.speaker.organisation]);
      for (const id of s.sources) cited.add(id);
    });
    for (const id of cited) for (const w of sourceWords.get(id) ?? []) words.add(w);
    return {
      id: c.id,
      packId: pack.id,
      title: c.title,
      summary: c.summary,
      eventDate: c.eventDate,
      match: c.match,
      statementIds,
      words: [...words],
    };
  });
  return { claims, statements, sources };
}
