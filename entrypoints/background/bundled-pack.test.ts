import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type SourcelightDB } from '@/data/db';
import { importPack } from '@/data/import-pack';
import { getClaimContext, listClaimSummaries, searchClaims } from '@/data/queries';
import bundled from '@/data/packs/election-2020.json';
import { installBundledPack, installBundledPackIfEmpty } from './bundled-pack';

let db: SourcelightDB;
let n = 0;
afterEach(() => db.delete());

describe('bundled pack install', () => {
  it('installs once, then is unchanged; the worker-start check skips a non-empty store', async () => {
    db = openDb(`bundled-${++n}`);
    expect(await installBundledPackIfEmpty(db)).toBe('installed');
    expect(await installBundledPack(db)).toBe('unchanged');
    expect(await installBundledPackIfEmpty(db)).toBe('skipped');
    expect((await listClaimSummaries(db)).map((c) => c.id).sort()).toEqual(['proud-boys-emails', 'ratcliffe-announcement']);
  });

  it('keeps a newer synced version of the same pack', async () => {
    db = openDb(`bundled-${++n}`);
    const newer = structuredClone(bundled) as { version: number; title: string };
    newer.version += 1;
    newer.title = 'Newer synced release';
    expect(await importPack(db, newer, 'sync')).toBe('installed');
    expect(await installBundledPack(db)).toBe('kept-newer');
    expect((await db.packs.toArray()).map((p) => [p.title, p.origin])).toEqual([['Newer synced release', 'sync']]);
  });

  it('serves both claims with statements, and search finds a denial by speaker', async () => {
    db = openDb(`bundled-${++n}`);
    await installBundledPack(db);
    const ctx = await getClaimContext(db, 'ratcliffe-announcement');
    const speakers = ctx?.statements.map((s) => s.speaker.name);
    expect(speakers).toEqual(expect.arrayContaining(['John Ratcliffe', 'Saeed Khatibzadeh', 'Dmitry Peskov']));
    expect(ctx?.statements.every((s) => s.sources.length > 0)).toBe(true);
    expect((await getClaimContext(db, 'proud-boys-emails'))?.statements.length).toBeGreaterThan(0);
    expect((await searchClaims(db, 'khatib')).map((h) => h.claimId)).toEqual(['ratcliffe-announcement']);
    expect((await searchClaims(db, 'proud boys')).map((h) => h.claimId)).toContain('proud-boys-emails');
  });
});
