/**
 * The searches run over a whole page's raw text.
 *
 * Contract: `keySearch(keys)` takes the key words of the anchor phrases, each
 * given as its folded form plus the lower-case spelling the pack wrote (which
 * may carry accents: "irán", "straße"), and returns a `KeySearch`:
 * `patterns` are global, case-insensitive RegExps of the escaped literal keys
 * (a key that contains another key is dropped: the shorter one finds it),
 * one per group of keys sharing their first two folded letters (V8 scans a
 * few small alternations faster than one large one: measured 11 ms against
 * 18 ms CPU for 10 MB), which together find every place where a key may
 * occur in RAW text (a superset: callers verify on folded text). Accented spellings are found when the pack lists
 * them (folded "iran" does not find raw "Irán"; list "Irán" too): literal
 * alternatives keep the page scan within a few times a single literal search,
 * where accent classes would double it. Pack text never reaches the RegExp
 * unescaped, and a plain alternation of literals cannot backtrack badly.
 * `test(foldedWord)` says whether a folded word contains a folded key: used
 * for words holding an invisible character ("Rat\u00ADcliffe"), which raw
 * search cannot see through; `INVISIBLES` lists those characters.
 * Throws an Error if `keys` is empty.
 */
import { foldPhrase } from './fold-text';

/** Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM. */
export const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'] as const;
export const INVISIBLE_PATTERN = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export interface Key {
  folded: string;
  /** The pack's spelling, lower case, when it differs from `folded`. */
  written: string | null;
}

export interface KeySearch {
  patterns: RegExp[];
  test: (foldedWord: string) => boolean;
}

/** Keys that contain no other key (the search has no word boundaries, so the shorter key finds the longer). */
export function minimalKeys(keys: Iterable<string>): string[] {
  const byLength = [...new Set(keys)].filter((k) => k.length > 0).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const k of byLength) if (!out.some((o) => k.includes(o))) out.push(k);
  return out.sort();
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function keySearch(keys: Iterable<Key>): KeySearch {
  const list = [...keys];
  const folded = minimalKeys(list.map((k) => k.folded));
  if (folded.length === 0) throw new Error('keySearch: no keys');
  const groups = new Map<string, string[]>();
  for (const literal of minimalKeys(list.flatMap((k) => (k.written ? [k.folded, k.written] : [k.folded])))) {
    const group = foldPhrase(literal).slice(0, 2);
    groups.set(group, [...(groups.get(group) ?? []), literal]);
  }
  return {
    patterns: [...groups.values()].map((g) => new RegExp(g.map(escapeLiteral).join('|'), 'gi')),
    test: (w) => folded.some((k) => w.includes(k)),
  };
}
