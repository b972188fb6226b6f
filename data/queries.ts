/**
 * The small query API over the store, used by the background's message
 * handlers (and through them by the popup, the hover card and the content
 * script). Callers see only the view types below, never Dexie rows.
 *
 * Contract: every function reads (or, for the settings setters, writes) in
 * its own transaction and returns plain JSON-serialisable values, so results
 * can cross `runtime.sendMessage` unchanged. Nothing here throws for missing
 * data (unknown claim → null, empty store → []); Dexie/IndexedDB errors
 * propagate.
 */
import type { MatchRules, Statement } from '@/lib/pack/schema';
import type { ClaimRow, SourcelightDB } from './db';
import { byEventDateThenTitle, CLAIM_PAGE } from './claim-pages';
import { findWordPrefix, foldWords } from './search-words';
import { bucketOf, claimsWithPrefix } from './word-index';

export interface SourceView {
  id: string;
  publisher: string;
  title: string;
  published: string | null;
  url: string | null;
  /** e.g. "reprint of a Radio Free Europe/Radio Liberty article"; null when none. */
  note: string | null;
}

export interface StatementView extends Omit<Statement, 'sources'> {
  sources: SourceView[];
}

export interface ClaimSummary {
  id: string;
  title: string;
  summary: string;
  eventDate: string | null;
}

export interface ClaimList {
  /** Claims installed in all. */
  total: number;
  claims: ClaimSummary[];
}

export interface ClaimContext {
  packId: string;
  claim: ClaimSummary;
  /** Timeline: by statement date ascending, undated statements last, pack order within a date. */
  statements: StatementView[];
}

export interface PackCheck {
  at: string;
  ok: boolean;
  message: string;
}

export interface PackInfo {
  id: string;
  version: number;
  title: string;
  publisher: string;
  issued: string;
  installedAt: string;
  origin: 'bundled' | 'sync';
  lastCheck: PackCheck | null;
}

export interface SearchHit {
  claimId: string;
  title: string;
  /** The text (title, summary, quote, speaker, source…) where the query matched, shortened around the match. */
  hit: string;
}

export interface ClaimMatchRules {
  id: string;
  match: MatchRules;
}

export interface Settings {
  enabled: boolean;
  /** Host names (lower-case) on which the page scanner is switched off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [] };

/** Upper bound on search results: enough for a popup list, keeps each keystroke cheap. */
export const SEARCH_LIMIT = 20;

export async function listPacks(db: SourcelightDB): Promise<PackInfo[]> {
  const rows = await db.packs.orderBy('id').toArray();
  return rows.map((p) => ({
    id: p.id,
    version: p.version,
    title: p.title,
    publisher: p.publisher,
    issued: p.issued,
    installedAt: p.installedAt,
    origin: p.origin,
    lastCheck: p.lastCheck,
  }));
}

/** Every claim, by event date (undated last), then title. */
export async function listClaimSummaries(db: SourcelightDB): Promise<ClaimSummary[]> {
  return (await listClaims(db, Infinity)).claims;
}

/**
 * The first `limit` claims in the order of listClaimSummaries, and how many
 * there are in all. Each pack's listing is stored in that order in pages
 * (claim-pages.ts), so this reads only the first ceil(limit / CLAIM_PAGE)
 * pages of each pack: O(limit) however big the packs are.
 */
export async function listClaims(db: SourcelightDB, limit: number): Promise<ClaimList> {
  const pages = Math.max(1, Math.ceil(limit / CLAIM_PAGE));
  const packIds = await db.packs.toCollection().primaryKeys();
  const heads = await Promise.all(
    packIds.map((id) => db.packClaims.where(':id').between([id, 0], [id, pages], true, false).toArray()),
  );
  const firsts = heads.flatMap((rows) => rows.flatMap((r) => r.claims).slice(0, limit));
  if (heads.length > 1) firsts.sort(byEventDateThenTitle);
  return {
    total: heads.reduce((n, rows) => n + (rows[0]?.total ?? 0), 0),
    claims: firsts.slice(0, limit).map((c) => ({ id: c.id, title: c.title, summary: c.summary, eventDate: c.eventDate })),
  };
}

export async function getClaimContext(db: SourcelightDB, claimId: string): Promise<ClaimContext | null> {
  return db.transaction('r', [db.claims, db.sources], async () => {
    const claim = await db.claims.get(claimId);
    if (!claim) return null;
    const mine = claim.statements;
    const sourceIds = [...new Set(mine.flatMap((s) => s.sources))];
    const sources = await db.sources.bulkGet(sourceIds.map((id) => [claim.packId, id] as [string, string]));
    const byId = new Map<string, SourceView>();
    for (const s of sources) {
      if (s) byId.set(s.id, { id: s.id, publisher: s.publisher, title: s.title, published: s.published, url: s.url, note: s.note });
    }
    const statements: StatementView[] = mine
      .map((s, order) => ({ s, order }))
      .sort((a, b) => byTimeline(a.s.date, a.order, b.s.date, b.order))
      .map(({ s }) => ({
        id: s.id,
        kind: s.kind,
        speaker: s.speaker,
        date: s.date,
        summary: s.summary,
        quote: s.quote,
        // Validation guarantees every cited source exists; filter defensively so a view never holds undefined.
        sources: s.sources.flatMap((id) => byId.get(id) ?? []),
      }));
    return {
      packId: claim.packId,
      claim: { id: claim.id, title: claim.title, summary: claim.summary, eventDate: claim.eventDate },
      statements,
    };
  });
}

/**
 * Claims whose indexed words include, for EVERY query word, a word starting
 * with it (so "khat iran" finds Khatibzadeh's denial). One indexed lookup of
 * the query word's bucket in the `words` table per query word, then the
 * matched claims only; no scan of the claims. Results are ordered by title
 * (then id) and cut at SEARCH_LIMIT.
 */
export async function searchClaims(db: SourcelightDB, query: string): Promise<SearchHit[]> {
  const words = [...new Set(foldWords(query))];
  if (words.length === 0) return [];
  return db.transaction('r', [db.words, db.claims, db.sources], async () => {
    let ids: string[] = [];
    for (const [i, w] of words.entries()) {
      const found = claimsWithPrefix(await db.words.where('prefix').startsWith(bucketOf(w)).toArray(), w);
      ids = i === 0 ? [...found] : ids.filter((id) => found.has(id));
      if (ids.length === 0) return [];
    }
    const claims = (await db.claims.bulkGet(ids))
      .flatMap((c) => (c ? [c] : []))
      .sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, SEARCH_LIMIT);
    const hits: SearchHit[] = [];
    for (const c of claims) hits.push({ claimId: c.id, title: c.title, hit: await hitText(db, c, words) });
    return hits;
  });
}

export async function loadMatchRules(db: SourcelightDB): Promise<ClaimMatchRules[]> {
  const pages = await db.packClaims.toArray();
  return pages.flatMap((p) => p.claims.map((c) => ({ id: c.id, match: c.match }))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function getSettings(db: SourcelightDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [...DEFAULT_SETTINGS.disabledSites] };
  for (const r of rows) {
    if (r.key === 'enabled') settings.enabled = r.value;
    else if (r.key === 'disabledSites') settings.disabledSites = [...r.value];
  }
  return settings;
}

export async function setEnabled(db: SourcelightDB, on: boolean): Promise<Settings> {
  await db.settings.put({ key: 'enabled', value: on });
  return getSettings(db);
}

/** Switches the scanner on or off for one host (compared lower-case). */
export async function setSiteEnabled(db: SourcelightDB, host: string, on: boolean): Promise<Settings> {
  const h = host.trim().toLowerCase();
  if (!h) throw new Error('setSiteEnabled: host must not be empty');
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get('disabledSites');
    const sites = new Set<string>(row?.key === 'disabledSites' ? row.value : []);
    if (on) sites.delete(h);
    else sites.add(h);
    await db.settings.put({ key: 'disabledSites', value: [...sites].sort() });
  });
  return getSettings(db);
}

const HIT_MAX = 160;

/** The first text of the claim containing a query word, shortened around it. */
async function hitText(db: SourcelightDB, claim: ClaimRow, words: string[]): Promise<string> {
  const { statements } = claim;
  const sourceIds = [...new Set(statements.flatMap((s) => s.sources))];
  const sources = await db.sources.bulkGet(sourceIds.map((id) => [claim.packId, id] as [string, string]));
  const texts = [
    claim.title,
    claim.summary,
    ...statements.flatMap((s) => [s.quote, s.summary, s.speaker.name, s.speaker.role, s.speaker.organisation]),
    ...sources.flatMap((s) => (s ? [s.publisher, s.title] : [])),
  ].filter((t): t is string => !!t);
  for (const w of words) {
    for (const t of texts) {
      const at = findWordPrefix(t, w);
      if (at) return excerpt(t, at.start, at.end);
    }
  }
  return claim.title;
}

function excerpt(text: string, start: number, end: number): string {
  if (text.length <= HIT_MAX) return text;
  const from = Math.max(0, Math.min(start - 40, text.length - HIT_MAX));
  const to = Math.min(text.length, Math.max(end, from + HIT_MAX));
  return (from > 0 ? '…' : '') + text.slice(from, to).trim() + (to < text.length ? '…' : '');
}

function byTimeline(aDate: string | null, aOrder: number, bDate: string | null, bOrder: number): number {
  if (aDate !== bDate) {
    if (aDate === null) return 1;
    if (bDate === null) return -1;
    return aDate < bDate ? -1 : 1;
  }
  return aOrder - bOrder;
}
