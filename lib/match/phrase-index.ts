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
 * the text's UTF-16 units; a word becomes a string (and a Map lookup) only when its first
 * two letters begin some indexed phrase, so most words cost no allocation. Never throws.
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
  /** Phrases whose first word is a prefix ("email*"), by its first two UTF-16 units (`prefixKey`). */
  prefix: Map<number, PhraseEntry[]>;
  /** `prefixKey` of every indexed first word, exact or prefix: the page words worth looking up. */
  starts: Set<number>;
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
  const starts = new Set<number>();
  for (const e of entries) {
    const first = e.phrase.words[0] as string;
    if (e.phrase.prefix[0]) add(prefix, prefixKey(first), e);
    else add(exact, first, e);
    starts.add(prefixKey(first));
  }
  return { exact, prefix, starts };
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
  const { starts, exact, prefix } = index;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const c0 = text.charCodeAt(i);
    if (!isWordUnit(c0)) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < length && isWordUnit(text.charCodeAt(i)); i++);
    const end = i;
    // A one-letter prefix stem ("x*") begins every word starting with its letter.
    const high = c0 * 65536;
    const key = end - start > 1 ? high + text.charCodeAt(start + 1) : high + 0xffff;
    const stem = starts.has(high + 0xffff);
    if (!starts.has(key) && !stem) continue;
    const word = text.slice(start, end);
    for (const e of exact.get(word) ?? []) {
      const stop = e.phrase.words.length === 1 ? end : matchRest(text, end, e.phrase);
      if (stop >= 0) out.push({ claim: e.claim, term: e.term, start, end: stop });
    }
    if (key !== high + 0xffff) addPrefixed(prefix.get(key), text, word, start, end, out);
    if (stem) addPrefixed(prefix.get(high + 0xffff), text, word, start, end, out);
  }
  return out;
}
