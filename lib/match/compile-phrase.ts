/**
 * Compiling one pack phrase into folded words.
 *
 * Contract: `compilePhrase(phrase)` folds the phrase like page text
 * (fold-text.ts) and splits it into words (tokenize.ts). A word written with a
 * trailing "*" matches any page word that starts with it ("email*" → "emails");
 * every other word must equal a page word. Hyphens and apostrophes separate
 * words on both sides, so the phrase "e-mail" matches "e-mail", "e mail" and
 * "e–mail" but not "email": a closed compound needs its own alternative in the
 * pack (we do not guess joins, which would make "e mail" match "email" and
 * "pro ud" match "proud"). `key` is the phrase's longest literal word: the one
 * searched for in raw page text to find candidates (in its folded form and,
 * when different, as written: "Téhéran" → "teheran" and "téhéran").
 * Returns null for a phrase with no letters or digits. Never throws.
 */
import { foldPhrase } from './fold-text';
import { splitWords } from './tokenize';

export interface CompiledPhrase {
  words: string[];
  prefix: boolean[];
  /** Index in `words` of the longest word. */
  key: number;
  /** The key word as the pack spelt it (lower case, accents kept) when that differs from the folded word. */
  writtenKey: string | null;
}

const WRITTEN_WORD = /[\p{L}\p{N}]+/gu;

export function compilePhrase(phrase: string): CompiledPhrase | null {
  const words: string[] = [];
  const prefix: boolean[] = [];
  for (const chunk of phrase.trim().split(/\s+/)) {
    const star = chunk.endsWith('*');
    const parts = splitWords(foldPhrase(star ? chunk.slice(0, -1) : chunk));
    parts.forEach((w, i) => {
      words.push(w);
      prefix.push(star && i === parts.length - 1);
    });
  }
  if (words.length === 0) return null;
  let key = 0;
  words.forEach((w, i) => {
    if (w.length > (words[key] as string).length) key = i;
  });
  const written = phrase.normalize('NFC').toLowerCase().replace(/[*\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').match(WRITTEN_WORD) ?? [];
  const writtenKey = written.length === words.length && written[key] !== words[key] ? (written[key] as string) : null;
  return { words, prefix, key, writtenKey };
}

/** Whether page word `word` satisfies phrase word `i`. */
export function wordMatches(p: CompiledPhrase, i: number, word: string): boolean {
  const w = p.words[i] as string;
  return p.prefix[i] ? word.startsWith(w) : word === w;
}
