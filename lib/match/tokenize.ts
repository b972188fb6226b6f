/**
 * Words of folded text.
 *
 * Contract: a word is a maximal run of letters and digits (any script; the
 * halves of a surrogate pair count as letters) in FOLDED text
 * (fold-text.ts), where every non-ASCII unit is a letter or digit.
 * Everything else (spaces, punctuation, apostrophes, hyphens) separates
 * words, so "e-mail" is the two words "e" "mail" and "iran's" is "iran" "s".
 * `isWordUnit(code)` says whether a UTF-16 unit belongs to a word (`WORD_UNITS`:
 * the same set as a RegExp character-class body);
 * `nextWord(text, from)` returns the first word at or after `from`, or null;
 * `splitWords` lists the words of a text; `blockBetween(text, a, b)` says
 * whether text[a, b) holds a block separator (a run of white space with two
 * or more line breaks, the "\n\n" between blocks). Never throws.
 */

/** The units `isWordUnit` accepts, as the body of a RegExp character class. */
export const WORD_UNITS = 'a-z0-9\\u0080-\\uffff';

/** One word. */
const WORD = new RegExp(`[${WORD_UNITS}]+`, 'g');

export function isWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 0x80;
}

export interface Word {
  word: string;
  start: number;
  end: number;
}

export function nextWord(text: string, from: number): Word | null {
  WORD.lastIndex = from;
  const m = WORD.exec(text);
  return m ? { word: m[0], start: m.index, end: m.index + m[0].length } : null;
}

export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function blockBetween(text: string, a: number, b: number): boolean {
  let lines = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++lines >= 2) return true;
    } else if (c !== 32) lines = 0;
  }
  return false;
}
