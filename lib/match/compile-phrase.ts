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
 * "pro ud" match "proud"). `key` is the word searched for in raw page text to
 * find candidates (in its folded form and, when different, as written:
 * "Téhéran" → "teheran" and "téhéran"): the longest word the pack wrote with a
 * capital and at least three letters (a name: "Trump" in "vote for Trump"), else
 * the longest word; a name is rarer in running text than any common word, and
 * a common key ("after", "werden") makes most of a page a candidate.
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
const CAPITAL = /^\p{Lu}/u;

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
  const written = phrase.normalize('NFC').replace(/[*\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').match(WRITTEN_WORD) ?? [];
  // Written and folded words line up unless folding changed the word count: then no word is a name.
  const aligned = written.length === words.length;
  const named = (i: number) => aligned && (words[i] as string).length >= 3 && CAPITAL.test(written[i] as string);
  let key = 0;
  words.forEach((w, i) => {
    const best = words[key] as string;
    if (named(i) !== named(key) ? named(i) : w.length > best.length) key = i;
  });
  const writtenKeyWord = aligned ? (written[key] as string).toLowerCase() : null;
  const writtenKey = writtenKeyWord !== null && writtenKeyWord !== words[key] ? writtenKeyWord : null;
  return { words, prefix, key, writtenKey };
}

/** Whether page word `word` satisfies phrase word `i`. */
export function wordMatches(p: CompiledPhrase, i: number, word: string): boolean {
  const w = p.words[i] as string;
  return p.prefix[i] ? word.startsWith(w) : word === w;
}
