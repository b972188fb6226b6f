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

export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Folded words of `text` in order of appearance (duplicates kept). */
export function foldWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = foldWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

/** Distinct folded words of all given texts, for the `words` index. */
export function indexWords(texts: Iterable<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const t of texts) if (t) for (const w of foldWords(t)) set.add(w);
  return [...set];
}

export function findWordPrefix(text: string, prefix: string): { start: number; end: number } | null {
  for (const m of text.matchAll(WORD)) {
    if (foldWord(m[0]).startsWith(prefix)) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}
