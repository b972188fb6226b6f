/**
 * The searches run over a whole page's raw text.
 *
 * Contract: `keySearch(keys)` takes the key words of the anchor phrases, each
 * given as its folded form plus the lower-case spelling the pack wrote (which
 * may carry accents: "irán", "straße") and whether the phrase needs it whole
 * (`whole`: "come") or as a word's start ("email*"), and returns a `KeySearch`:
 * `find(text)` returns, in text order, every place in RAW text where a key
 * word may occur: a literal key (case-insensitive) that does not follow an
 * ASCII unit of its own kind (letter or digit: tokenize.ts) and, for a whole
 * key, is not followed by one ("come" in "become" or "comet" is no candidate,
 * "Ratcliffe" in "Ratcliffe1" is; a phrase word only ever matches whole
 * words or word starts of the folded text). A superset: a non-ASCII
 * neighbour passes, callers verify on folded text. `keys` lists the literals
 * searched, longest first (a key that starts with a start-of-word key is
 * dropped: the shorter one finds it). The search is one global RegExp: a
 * character that cannot precede a word, then an alternation of the escaped
 * literals (two such branches when some keys begin with a digit). Leading
 * with that class halves V8's cost, which goes per text position and pass
 * (10 MB: 25 vs 52 ms CPU with the bundled pack's 41 literals; one
 * alternation took 50 ms where 19 per-prefix groups took 128).
 * Accented spellings are found when the pack lists them (folded "iran" does
 * not find raw "Irán"; list "Irán" too): literal alternatives keep the page
 * scan within a few times a single literal search, where accent classes
 * would double it. Pack text never reaches the RegExp unescaped, and a plain
 * alternation of literals cannot backtrack badly.
 * `test(foldedWord)` says whether a folded word contains a folded key: used
 * for words holding an invisible character ("Rat\u00ADcliffe"), which raw
 * search cannot see through; `INVISIBLES` lists those characters.
 * Throws an Error if `keys` is empty.
 */
import { isDigitWord } from './tokenize';

/** Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM. */
export const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'] as const;
export const INVISIBLE_PATTERN = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export interface Key {
  folded: string;
  /** The pack's spelling, lower case, when it differs from `folded`. */
  written: string | null;
  /** The phrase needs the key as a whole word (not a prefix word such as "email*"). */
  whole: boolean;
}

export interface KeySearch {
  keys: readonly string[];
  find: (text: string) => Array<{ start: number; end: number }>;
  test: (foldedWord: string) => boolean;
}

/**
 * The literals to search for, each with whether it must be a whole word: one used both ways
 * is searched as a word start; one that starts with a start-of-word literal is left to it.
 */
export function minimalKeys(keys: Iterable<{ literal: string; whole: boolean }>): Map<string, boolean> {
  const wholeness = new Map<string, boolean>();
  for (const { literal, whole } of keys) if (literal.length > 0) wholeness.set(literal, (wholeness.get(literal) ?? true) && whole);
  const starts: string[] = [];
  const out = new Map<string, boolean>();
  for (const k of [...wholeness.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (starts.some((s) => k.startsWith(s))) continue;
    const whole = wholeness.get(k) as boolean;
    if (!whole) starts.push(k);
    out.set(k, whole);
  }
  return out;
}

/** An ASCII letter (a letter of folded text whatever the folding). */
function asciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function asciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `s` as a RegExp that matches it literally. */
export function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function keySearch(keys: Iterable<Key>): KeySearch {
  const list = [...keys];
  const folded = [...minimalKeys(list.map((k) => ({ literal: k.folded, whole: false }))).keys()];
  if (folded.length === 0) throw new Error('keySearch: no keys');
  const literals = minimalKeys(list.flatMap((k) => (k.written ? [k.folded, k.written] : [k.folded]).map((literal) => ({ literal, whole: k.whole }))));
  // Longest first: at "comet" a key "comet" is tried before "come".
  const sorted = [...literals.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // A key begins a word after any unit not of its own kind (a letter key after a digit: "8Ratcliffe").
  const byKind = [sorted.filter((k) => !isDigitWord(k)), sorted.filter(isDigitWord)];
  const branches = byKind.flatMap((keys, digits) => (keys.length === 0 ? [] : [`(?:^|[^${digits ? '0-9' : 'A-Za-z'}])(${keys.map(escapeLiteral).join('|')})`]));
  const pattern = new RegExp(branches.join('|'), 'gi');
  return {
    keys: sorted,
    find(text) {
      const out: Array<{ start: number; end: number }> = [];
      pattern.lastIndex = 0;
      for (let hit: RegExpExecArray | null; (hit = pattern.exec(text)) !== null; ) {
        const key = (hit[1] ?? hit[2]) as string;
        const end = hit.index + hit[0].length;
        const next = text.charCodeAt(end);
        const sameKind = asciiDigit(key.charCodeAt(key.length - 1)) ? asciiDigit(next) : asciiLetter(next);
        // Go on from the key's last unit: it is the unit before a key of the other kind set against it.
        pattern.lastIndex = Math.max(end - 1, hit.index + 1);
        // A hit whose case-folding we cannot look up is taken as a word start (a superset).
        if (end < text.length && sameKind && literals.get(key.toLowerCase()) === true) continue;
        out.push({ start: end - key.length, end });
      }
      return out;
    },
    test: (w) => folded.some((k) => w.includes(k)),
  };
}
