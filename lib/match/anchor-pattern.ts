/**
 * The searches run over a whole page's raw text.
 *
 * Contract: `keySearch(keys)` takes the key words of the anchor phrases, each
 * given as its folded form plus the lower-case spelling the pack wrote (which
 * may carry accents: "irán", "straße") and whether the phrase needs it whole
 * (`whole`: "come") or as a word's start ("email*"), and returns a `KeySearch`:
 * `pattern` is one global, case-insensitive RegExp: an alternation of the
 * escaped literal keys, longest first (a key that starts with a start-of-word
 * key is dropped: the shorter one finds it). One alternation, not one per
 * group of keys: V8's cost goes per text position and pass, so with the
 * bundled pack's 41 literals one pass took 50 ms CPU on 10 MB where 19
 * groups took 128 ms. `fits(text, start, end)`
 * says whether a hit of the pattern in RAW text can be a key word: it must
 * not follow an ASCII letter or digit, and a whole key must not be followed
 * by one ("come" in "become", "comet" is no candidate; a phrase word only
 * ever matches whole words or word starts of the folded text). Together they
 * find every place where a key may occur in raw text (a superset: a
 * non-ASCII neighbour passes, callers verify on folded text). Accented spellings are found when the pack lists
 * them (folded "iran" does not find raw "Irán"; list "Irán" too): literal
 * alternatives keep the page scan within a few times a single literal search,
 * where accent classes would double it. Pack text never reaches the RegExp
 * unescaped, and a plain alternation of literals cannot backtrack badly.
 * `test(foldedWord)` says whether a folded word contains a folded key: used
 * for words holding an invisible character ("Rat\u00ADcliffe"), which raw
 * search cannot see through; `INVISIBLES` lists those characters.
 * Throws an Error if `keys` is empty.
 */

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
  pattern: RegExp;
  fits: (text: string, start: number, end: number) => boolean;
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

/** An ASCII letter or digit (a word character of folded text whatever the folding). */
function asciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function keySearch(keys: Iterable<Key>): KeySearch {
  const list = [...keys];
  const folded = [...minimalKeys(list.map((k) => ({ literal: k.folded, whole: false }))).keys()];
  if (folded.length === 0) throw new Error('keySearch: no keys');
  const literals = minimalKeys(list.flatMap((k) => (k.written ? [k.folded, k.written] : [k.folded]).map((literal) => ({ literal, whole: k.whole }))));
  // Longest first: at "comet" a key "comet" is tried before "come".
  const alternation = [...literals.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeLiteral).join('|');
  return {
    pattern: new RegExp(alternation, 'gi'),
    fits: (text, start, end) =>
      !(start > 0 && asciiWordChar(text.charCodeAt(start - 1))) &&
      // A hit whose case-folding we cannot look up is taken as a word start (a superset).
      !(literals.get(text.slice(start, end).toLowerCase()) === true && end < text.length && asciiWordChar(text.charCodeAt(end))),
    test: (w) => folded.some((k) => w.includes(k)),
  };
}
