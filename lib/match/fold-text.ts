/**
 * Text folding for matching, with an offset map back to the raw text.
 *
 * Contract: `foldText(raw, from, to)` folds `raw.slice(from, to)` and returns
 * the folded string plus `map`, where `map[i]` is the UTF-16 offset in `raw`
 * of the character that produced folded character `i` (so a folded range
 * [s, e) covers raw [map[s], map[e - 1] + 1)). Folding: lower case;
 * diacritics stripped (é → e, ñ → n); ß → ss, æ → ae, œ → oe, ø → o, ł → l,
 * đ → d, þ → th; curly/low/prime quotes and guillemets → ' or "; every dash
 * and minus → "-"; nbsp and other Unicode spaces and tabs → " "; soft hyphens,
 * zero-width characters, BOM and combining marks removed; any other non-ASCII
 * character that is not a letter or digit (…, ·, •, ¿, emoji halves excepted)
 * becomes " ", so in folded text every non-ASCII unit belongs to a word.
 * Line breaks are kept so that "\n\n" block separators survive. A word broken
 * at a line end, as PDF and OCR text keeps it ("electró- nico": a letter, a
 * hyphen, spaces or one line break, a lower-case letter), is joined: the
 * hyphen and white space are removed; a suspended compound ("Ein- und
 * Ausgang", "pre- and post-war") is not, nor anything across a block
 * separator. A stretch of
 * plain ASCII (no tab, CR, backtick) folds by `toLowerCase` alone and `map` is
 * then null: offset i maps to `from + i` (see `rawOffset`). Never throws.
 * `foldPhrase` folds a pack phrase the same way (no map).
 */

const REMOVED = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/;
const SPACES = /[\t\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u02B9\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A\u301D\u301E]/;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/;

const SPECIAL: Record<string, string> = {
  'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o',
  'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th', 'ı': 'i', 'ſ': 's',
};

/** Folded form of one non-ASCII UTF-16 unit; memoised because pages repeat a few such characters. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const memo = new Map<number, string>();
function foldUnit(ch: string, code: number): string {
  const known = memo.get(code);
  if (known !== undefined) return known;
  let out: string;
  if (REMOVED.test(ch)) out = '';
  else if (SPACES.test(ch)) out = ' ';
  else if (SINGLE_QUOTES.test(ch)) out = "'";
  else if (DOUBLE_QUOTES.test(ch)) out = '"';
  else if (DASHES.test(ch)) out = '-';
  else if (SPECIAL[ch] !== undefined) out = SPECIAL[ch];
  else if (code >= 0xd800 && code <= 0xdfff) out = ch; // half of a pair: kept as is
  else if (!LETTER_OR_DIGIT.test(ch)) out = ' ';
  else out = ch.normalize('NFD').replace(/[\u0300-\u036F]/g, '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036F]/g, '');
  if (memo.size < 4096) memo.set(code, out);
  return out;
}

export interface FoldedText {
  text: string;
  /** Raw offset of folded offset 0 when `map` is null. */
  from: number;
  /** map[i] = raw offset of the character that produced text[i]; null: identity from `from`. */
  map: Int32Array | null;
}

/** Raw offset of the character that produced folded character `i`. */
export function rawOffset(f: FoldedText, i: number): number {
  return f.map ? (f.map[i] as number) : f.from + i;
}

const NEEDS_MAP = /[^\n\x20-\x5f\x61-\x7e]/;
/** The hyphen and spaces of a word broken at a line end (see above); the conjunctions of suspended compounds excepted. */
const LINE_END_HYPHEN = /(?<=\p{L})-(?:\n *| +(?:\n *)?)(?=\p{Ll})(?!(?:und|oder|bis|bzw|sowie|and|or|to|nor|et|ou|y|o|u|e|ni)(?![\p{L}\p{N}]))/gu;

/** The raw spans to drop to join the words broken at line ends in `slice` (raw text from `from`), as start, end pairs in order. */
function lineEndHyphens(slice: string, from: number): number[] {
  const out: number[] = [];
  // A native substring search first: most text holds no hyphen followed by a space.
  if (!slice.includes('- ') && !slice.includes('-\n')) return out;
  LINE_END_HYPHEN.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = LINE_END_HYPHEN.exec(slice)) !== null; ) out.push(from + m.index, from + m.index + m[0].length);
  return out;
}

export function foldText(raw: string, from = 0, to = raw.length): FoldedText {
  const slice = raw.slice(from, to);
  const joins = lineEndHyphens(slice, from);
  if (joins.length === 0 && !NEEDS_MAP.test(slice)) return { text: slice.toLowerCase(), from, map: null };
  const parts: string[] = [];
  let map = new Int32Array(Math.max(16, to - from + 8));
  let n = 0;
  let runStart = from; // start of a pending run of ASCII characters that need no change except case
  const flushAscii = (end: number) => {
    if (end > runStart) {
      parts.push(raw.slice(runStart, end).toLowerCase());
      for (let k = runStart; k < end; k++) map[n++] = k;
    }
  };
  let join = 0;
  for (let i = from; i < to; i++) {
    if (i === joins[join]) {
      flushAscii(i);
      i = (joins[join + 1] as number) - 1;
      runStart = i + 1;
      join += 2;
      continue;
    }
    const code = raw.charCodeAt(i);
    if (code < 128 && code !== 9 && code !== 11 && code !== 12 && code !== 13 && code !== 96) continue;
    flushAscii(i);
    runStart = i + 1;
    const out = code === 9 || code === 11 || code === 12 || code === 13 ? ' ' : code === 96 ? "'" : foldUnit(raw[i] as string, code);
    if (out.length === 0) continue;
    if (n + out.length + (to - i) > map.length) {
      const bigger = new Int32Array(map.length * 2 + out.length);
      bigger.set(map);
      map = bigger;
    }
    parts.push(out);
    for (let k = 0; k < out.length; k++) map[n++] = i;
  }
  flushAscii(to);
  return { text: parts.join(''), from, map: map.subarray(0, n) };
}

export function foldPhrase(phrase: string): string {
  return foldText(phrase).text;
}
