/**
 * Search words: the folded lower-case words stored in the claims' multiEntry
 * `words` index and the same folding applied to a search query, so a query
 * matches by indexed prefix lookups.
 *
 * Contract: `foldWords` is pure and never throws; it lower-cases, strips
 * diacritics (NFKD + combining marks) and splits on anything that is not a
 * letter or digit. `findWordPrefix` returns the UTF-16 range, in the raw text,
 * of the first word that starts with the given folded prefix, or null.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;

export function foldWord(word: string): string {
  // ASCII has no marks and NFKD leaves it as is: skip the costly normalize
  // (a 10,000-claim pack folds about a million words on import).
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Folded words of `text` in order of appearance (duplicates kept). */
export function foldWords(text: string): string[] {
  const out: string[] = [];
  forEachFolded(text, (w) => out.push(w));
  return out;
}

/** Distinct folded words of all given texts, for the `words` index. */
export function indexWords(texts: Iterable<string | null | undefined>): string[] {
  const set = new Set<string>();
  addWords(set, texts);
  return [...set];
}

/** Adds the folded words of `texts` to `set` (for building one claim's words from many texts). */
export function addWords(set: Set<string>, texts: Iterable<string | null | undefined>): void {
  for (const t of texts) if (t) forEachFolded(t, (w) => set.add(w));
}

function forEachFolded(text: string, fn: (word: string) => void): void {
  for (const m of text.matchAll(WORD)) {
    const w = foldWord(m[0]);
    if (w) fn(w);
  }
}

export function findWordPrefix(text: string, prefix: string): { start: number; end: number } | null {
  for (const m of text.matchAll(WORD)) {
    if (foldWord(m[0]).startsWith(prefix)) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}
