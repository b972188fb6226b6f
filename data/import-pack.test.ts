import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PackError } from '@/lib/pack/pack-error';
import { openDb, type SourcelightDB } from './db';
import { importPack, PackConflictError } from './import-pack';
import { samplePack } from './test-pack';
import { searchClaims } from './queries';
import { BIG_PACK_ID, bigPack } from '@/tools/bench/big-pack';

const opened: SourcelightDB[] = [];
let n = 0;
function freshDb(): SourcelightDB {
  const db = openDb(`import-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Every row of every table in primary-key order: the store "byte for byte". */
async function dump(db: SourcelightDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

const clock = (iso: string) => () => new Date(iso);

/** Ids of every stored statement (of one pack, or all), claim by claim in pack order. */
async function statementIds(db: SourcelightDB, packId?: string): Promise<string[]> {
  const rows = await db.claims.toArray();
  return rows.filter((r) => packId === undefined || r.packId === packId).flatMap((r) => r.statements.map((s) => s.id));
}

/** Ids of a pack's claims, as its listing gives them. */
async function claimIds(db: SourcelightDB, packId: string): Promise<string[]> {
  const pages = await db.packClaims.where('[packId+page]').between([packId, 0], [packId, Infinity]).toArray();
  return pages.flatMap((p) => p.claims.map((c) => c.id));
}

/** The search index words listing a claim. */
async function wordsOf(db: SourcelightDB, claimId: string): Promise<string[]> {
  return (await db.words.toArray()).flatMap((r) => Object.entries(r.words).flatMap(([w, ids]) => (ids.includes(claimId) ? [w] : [])));
}

describe('importPack', () => {
  it('installs a pack into all tables', async () => {
    const db = freshDb();
    expect(await importPack(db, samplePack(), 'bundled', clock('2026-01-01T00:00:00Z'))).toBe('installed');
    expect(await db.packs.get('sample')).toMatchObject({
      id: 'sample', version: 1, origin: 'bundled', installedAt: '2026-01-01T00:00:00.000Z', lastCheck: null,
    });
    expect((await db.claims.toArray()).map((c) => c.id).sort()).toEqual(['alpha-claim', 'beta-claim']);
    expect(await statementIds(db)).toHaveLength(4);
    expect(await db.sources.get(['sample', 'herald'])).toMatchObject({ publisher: 'Sample Herald', url: null, note: null });
    expect(await claimIds(db, 'sample')).toEqual(['beta-claim', 'alpha-claim']); // list order: by event date
    const alpha = await db.claims.get('alpha-claim');
    expect(alpha?.statements.map((s) => s.id)).toEqual(['alpha-undated', 'alpha-denial', 'alpha-allegation']);
    // folded words from title, quote, speaker (diacritics stripped) and cited source, one index row per word
    expect(await wordsOf(db, 'alpha-claim')).toEqual(expect.arrayContaining(['alpha', 'shortage', 'whatsoever', 'zoe', 'nandu', 'gazette', 'herald']));
    expect((await db.words.get(['sample', 'he']))?.words['herald']).toEqual(['alpha-claim', 'beta-claim']);
  });

  it('is idempotent: the same version again is "unchanged" and writes nothing', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled', clock('2026-01-01T00:00:00Z'));
    const before = await dump(db);
    let writes = 0;
    for (const t of db.tables) {
      t.hook('creating', () => void writes++);
      t.hook('updating', () => void writes++);
      t.hook('deleting', () => void writes++);
    }
    expect(await importPack(db, samplePack(), 'bundled', clock('2027-01-01T00:00:00Z'))).toBe('unchanged');
    expect(writes).toBe(0);
    expect(await dump(db)).toBe(before);
  });

  it('updates to a higher version, replacing the old rows and keeping sync state', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled');
    await db.packs.update('sample', { lastCheck: { at: '2026-02-01T00:00:00Z', ok: true, message: 'up to date' }, sync: { feed: 'x' } });
    const v2 = samplePack({ version: 2 });
    v2.claims = v2.claims.slice(0, 1);
    v2.claims[0]!.statements = v2.claims[0]!.statements.slice(1);
    expect(await importPack(db, v2, 'sync')).toBe('updated');
    expect(await db.claims.toCollection().primaryKeys()).toEqual(['alpha-claim']);
    expect((await statementIds(db)).sort()).toEqual(['alpha-allegation', 'alpha-denial']);
    expect(await wordsOf(db, 'beta-claim')).toEqual([]);
    expect(await db.packs.get('sample')).toMatchObject({
      version: 2, origin: 'sync', lastCheck: { ok: true, message: 'up to date' }, sync: { feed: 'x' },
    });
  });

  it('never replaces a newer installed version with an older one ("kept-newer")', async () => {
    const db = freshDb();
    await importPack(db, samplePack({ version: 5, title: 'Synced v5' }), 'sync');
    const before = await dump(db);
    expect(await importPack(db, samplePack({ version: 3 }), 'bundled')).toBe('kept-newer');
    expect(await dump(db)).toBe(before);
    expect((await db.packs.get('sample'))?.title).toBe('Synced v5');
  });

  it('rejects an invalid pack with the PackError naming path and rule, writing nothing', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled');
    const before = await dump(db);
    const bad = samplePack({ version: 2 }) as unknown as { claims: Array<{ statements: Array<{ sources: string[] }> }> };
    bad.claims[0]!.statements[0]!.sources = ['nowhere'];
    const err = await importPack(db, bad, 'sync').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError).path).toBe('claims[0].statements[0].sources[0]');
    expect(await dump(db)).toBe(before);
  });

  it('rejects a pack whose claim id belongs to another pack, writing nothing', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled');
    const before = await dump(db);
    const other = samplePack({ id: 'other' });
    other.claims = other.claims.slice(1); // beta-claim, owned by "sample"
    const err = await importPack(db, other, 'sync').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackConflictError);
    expect((err as Error).message).toBe('pack "other": claim id "beta-claim" already belongs to installed pack "sample"');
    expect(await dump(db)).toBe(before);
  });

  it('is atomic: an exception mid-import leaves the old pack exactly as it was', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled');
    const before = await dump(db);
    // Fail after the old rows are deleted and some new rows are written.
    let written = 0;
    db.words.hook('creating', () => {
      if (++written === 2) throw new Error('disk on fire');
    });
    const v2 = samplePack({ version: 2, title: 'Half-written' });
    await expect(importPack(db, v2, 'sync')).rejects.toThrow('disk on fire');
    expect(written).toBe(2);
    expect(await dump(db)).toBe(before);
  });

  it('keeps two packs apart: updating one leaves the other untouched', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled');
    const other = samplePack({ id: 'other' });
    other.claims = [{ ...other.claims[1]!, id: 'gamma-claim', statements: [{ ...other.claims[1]!.statements[0]!, id: 'gamma-s' }] }];
    await importPack(db, other, 'sync');
    await importPack(db, samplePack({ version: 2 }), 'sync');
    expect(await claimIds(db, 'other')).toEqual(['gamma-claim']);
    expect((await db.claims.get('gamma-claim'))?.packId).toBe('other');
    expect(await db.sources.where('packId').equals('other').count()).toBe(2);
    expect(await statementIds(db)).toHaveLength(5);
  });

  // Speed is measured by `npm run bench`; this checks that the batched writes are complete and searchable.
  it('installs and updates a 10,000-claim pack completely', async () => {
    const db = freshDb();
    await importPack(db, samplePack(), 'bundled');
    expect(await importPack(db, bigPack(10_000), 'sync')).toBe('installed');
    expect(await claimIds(db, BIG_PACK_ID)).toHaveLength(10_000);
    expect(await db.claims.count()).toBe(10_002);
    expect(await statementIds(db, BIG_PACK_ID)).toHaveLength(30_000);
    expect(await db.sources.where('packId').equals(BIG_PACK_ID).count()).toBe(1_000);
    expect((await db.claims.get('bench-claim-9999'))?.statements.map((s) => s.id)).toEqual(['s9999-a', 's9999-d', 's9999-c']);
    // Found by claim text, by a speaker's organisation and by a cited source's title.
    expect((await searchClaims(db, 'claim 9876')).map((h) => h.claimId)).toEqual(['bench-claim-9876']);
    expect((await searchClaims(db, 'speaker 4321 office')).map((h) => h.claimId)).toEqual(['bench-claim-4321']);
    expect((await searchClaims(db, 'report 777 gazette batch 1777')).map((h) => h.claimId)).toEqual(['bench-claim-1777']);

    // An update that drops half the claims leaves exactly the new rows, and the other pack alone.
    const smaller = { ...bigPack(5_000), version: 2 };
    expect(await importPack(db, smaller, 'sync')).toBe('updated');
    expect(await claimIds(db, BIG_PACK_ID)).toHaveLength(5_000);
    expect(await db.claims.count()).toBe(5_002);
    expect(await statementIds(db, BIG_PACK_ID)).toHaveLength(15_000);
    expect(await db.claims.get('bench-claim-5000')).toBeUndefined();
    expect(await searchClaims(db, 'claim 9876')).toEqual([]);
    expect(await claimIds(db, 'sample')).toEqual(['beta-claim', 'alpha-claim']); // list order: by event date
  }, 180_000);
});
