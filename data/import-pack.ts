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
import type { Pack } from '@/lib/pack/schema';
import { validatePack } from '@/lib/pack/validate';
import type { ClaimRow, PackRow, SourceRow, SourcelightDB, StatementRow } from './db';
import { indexWords } from './search-words';

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
  return db.transaction('rw', [db.packs, db.claims, db.statements, db.sources], async () => {
    const old = await db.packs.get(valid.id);
    if (old && old.version === valid.version) return 'unchanged';
    if (old && old.version > valid.version) return 'kept-newer';

    const owners = await db.claims.bulkGet(rows.claims.map((c) => c.id));
    for (const owner of owners) {
      if (owner && owner.packId !== valid.id) throw new PackConflictError(valid.id, owner.id, owner.packId);
    }

    await db.claims.where('packId').equals(valid.id).delete();
    await db.statements.where('packId').equals(valid.id).delete();
    await db.sources.where('packId').equals(valid.id).delete();
    await db.sources.bulkAdd(rows.sources);
    await db.statements.bulkAdd(rows.statements);
    await db.claims.bulkAdd(rows.claims);
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
    await db.packs.put(packRow);
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
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const statements: StatementRow[] = [];
  const claims: ClaimRow[] = pack.claims.map((c) => {
    const own = c.statements.map((s, order) => ({
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
    }));
    statements.push(...own);
    const cited = [...new Set(own.flatMap((s) => s.sources))].flatMap((id) => sourceById.get(id) ?? []);
    return {
      id: c.id,
      packId: pack.id,
      title: c.title,
      summary: c.summary,
      eventDate: c.eventDate,
      match: c.match,
      statementIds: own.map((s) => s.id),
      words: indexWords([
        c.title,
        c.summary,
        ...own.flatMap((s) => [s.quote, s.summary, s.speaker.name, s.speaker.role, s.speaker.organisation]),
        ...cited.flatMap((s) => [s.publisher, s.title]),
      ]),
    };
  });
  return { claims, statements, sources };
}
