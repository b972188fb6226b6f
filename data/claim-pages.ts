/**
 * A pack's claim listing (what the matcher and the claim list read) split
 * into `packClaims` rows of CLAIM_PAGE claims in list order, so the first N
 * claims are a read of ceil(N / CLAIM_PAGE) small rows per pack however big
 * the pack is, and the whole listing still only ~1% of the pack's row count.
 *
 * Contract: pure, never throws. `claimPages` sorts a copy of `claims` into
 * list order (`byEventDateThenTitle`) and numbers the pages from 0;
 * every page carries the pack's claim count (`total`). A pack without claims
 * gets one empty page, so its count is still stored.
 */
import type { ClaimListing, PackClaimsRow } from './db';
import type { ClaimSummary } from './queries';

export const CLAIM_PAGE = 100;

export function claimPages(packId: string, claims: readonly ClaimListing[]): PackClaimsRow[] {
  const sorted = [...claims].sort(byEventDateThenTitle);
  const pages: PackClaimsRow[] = [];
  for (let page = 0; page === 0 || page * CLAIM_PAGE < sorted.length; page++) {
    pages.push({ packId, page, total: sorted.length, claims: sorted.slice(page * CLAIM_PAGE, (page + 1) * CLAIM_PAGE) });
  }
  return pages;
}

/** The claim list's order: by event date (undated last), then title, then id. */
export function byEventDateThenTitle(a: ClaimSummary, b: ClaimSummary): number {
  if (a.eventDate !== b.eventDate) {
    if (a.eventDate === null) return 1;
    if (b.eventDate === null) return -1;
    return a.eventDate < b.eventDate ? -1 : 1;
  }
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
