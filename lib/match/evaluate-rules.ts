/**
 * Rule and guard evaluation over phrase occurrences of one claim.
 *
 * Contract: `evaluateRules(claim, byTerm, presentAnywhere, apart)` returns the
 * rule hits of one claim in one stretch of folded text. `byTerm[t]` lists the
 * occurrences of term t sorted by start. A rule hits where one occurrence of
 * every term in `all` lies within `window` folded characters (first start to
 * last end). Scanning left to right, each hit starts at its leftmost
 * occurrence and takes, for every other term, the first occurrence at or
 * after it; hits of one rule do not overlap. A hit is dropped when a guard
 * term occurs within the guard's window of it (overlap counts) and not in a
 * later block (`apart(hitEnd, guardStart)`: a block boundary between them):
 * what precedes a statement (its heading, the sentence before) sets its
 * context, while the next item of a list or timeline is another statement
 * ("Nov. 2018: …" under "Oct. 2020: Ratcliffe said …"). A guard with window
 * null drops a hit when `presentAnywhere(term)` says the term occurs
 * anywhere in the text (called lazily, only once a rule has hit). Each hit
 * carries the ranges of its `highlight` terms' occurrences. Linear in the
 * number of occurrences per rule (guards: a binary search per hit). Never throws.
 */
import type { CompiledClaim, CompiledGuard } from './compile-matcher';
import type { Occurrence } from './phrase-index';

export interface Span {
  start: number;
  end: number;
}

export interface Hit extends Span {
  ranges: Span[];
}

/** Longest folded phrase occurrence to allow for when searching by start (phrases are at most 100 characters). */
const LONGEST_OCCURRENCE = 512;

/** Index of the first occurrence starting at or after `at` (lists are sorted by start). */
function firstFrom(list: Occurrence[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Occurrence).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function guarded(g: CompiledGuard, hit: Span, byTerm: Occurrence[][], presentAnywhere: (term: number) => boolean, apart: (from: number, to: number) => boolean): boolean {
  for (const t of g.any) {
    if (g.window === null) {
      if (presentAnywhere(t)) return true;
      continue;
    }
    const from = hit.start - g.window;
    const to = hit.end + g.window;
    const list = byTerm[t] ?? [];
    for (let i = firstFrom(list, from - LONGEST_OCCURRENCE); i < list.length; i++) {
      const o = list[i] as Occurrence;
      if (o.start > to) break;
      if (o.end >= from && !(o.start >= hit.end && apart(hit.end, o.start))) return true;
    }
  }
  return false;
}

export function evaluateRules(
  claim: CompiledClaim,
  byTerm: Occurrence[][],
  presentAnywhere: (term: number) => boolean,
  apart: (from: number, to: number) => boolean,
): Hit[] {
  const hits: Hit[] = [];
  for (const rule of claim.rules) {
    const lists = rule.all.map((t) => byTerm[t] ?? []);
    if (lists.some((l) => l.length === 0)) continue;
    const starts = lists.flat().sort((a, b) => a.start - b.start || a.end - b.end);
    const ptr = lists.map(() => 0);
    let lastEnd = -1;
    scan: for (const first of starts) {
      if (first.start < lastEnd) continue;
      const chosen: Occurrence[] = [];
      let end = first.end;
      for (let j = 0; j < lists.length; j++) {
        const list = lists[j] as Occurrence[];
        let p = ptr[j] as number;
        while (p < list.length && (list[p] as Occurrence).start < first.start) p++;
        ptr[j] = p;
        const o = list[p];
        if (!o) break scan; // this term never occurs again: no later hit is possible
        chosen.push(o);
        if (o.end > end) end = o.end;
      }
      if (end - first.start > rule.window) continue;
      const hit: Span = { start: first.start, end };
      if (claim.guards.some((g) => guarded(g, hit, byTerm, presentAnywhere, apart))) continue;
      const lit = chosen.filter((o, j) => rule.highlight.includes(rule.all[j] as number));
      hits.push({ ...hit, ranges: (lit.length > 0 ? lit : chosen).map((o) => ({ start: o.start, end: o.end })) });
      lastEnd = end;
    }
  }
  return hits;
}
