/**
 * Schema upgrade 1 → 2 (db.ts), run by Dexie inside the versionchange
 * transaction when an install made before version 2 opens the store.
 *
 * Contract: rewrites every version-1 claim and statement row into the
 * version-2 layout, keeping all installed packs, settings and sync state:
 * each claim row gets its statements (from the v1 `statements` table, which
 * Dexie drops after this runs) in pack order and loses `match`, `words` and
 * `statementIds`; each pack gets its `packClaims` listing (with the match
 * rules, in list order) and its `words` buckets (from the claims' v1 `words` arrays).
 * Packs, sources and settings rows are untouched. Any error aborts the
 * upgrade and leaves the version-1 database as it was.
 */
import type { Transaction } from 'dexie';
import type { MatchRules, Speaker } from '@/lib/pack/schema';
import type { ClaimRow, PackClaimsRow } from './db';
import { claimPages } from './claim-pages';
import { wordBuckets } from './word-index';

/** A version-1 claim row. */
interface ClaimRowV1 {
  id: string;
  packId: string;
  title: string;
  summary: string;
  eventDate: string | null;
  match: MatchRules;
  statementIds: string[];
  words: string[];
}

/** A version-1 statement row (one per statement). */
interface StatementRowV1 {
  packId: string;
  id: string;
  claimId: string;
  order: number;
  kind: 'allegation' | 'denial' | 'context';
  speaker: Speaker;
  date: string | null;
  summary: string;
  quote: string | null;
  sources: string[];
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const [claims, statements] = await Promise.all([
    tx.table<ClaimRowV1, string>('claims').toArray(),
    tx.table<StatementRowV1, [string, string]>('statements').toArray(),
  ]);
  const statementsOf = groupBy(statements, (s) => `${s.packId}\n${s.claimId}`);
  const rows: ClaimRow[] = claims.map((c) => ({
    id: c.id,
    packId: c.packId,
    title: c.title,
    summary: c.summary,
    eventDate: c.eventDate,
    statements: (statementsOf.get(`${c.packId}\n${c.id}`) ?? [])
      .sort((a, b) => a.order - b.order)
      .map((s) => ({ id: s.id, kind: s.kind, speaker: s.speaker, date: s.date, summary: s.summary, quote: s.quote, sources: s.sources })),
  }));
  const byPack = groupBy(claims, (c) => c.packId);
  const listings: PackClaimsRow[] = [...byPack].flatMap(([packId, list]) =>
    claimPages(packId, list.map((c) => ({ id: c.id, title: c.title, summary: c.summary, eventDate: c.eventDate, match: c.match }))),
  );
  const words = [...byPack].flatMap(([packId, list]) => wordBuckets(packId, list));
  await Promise.all([
    tx.table('claims').bulkPut(rows),
    tx.table('packClaims').bulkAdd(listings),
    tx.table('words').bulkAdd(words),
  ]);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
