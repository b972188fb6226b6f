/**
 * Keyboard walk through the page's mentions: which mention comes next.
 *
 * Contract: `nextMention(all, last, claimId?)` returns the mention after
 * `last` in document order (`all` is in document order, as
 * PageMentions.all() gives it), wrapping from the last to the first; with
 * `claimId`, only that claim's mentions count. When `last` is gone (the page
 * changed and was rescanned), the first mention starting after its remembered
 * range comes next. Returns null when there is no mention to visit. DOM-only
 * (Range comparisons), no layout; never throws.
 */
import type { PageMention } from '../page-mentions';

export interface VisitedMention {
  id: number;
  /** Where the visited mention started; live Ranges follow DOM edits. */
  start: Range;
}

export function nextMention(
  all: ReadonlyArray<PageMention>,
  last: VisitedMention | null,
  claimId?: string,
): PageMention | null {
  const candidates = claimId === undefined ? all : all.filter((m) => m.claim === claimId);
  const first = candidates[0];
  if (first === undefined) return null;
  if (last === null) return first;
  const index = candidates.findIndex((m) => m.id === last.id);
  if (index >= 0) return candidates[(index + 1) % candidates.length] ?? first;
  return candidates.find((m) => startsAfter(m, last.start)) ?? first;
}

export function visited(m: PageMention): VisitedMention | null {
  const range = m.ranges[0];
  if (range === undefined) return null;
  const start = range.cloneRange();
  start.collapse(true);
  return { id: m.id, start };
}

function startsAfter(m: PageMention, start: Range): boolean {
  const range = m.ranges[0];
  if (range === undefined) return false;
  try {
    return range.compareBoundaryPoints(Range.START_TO_START, start) > 0;
  } catch {
    // Ranges in different documents (or a detached one) have no order.
    return false;
  }
}
