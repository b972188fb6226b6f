/**
 * Checks that every quote in a pack is verbatim from one of its source texts.
 *
 * Contract: `findUnquoted(pack, sourceTexts)` returns, in pack order, each
 * statement (with its claim id) whose non-null quote occurs in none of the
 * source texts. Both sides are compared after `foldForQuoteCheck`: sources
 * may be saved web pages, so their tags are stripped and HTML entities
 * decoded; then on both sides every run of whitespace becomes one space and
 * curly or angled quote marks, primes and apostrophes become straight ones. Nothing
 * else is forgiven: case, words and punctuation must match. Throws nothing.
 */
import type { Pack, Statement } from './schema';

export interface SourceText {
  name: string;
  text: string;
}

export interface UnquotedStatement {
  claim: string;
  statement: Statement;
}

export function findUnquoted(pack: Pack, sourceTexts: readonly SourceText[]): UnquotedStatement[] {
  const haystacks = sourceTexts.map((s) => foldQuoteMarks(htmlToText(s.text)));
  const unquoted: UnquotedStatement[] = [];
  for (const claim of pack.claims) {
    for (const statement of claim.statements) {
      if (statement.quote === null) continue;
      const needle = foldQuoteMarks(statement.quote);
      if (!haystacks.some((h) => h.includes(needle))) unquoted.push({ claim: claim.id, statement });
    }
  }
  return unquoted;
}

function foldQuoteMarks(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\uFF07`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Inline elements join their text to its neighbours; every other tag separates words. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

function htmlToText(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (_tag, name: string) => (INLINE.has(name.toLowerCase()) ? '' : ' '));
  return decodeEntities(withoutTags);
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201C', rdquo: '\u201D', sbquo: '\u201A', bdquo: '\u201E',
  laquo: '\u00AB', raquo: '\u00BB', lsaquo: '\u2039', rsaquo: '\u203A',
  hellip: '\u2026', ndash: '\u2013', mdash: '\u2014', shy: '\u00AD', eacute: '\u00E9', aacute: '\u00E1',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body] ?? entity;
  });
}
