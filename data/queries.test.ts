import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SourcelightDB } from './db';
import { importPack } from './import-pack';
import {
  getClaimContext,
  getSettings,
  listClaims,
  listClaimSummaries,
  listPacks,
  loadMatchRules,
  SEARCH_LIMIT,
  searchClaims,
  setEnabled,
  setSiteEnabled,
} from './queries';
import { samplePack } from './test-pack';

let db: SourcelightDB;
let n = 0;
beforeEach(async () => {
  db = openDb(`queries-test-${++n}`);
  await importPack(db, samplePack(), 'bundled', () => new Date('2026-01-01T00:00:00Z'));
});
afterEach(() => db.delete());

describe('store queries', () => {
  it('listPacks gives the pack info without store internals', async () => {
    expect(await listPacks(db)).toEqual([
      {
        id: 'sample', version: 1, title: 'Sample pack', publisher: 'Test Publisher', issued: '2020-10-22T12:00:00Z',
        installedAt: '2026-01-01T00:00:00.000Z', origin: 'bundled', lastCheck: null,
      },
    ]);
  });

  it('listClaimSummaries orders claims by event date', async () => {
    expect(await listClaimSummaries(db)).toEqual([
      { id: 'beta-claim', title: 'Beta gadget recall', summary: 'A recall of beta gadgets was announced.', eventDate: '2020-10-20' },
      { id: 'alpha-claim', title: 'Alpha widget shortage', summary: 'Officials said the alpha widgets ran out in October.', eventDate: '2020-10-21' },
    ]);
  });

  it('listClaims gives the first claims in list order and the total, reading only the first pages', async () => {
    expect(await listClaims(db, 1)).toEqual({
      total: 2,
      claims: [{ id: 'beta-claim', title: 'Beta gadget recall', summary: 'A recall of beta gadgets was announced.', eventDate: '2020-10-20' }],
    });
    expect((await listClaims(db, 0)).claims).toEqual([]);
    // A second, bigger pack: its claims merge into the order, and only its first page is read for a short list.
    const pack = samplePack({ id: 'many' });
    const base = pack.claims[1]!;
    pack.claims = Array.from({ length: 250 }, (_, i) => ({
      ...base, id: `many-${String(i).padStart(3, '0')}`, title: `Many ${String(i).padStart(3, '0')}`, eventDate: i === 7 ? '2020-01-01' : null,
      statements: [{ ...base.statements[0]!, id: `many-s-${i}` }],
    }));
    await importPack(db, pack, 'sync');
    let pagesRead = 0;
    db.packClaims.hook('reading', (row) => (pagesRead++, row));
    const first = await listClaims(db, 3);
    expect(first.total).toBe(252);
    expect(first.claims.map((c) => c.id)).toEqual(['many-007', 'beta-claim', 'alpha-claim']);
    expect(pagesRead).toBe(2); // page 0 of each pack
    expect((await listClaimSummaries(db)).map((c) => c.id).slice(0, 4)).toEqual(['many-007', 'beta-claim', 'alpha-claim', 'many-000']);
    expect(await listClaimSummaries(db)).toHaveLength(252);
  });

  it('getClaimContext gives a timeline (dated first, undated last) with resolved sources', async () => {
    const ctx = await getClaimContext(db, 'alpha-claim');
    expect(ctx?.packId).toBe('sample');
    expect(ctx?.claim).toEqual({ id: 'alpha-claim', title: 'Alpha widget shortage', summary: 'Officials said the alpha widgets ran out in October.', eventDate: '2020-10-21' });
    expect(ctx?.statements.map((s) => s.id)).toEqual(['alpha-allegation', 'alpha-denial', 'alpha-undated']);
    const denial = ctx?.statements[1];
    expect(denial).toEqual({
      id: 'alpha-denial',
      kind: 'denial',
      speaker: { name: 'Zoë Ñandú', role: 'spokeswoman', organisation: 'Widget Makers' },
      date: '2020-10-22',
      summary: 'The makers denied any shortage.',
      quote: 'There is no shortage of widgets whatsoever.',
      sources: [
        { id: 'gazette', publisher: 'The Example Gazette', title: 'Widgets in short supply', published: '2020-10-22', url: 'https://gazette.example/widgets', note: null },
        { id: 'herald', publisher: 'Sample Herald', title: 'Makers respond', published: null, url: null, note: null },
      ],
    });
  });

  it('getClaimContext returns null for an unknown claim', async () => {
    expect(await getClaimContext(db, 'no-such-claim')).toBeNull();
  });

  it('loadMatchRules returns each claim id with its rules', async () => {
    const rules = await loadMatchRules(db);
    expect(rules.map((r) => r.id)).toEqual(['alpha-claim', 'beta-claim']);
    expect(rules[0]?.match).toEqual(samplePack().claims[0]!.match);
  });

  it('settings default to enabled everywhere and persist changes', async () => {
    expect(await getSettings(db)).toEqual({ enabled: true, disabledSites: [] });
    expect(await setEnabled(db, false)).toEqual({ enabled: false, disabledSites: [] });
    await setSiteEnabled(db, 'News.Example.COM', false);
    await setSiteEnabled(db, 'a.example', false);
    await setSiteEnabled(db, 'a.example', false);
    expect(await getSettings(db)).toEqual({ enabled: false, disabledSites: ['a.example', 'news.example.com'] });
    expect(await setSiteEnabled(db, 'news.example.com', true)).toEqual({ enabled: false, disabledSites: ['a.example'] });
    await expect(setSiteEnabled(db, '  ', false)).rejects.toThrow('host must not be empty');
  });
});

describe('searchClaims', () => {
  it('finds by title word prefix, case-insensitively', async () => {
    expect(await searchClaims(db, 'WIDG')).toEqual([{ claimId: 'alpha-claim', title: 'Alpha widget shortage', hit: 'Alpha widget shortage' }]);
  });

  it('finds by a quote, a speaker with diacritics folded, and a source publisher', async () => {
    expect((await searchClaims(db, 'whatso'))[0]?.hit).toBe('There is no shortage of widgets whatsoever.');
    expect((await searchClaims(db, 'nandu'))[0]?.hit).toBe('Zoë Ñandú');
    expect((await searchClaims(db, 'zoë'))[0]?.claimId).toBe('alpha-claim');
    expect((await searchClaims(db, 'herald')).map((h) => h.claimId).sort()).toEqual(['alpha-claim', 'beta-claim']);
  });

  it('requires every query word (AND) and ignores punctuation', async () => {
    expect(await searchClaims(db, 'herald, recall!')).toEqual([
      { claimId: 'beta-claim', title: 'Beta gadget recall', hit: 'Sample Herald' },
    ]);
    expect(await searchClaims(db, 'widget recall')).toEqual([]);
  });

  it('returns nothing for an empty or punctuation-only query', async () => {
    expect(await searchClaims(db, '')).toEqual([]);
    expect(await searchClaims(db, ' …?! ')).toEqual([]);
  });

  it('uses the words index, not a table scan', async () => {
    let scanned = 0;
    for (const table of db.tables) {
      const orig = table.toCollection.bind(table);
      table.toCollection = () => {
        scanned++;
        return orig();
      };
    }
    expect((await searchClaims(db, 'gadg')).map((h) => h.claimId)).toEqual(['beta-claim']);
    expect(scanned).toBe(0);
    expect(db.words.schema.idxByName['prefix']).toBeDefined();
  });

  it('returns at most SEARCH_LIMIT hits, by title', async () => {
    const pack = samplePack({ id: 'many' });
    const base = pack.claims[1]!;
    pack.claims = Array.from({ length: SEARCH_LIMIT + 5 }, (_, i) => ({
      ...base,
      id: `many-${i}`,
      title: `Many ${String(i).padStart(2, '0')}`,
      statements: [{ ...base.statements[0]!, id: `many-s-${i}` }],
    }));
    await importPack(db, pack, 'sync');
    const hits = await searchClaims(db, 'many');
    expect(hits).toHaveLength(SEARCH_LIMIT);
    expect(hits[0]).toEqual({ claimId: 'many-0', title: 'Many 00', hit: 'Many 00' });
    expect(hits.at(-1)?.claimId).toBe(`many-${SEARCH_LIMIT - 1}`);
  });

  it('shortens a long hit around the match', async () => {
    const pack = samplePack({ version: 2 });
    pack.claims[1]!.summary = `${'Lorem ipsum dolor sit amet. '.repeat(10)}Needleword appears here. ${'Tail words go on. '.repeat(10)}`;
    await importPack(db, pack, 'sync');
    const [hit] = await searchClaims(db, 'needle');
    expect(hit?.hit).toMatch(/^….*Needleword appears here.*…$/);
    expect(hit?.hit.length).toBeLessThanOrEqual(165);
  });
});
