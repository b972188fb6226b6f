/**
 * Finding the mentions of claims in a page's reading text.
 *
 * Contract: `matchMentions(m, text)` returns, for the claims compiled into
 * `m`, every mention in `text` (blocks separated by "\n\n"), in text order.
 * A mention is a cluster of overlapping rule hits of one claim; `ranges` are
 * UTF-16 offsets into the RAW `text`, sorted and non-overlapping, covering
 * only the words of the rules' highlight terms. Cost: one scan of the raw
 * text with the matcher's anchor RegExp, plus one with the guard RegExp when
 * a claim with an anywhere-guard has hit, plus, only when the text holds
 * soft hyphens or zero-width characters, one to find those; folding,
 * tokenising and rule evaluation run only on regions of `m.pad` characters
 * around anchor candidates. No per-character JavaScript over the whole text.
 * Never throws.
 */
import { INVISIBLE_PATTERN, INVISIBLES, type KeySearch } from './anchor-pattern';
import type { CompiledMatcher } from './compile-matcher';
import { evaluateRules, type Span } from './evaluate-rules';
import { foldText, rawOffset, type FoldedText } from './fold-text';
import { findPhrases, type Occurrence } from './phrase-index';
import { blockBetween } from './tokenize';

export interface Mention {
  claim: string;
  ranges: Array<{ start: number; end: number }>;
}

/** How far to look for the edges of the word around a hit (bounds work on text without spaces). */
const WORD_REACH = 64;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
}

function wordStart(text: string, i: number, limit: number): number {
  let a = i;
  while (a > limit && a > i - WORD_REACH && !isSpace(text.charCodeAt(a - 1))) a--;
  return a;
}

function wordEnd(text: string, i: number, limit: number): number {
  let b = i;
  while (b < limit && b < i + WORD_REACH && !isSpace(text.charCodeAt(b))) b++;
  return b;
}

/** Raw spans where a key word may occur, in text order. */
function findCandidates(search: KeySearch, text: string): Span[] {
  let out: Span[] = search.find(text);
  // An invisible character can split a key word ("Rat\u00ADcliffe"): fold the words holding one and test them.
  // indexOf per character is far cheaper than a RegExp over text that has none, the usual case.
  if (INVISIBLES.some((ch) => text.includes(ch))) {
    const extra: Span[] = [];
    const inv = new RegExp(INVISIBLE_PATTERN.source, 'g');
    let at: RegExpExecArray | null;
    while ((at = inv.exec(text)) !== null) {
      const a = wordStart(text, at.index, 0);
      const b = wordEnd(text, at.index + 1, text.length);
      if (search.test(foldText(text, a, b).text)) extra.push({ start: a, end: b });
      inv.lastIndex = Math.max(b, at.index + 1);
    }
    if (extra.length > 0) out = out.concat(extra).sort((x, y) => x.start - y.start);
  }
  return out;
}

/** Merges candidate spans widened by `pad` into disjoint regions, edges moved out to word edges. */
function regions(cands: Span[], pad: number, text: string): Span[] {
  const out: Span[] = [];
  for (const c of cands) {
    const start = Math.max(0, c.start - pad);
    const end = Math.min(text.length, c.end + pad);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  for (const r of out) {
    r.start = wordStart(text, r.start, 0);
    r.end = wordEnd(text, r.end, text.length);
  }
  return out;
}

/** Folds raw text [from, to) and finds every indexed phrase in it (folded offsets). */
function occurrencesIn(m: CompiledMatcher, text: string, from: number, to: number): { folded: FoldedText; occ: Occurrence[] } {
  const folded = foldText(text, from, to);
  return { folded, occ: findPhrases(m.index, folded.text) };
}

function mergeRanges(ranges: Span[]): Span[] {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export function matchMentions(m: CompiledMatcher, text: string): Mention[] {
  if (!m.anchors || text.length === 0) return [];
  const cands = findCandidates(m.anchors, text);
  if (cands.length === 0) return [];

  // Terms of anywhere-guards present in the whole text, per claim; searched once, on first need.
  let anywhere: Set<string> | null = null;
  const presentAnywhere = (claim: number, term: number): boolean => {
    if (!anywhere) {
      anywhere = new Set();
      if (m.globalGuards) {
        for (const c of findCandidates(m.globalGuards, text)) {
          const a = wordStart(text, Math.max(0, c.start - 200), 0);
          const b = wordEnd(text, Math.min(text.length, c.end + 200), text.length);
          for (const o of occurrencesIn(m, text, a, b).occ) anywhere.add(`${o.claim}:${o.term}`);
        }
      }
    }
    return anywhere.has(`${claim}:${term}`);
  };

  const hitsByClaim: Span[][] = m.claims.map(() => []);
  const rangesByClaim: Span[][][] = m.claims.map(() => []);
  for (const region of regions(cands, m.pad, text)) {
    const { folded, occ } = occurrencesIn(m, text, region.start, region.end);
    if (occ.length === 0) continue;
    const byClaim = new Map<number, Occurrence[][]>();
    for (const o of occ) {
      let terms = byClaim.get(o.claim);
      if (!terms) byClaim.set(o.claim, (terms = []));
      (terms[o.term] ??= []).push(o);
    }
    const raw = (s: Span): Span => ({ start: rawOffset(folded, s.start), end: rawOffset(folded, s.end - 1) + 1 });
    const apart = (a: number, b: number) => blockBetween(folded.text, a, b);
    for (const [c, byTerm] of byClaim) {
      const claim = m.claims[c];
      if (!claim) continue;
      for (const hit of evaluateRules(claim, byTerm, (t) => presentAnywhere(c, t), apart)) {
        (hitsByClaim[c] as Span[]).push(raw(hit));
        (rangesByClaim[c] as Span[][]).push(hit.ranges.map(raw));
      }
    }
  }

  const mentions: Array<Mention & { at: number }> = [];
  m.claims.forEach((claim, c) => {
    const hits = hitsByClaim[c] as Span[];
    const order = hits.map((_, i) => i).sort((a, b) => (hits[a] as Span).start - (hits[b] as Span).start);
    let cluster: { end: number; ranges: Span[] } | null = null;
    const close = () => {
      if (cluster) {
        const ranges = mergeRanges(cluster.ranges);
        mentions.push({ claim: claim.id, ranges, at: (ranges[0] as Span).start });
      }
    };
    for (const i of order) {
      const h = hits[i] as Span;
      const ranges = (rangesByClaim[c] as Span[][])[i] as Span[];
      if (cluster && h.start < cluster.end) {
        cluster.end = Math.max(cluster.end, h.end);
        cluster.ranges.push(...ranges);
      } else {
        close();
        cluster = { end: h.end, ranges: [...ranges] };
      }
    }
    close();
  });
  return mentions.sort((a, b) => a.at - b.at).map(({ claim, ranges }) => ({ claim, ranges }));
}
