import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '@/lib/pack/schema';
import { openDb, type SourcelightDB } from './db';
import { importPack } from './import-pack';
import { getClaimContext, getSettings, listClaimSummaries, listClaims, listPacks, loadMatchRules, searchClaims } from './queries';
import { addWords, indexWords } from './search-words';
import { samplePack } from './test-pack';

// The version-1 schema exactly as db.ts declared it before version 2.
const V1_STORES = {
  packs: 'id',
  claims: 'id, packId, *words',
  statements: '[packId+id], packId, claimId',
  sources: '[packId+id], packId',
  settings: 'key',
};

const INSTALLED_AT = '2026-01-01T00:00:00.000Z';
const LAST_CHECK = { at: '2026-02-01T00:00:00Z', ok: true, message: 'up to date' };
const SYNC = { manifestUrl: 'https://feed.example/manifest.json', etag: '"v1"' };

/** Rows a version-1 importPack wrote for `pack` (claims in pack order, words as v1 folded them). */
function v1Rows(pack: Pack) {
  const sourceWords = new Map(pack.sources.map((s) => [s.id, indexWords([s.publisher, s.title])]));
  return {
    pack: { id: pack.id, format: 1, version: pack.version, title: pack.title, publisher: pack.publisher, issued: pack.issued, installedAt: INSTALLED_AT, origin: 'sync', lastCheck: LAST_CHECK, sync: SYNC },
    claims: pack.claims.map((c) => {
      const words = new Set<string>();
      addWords(words, [c.title, c.summary]);
      for (const s of c.statements) {
        addWords(words, [s.quote, s.summary, s.speaker.name, s.speaker.role, s.speaker.organisation]);
        for (const id of s.sources) for (const w of sourceWords.get(id) ?? []) words.add(w);
      }
      return { id: c.id, packId: pack.id, title: c.title, summary: c.summary, eventDate: c.eventDate, match: c.match, statementIds: c.statements.map((s) => s.id), words: [...words] };
    }),
    statements: pack.claims.flatMap((c) => c.statements.map((s, order) => ({ packId: pack.id, id: s.id, claimId: c.id, order, kind: s.kind, speaker: s.speaker, date: s.date, summary: s.summary, quote: s.quote, sources: s.sources }))),
    sources: pack.sources.map((s) => ({ packId: pack.id, id: s.id, publisher: s.publisher, title: s.title, published: s.published, url: s.url, note: s.note ?? null })),
  };
}

async function createV1(name: string, packs: Pack[], withRows: (rows: ReturnType<typeof v1Rows>) => void = () => {}): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.transaction('rw', v1.tables, async () => {
    for (const pack of packs) {
      const rows = v1Rows(pack);
      withRows(rows);
      await v1.table('packs').add(rows.pack);
      await v1.table('claims').bulkAdd(rows.claims);
      await v1.table('statements').bulkAdd(rows.statements);
      await v1.table('sources').bulkAdd(rows.sources);
    }
    await v1.table('settings').bulkAdd([{ key: 'enabled', value: false }, { key: 'disabledSites', value: ['news.example'] }]);
  });
  v1.close();
}

/** A second pack, so the upgrade must keep packs apart. */
function otherPack(): Pack {
  const other = samplePack({ id: 'other', title: 'Other pack' });
  const base = other.claims[1]!;
  other.claims = [{ ...base, id: 'gamma-claim', title: 'Gamma gizmo recall', statements: [{ ...base.statements[0]!, id: 'gamma-s', speaker: { name: 'Ana Ñúñez', role: null, organisation: 'Gizmo Herald' } }] }];
  return other;
}

const QUERIES = ['widg', 'whatso', 'nandu', 'herald', 'herald recall', 'gizmo', 'ñúñez', 'gazette', 'zz'];

/** Everything the rest of the extension can ask of the store. */
async function views(db: SourcelightDB) {
  return {
    packs: (await listPacks(db)).map(({ installedAt: _, ...p }) => p),
    summaries: await listClaimSummaries(db),
    firstOne: await listClaims(db, 1),
    rules: await loadMatchRules(db),
    contexts: await Promise.all(['alpha-claim', 'beta-claim', 'gamma-claim'].map((id) => getClaimContext(db, id))),
    searches: await Promise.all(QUERIES.map((q) => searchClaims(db, q))),
  };
}

const opened: SourcelightDB[] = [];
let n = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
function track(db: SourcelightDB): SourcelightDB {
  opened.push(db);
  return db;
}

describe('store upgrade from schema version 1', () => {
  it('keeps every pack, setting and sync state, and answers every query as a fresh install does', async () => {
    const name = `upgrade-test-${++n}`;
    await createV1(name, [samplePack({ version: 3 }), otherPack()]);

    const db = track(openDb(name));
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['claims', 'packClaims', 'packs', 'settings', 'sources', 'words']);
    expect(await db.packs.get('sample')).toMatchObject({ version: 3, installedAt: INSTALLED_AT, lastCheck: LAST_CHECK, sync: SYNC });
    expect(await getSettings(db)).toEqual({ enabled: false, disabledSites: ['news.example'] });

    const fresh = track(openDb(`upgrade-fresh-${n}`));
    await importPack(fresh, samplePack({ version: 3 }), 'sync');
    await importPack(fresh, otherPack(), 'sync');
    await fresh.packs.update('sample', { lastCheck: LAST_CHECK });
    await fresh.packs.update('other', { lastCheck: LAST_CHECK });
    const expected = await views(fresh);
    expect(expected.searches.flat().length).toBeGreaterThan(5); // the comparison is not of empty results
    expect(await views(db)).toEqual(expected);

    // The upgraded store takes updates as usual, keeping the sync state.
    expect(await importPack(db, samplePack({ version: 2 }), 'bundled')).toBe('kept-newer');
    expect(await importPack(db, samplePack({ version: 4 }), 'sync')).toBe('updated');
    expect(await db.packs.get('sample')).toMatchObject({ version: 4, lastCheck: LAST_CHECK, sync: SYNC });
    expect((await searchClaims(db, 'gizmo')).map((h) => h.claimId)).toEqual(['gamma-claim']);
  });

  it('upgrades an empty version-1 store (settings only)', async () => {
    const name = `upgrade-test-${++n}`;
    await createV1(name, []);
    const db = track(openDb(name));
    expect(await listPacks(db)).toEqual([]);
    expect(await getSettings(db)).toEqual({ enabled: false, disabledSites: ['news.example'] });
    expect(await importPack(db, samplePack(), 'bundled')).toBe('installed');
    expect((await searchClaims(db, 'nandu'))[0]?.claimId).toBe('alpha-claim');
  });

  it('a failing upgrade leaves the version-1 store as it was', async () => {
    const name = `upgrade-test-${++n}`;
    // A v1 row the upgrade cannot read (words is not a list) makes it throw midway.
    await createV1(name, [samplePack()], (rows) => void ((rows.claims[1] as { words: unknown }).words = 42));
    const db = openDb(name);
    await expect(db.open()).rejects.toThrow();
    db.close();

    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    expect(await v1.table('claims').count()).toBe(2);
    expect(v1.backendDB().version / 10).toBe(1); // Dexie stores version n as 10n
    expect(await v1.table('statements').count()).toBe(4);
    expect((await v1.table('claims').where('words').startsWith('nand').primaryKeys())).toEqual(['alpha-claim']);
    await v1.delete();
  });
});
