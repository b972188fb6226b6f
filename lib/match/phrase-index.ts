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
 * "e-mail", "U.S." all match; "proud. \n\nBoys" does not). One pass over
 * the text's UTF-16 units; a word becomes a string (and a Map lookup) only
 * when its hash is that of an indexed exact first word, or its first two
 * letters and its length fit an indexed prefix ("email*"), so most words cost
 * no allocation (first letters alone let four words in five through on an
 * English page). Never throws.
 */
import { wordMatches, type CompiledPhrase } from './compile-phrase';
import { blockBetween, isWordUnit, nextWord } from './tokenize';

export interface PhraseEntry {
  claim: number;
  term: number;
  phrase: CompiledPhrase;
}

export interface PhraseIndex {
  exact: Map<string, PhraseEntry[]>;
  /** `wordHash` of every key of `exact`: the only page words looked up there. */
  exactHashes: Set<number>;
  /** Phrases whose first word is a prefix ("email*"), by its first two UTF-16 units (`prefixKey`). */
  prefix: Map<number, PhraseEntry[]>;
  /** By `prefixKey`, a mask of the word lengths (`lengthBit`) the prefixes with that key accept. */
  prefixLengths: Map<number, number>;
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

/** A word length as one bit of a 32-bit mask; lengths of 31 and more share the top bit. */
function lengthBit(length: number): number {
  return 1 << (length < 31 ? length : 31);
}

/** A word's hash as `findPhrases` computes it while reading the word (a small integer). */
function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) & 0x3fffffff;
  return h;
}

export function buildPhraseIndex(entries: Iterable<PhraseEntry>): PhraseIndex {
  const exact = new Map<string, PhraseEntry[]>();
  const prefix = new Map<number, PhraseEntry[]>();
  const add = <K>(map: Map<K, PhraseEntry[]>, key: K, e: PhraseEntry) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  const exactHashes = new Set<number>();
  const prefixLengths = new Map<number, number>();
  for (const e of entries) {
    const first = e.phrase.words[0] as string;
    if (e.phrase.prefix[0]) {
      const key = prefixKey(first);
      add(prefix, key, e);
      // -bit sets this length's bit and every higher one (two's complement): the stem and longer words.
      prefixLengths.set(key, (prefixLengths.get(key) ?? 0) | -lengthBit(first.length));
    } else {
      add(exact, first, e);
      exactHashes.add(wordHash(first));
    }
  }
  return { exact, exactHashes, prefix, prefixLengths };
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
  const { exact, exactHashes, prefix, prefixLengths } = index;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const c0 = text.charCodeAt(i);
    if (!isWordUnit(c0)) {
      i++;
      continue;
    }
    const start = i;
    let hash = c0;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i);
      if (!isWordUnit(c)) break;
      hash = (Math.imul(hash, 31) + c) & 0x3fffffff;
    }
    const end = i;
    const isExact = exactHashes.has(hash);
    // A one-letter prefix stem ("x*", key `one`) begins every word starting with its letter.
    const one = c0 * 65536 + 0xffff;
    const key = end - start > 1 ? one - 0xffff + text.charCodeAt(start + 1) : one;
    const bit = lengthBit(end - start);
    const isPrefixed = ((prefixLengths.get(key) ?? 0) & bit) !== 0;
    const stem = key !== one && ((prefixLengths.get(one) ?? 0) & bit) !== 0;
    if (!isExact && !isPrefixed && !stem) continue;
    const word = text.slice(start, end);
    if (isExact) {
      for (const e of exact.get(word) ?? []) {
        const stop = e.phrase.words.length === 1 ? end : matchRest(text, end, e.phrase);
        if (stop >= 0) out.push({ claim: e.claim, term: e.term, start, end: stop });
      }
    }
    if (isPrefixed) addPrefixed(prefix.get(key), text, word, start, end, out);
    if (stem) addPrefixed(prefix.get(one), text, word, start, end, out);
  }
  return out;
}
