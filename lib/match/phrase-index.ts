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
 * "e-mail", "U.S." all match; "proud. \n\nBoys" does not), or by nothing
 * where letters meet digits ("Jan6" is "Jan 6"). One native RegExp pass finds
 * the word starts where an indexed first word or prefix stem begins (an
 * alternation of the escaped literals after a unit not of the word's kind,
 * tokenize.ts); only those words become strings and Map lookups. A JavaScript loop
 * over every unit cost 5 to 10 times more, most of it before the JIT had
 * warmed up, which is every page load. Never throws.
 */
import { wordMatches, type CompiledPhrase } from './compile-phrase';
import { escapeLiteral } from './anchor-pattern';
import { blockBetween, DIGIT_UNITS, isDigitWord, LETTER_UNITS, nextWord, type Word } from './tokenize';

export interface PhraseEntry {
  claim: number;
  term: number;
  phrase: CompiledPhrase;
}

export interface PhraseIndex {
  exact: Map<string, PhraseEntry[]>;
  /** Phrases whose first word is a prefix ("email*"), by its first two UTF-16 units (`prefixKey`). */
  prefix: Map<number, PhraseEntry[]>;
  /** Finds the starts of words that begin with an indexed first word or prefix stem; null when nothing is indexed. */
  starts: RegExp | null;
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
  const literals = (keys: Iterable<string>) => [...keys].sort().map(escapeLiteral).join('|');
  const stems = new Set([...prefix.values()].flatMap((list) => list.map((e) => e.phrase.words[0] as string)));
  // One branch per kind of word (letters, digits): a word begins after any unit not of its kind.
  const branches = [LETTER_UNITS, DIGIT_UNITS].flatMap((units) => {
    const ofKind = (w: string) => isDigitWord(w) === (units === DIGIT_UNITS);
    const words = [...exact.keys()].filter(ofKind);
    const starting = [...stems].filter(ofKind);
    // An exact word must end where the literal does ("e" of "e-mail" must not stop at every word starting with e).
    const alternatives = [...(words.length > 0 ? [`(?:${literals(words)})(?![${units}])`] : []), ...(starting.length > 0 ? [literals(starting)] : [])];
    return alternatives.length === 0 ? [] : [`(?:^|[^${units}])(${alternatives.join('|')})`];
  });
  const starts = branches.length === 0 ? null : new RegExp(branches.join('|'), 'g');
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
  const { exact, prefix, starts } = index;
  if (!starts) return out;
  starts.lastIndex = 0;
  for (let hit: RegExpExecArray | null; (hit = starts.exec(text)) !== null; ) {
    // The captured literal begins a word (after the unit before it, unless the word starts the text).
    const literal = (hit[1] ?? hit[2]) as string;
    const { word, start, end } = nextWord(text, hit.index + hit[0].length - literal.length) as Word;
    // Go on from the word's last unit: it is the unit before a word of the other kind set against it ("x2016").
    starts.lastIndex = Math.max(end - 1, hit.index + 1);
    for (const e of exact.get(word) ?? []) {
      const stop = e.phrase.words.length === 1 ? end : matchRest(text, end, e.phrase);
      if (stop >= 0) out.push({ claim: e.claim, term: e.term, start, end: stop });
    }
    // A one-letter prefix stem ("x*") is filed under its own key and begins every word starting with its letter.
    if (word.length > 1) addPrefixed(prefix.get(prefixKey(word)), text, word, start, end, out);
    addPrefixed(prefix.get(prefixKey(word.charAt(0))), text, word, start, end, out);
  }
  return out;
}
