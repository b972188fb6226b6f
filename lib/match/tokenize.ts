/**
 * Words of folded text.
 *
 * Contract: a word is a maximal run of letters (any script; the halves of a
 * surrogate pair count as letters) or a maximal run of ASCII digits, in
 * FOLDED text (fold-text.ts), where every non-ASCII unit is a letter or
 * digit. Everything else (spaces, punctuation, apostrophes, hyphens)
 * separates words, so "e-mail" is the two words "e" "mail" and "iran's" is
 * "iran" "s"; a letter next to an ASCII digit starts a new word too, so a
 * footnote mark or a chat line's time set against a word ("Ratcliffe<sup>1</sup>",
 * "buscar<time>8:12</time>", read as "ratcliffe1", "buscar8") leaves the word whole.
 * `LETTER_UNITS` and `DIGIT_UNITS` are the two kinds as RegExp character-class bodies,
 * `isDigitWord` says which kind a word is;
 * `nextWord(text, from)` returns the first word at or after `from`, or null;
 * `splitWords` lists the words of a text; `blockBetween(text, a, b)` says
 * whether text[a, b) holds a block separator (a run of white space with two
 * or more line breaks, the "\n\n" between blocks). Never throws.
 */

/** The units of letter words and of digit words, as bodies of RegExp character classes. */
export const LETTER_UNITS = 'a-z\\u0080-\\uffff';
export const DIGIT_UNITS = '0-9';

/** One word. */
const WORD = new RegExp(`[${LETTER_UNITS}]+|[${DIGIT_UNITS}]+`, 'g');

/** Whether a word (or a search key) is of the digit kind rather than the letter kind. */
export function isDigitWord(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
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
