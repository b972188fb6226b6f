/**
 * Finding pack phrases in folded text.
 *
 * Contract: `buildPhraseIndex(entries)` indexes compiled phrases by their
 * first word (exact words by the word, prefix words by their first two
 * letters); `findPhrases(index, text)` returns every occurrence (folded
 * offsets, sorted by start) of every indexed phrase in folded `text`.
 * Consecutive phrase words must be consecutive words of the text, in the same
 * block (never across "\n\n"), separated by at most 3 characters of
 * punctuation or hyphens, white space runs counting as one ("Proud  Boys",
 * "e-mail", "U.S." all match; "proud. \n\nBoys" does not). One RegExp pass
 * over the words plus a Map lookup per word; no per-word objects. Never throws.
 */
import { wordMatches, type CompiledPhrase } from './compile-phrase';
import { blockBetween, nextWord, wordPattern } from './tokenize';

export interface PhraseEntry {
  claim: number;
  term: number;
  phrase: CompiledPhrase;
}

export interface PhraseIndex {
  exact: Map<string, PhraseEntry[]>;
  /** Phrases whose first word is a prefix ("email*"), by its first two UTF-16 units (`prefixKey`). */
  prefix: Map<number, PhraseEntry[]>;
}

export interface Occurrence {
  claim: number;
  term: number;
  start: number;
  end: number;
}

/** Two UTF-16 units as one number; a one-letter stem has its own keys (second unit 0xFFFF never occurs in words). */
function prefixKey(word: string): number {
  return word.charCodeAt(0) * 65536 + (word.length > 1 ? word.charCodeAt(1) : 0xffff);
}

export function buildPhraseIndex(entries: Iterable<PhraseEntry>): PhraseIndex {
  const exact = new Map<string, PhraseEntry[]>();
  const prefix = new Map<number, PhraseEntry[]>();
  const add = <K>(map: Map<K, PhraseEntry[]>, key: K, e: PhraseEntry) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of entries) {
    const first = e.phrase.words[0] as string;
    if (e.phrase.prefix[0]) add(prefix, prefixKey(first), e);
    else add(exact, first, e);
  }
  return { exact, prefix };
}

function gapOk(text: string, from: number, to: number): boolean {
  if (blockBetween(text, from, to)) return false;
  return to - from <= 3 || text.slice(from, to).replace(/\s+/g, ' ').length <= 3;
}

/** End offset of phrase `p` whose first word ends at `end`, or -1. */
function matchRest(text: string, end: number, p: CompiledPhrase): number {
  for (let k = 1; k < p.words.length; k++) {
    const w = nextWord(text, end);
    if (!w || !gapOk(text, end, w.start) || !wordMatches(p, k, w.word)) return -1;
    end = w.end;
  }
  return end;
}

function addPrefixed(list: PhraseEntry[] | undefined, text: string, word: string, start: number, end: number, out: Occurrence[]): void {
  if (!list) return;
  for (const e of list) {
    if (!wordMatches(e.phrase, 0, word)) continue;
    const stop = e.phrase.words.length === 1 ? end : matchRest(text, end, e.phrase);
    if (stop >= 0) out.push({ claim: e.claim, term: e.term, start, end: stop });
  }
}

export function findPhrases(index: PhraseIndex, text: string): Occurrence[] {
  const out: Occurrence[] = [];
  const hasPrefix = index.prefix.size > 0;
  const words = wordPattern();
  let m: RegExpExecArray | null;
  while ((m = words.exec(text)) !== null) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const exact = index.exact.get(word);
    if (exact) {
      for (const e of exact) {
        const stop = e.phrase.words.length === 1 ? end : matchRest(text, end, e.phrase);
        if (stop >= 0) out.push({ claim: e.claim, term: e.term, start, end: stop });
      }
    }
    if (!hasPrefix) continue;
    const c0 = word.charCodeAt(0) * 65536;
    if (word.length > 1) addPrefixed(index.prefix.get(c0 + word.charCodeAt(1)), text, word, start, end, out);
    addPrefixed(index.prefix.get(c0 + 0xffff), text, word, start, end, out);
  }
  return out;
}
