/**
 * Claim mentions in a document: extraction → matcher → DOM Ranges. The one code path shared by
 * the content script and the Node scan CLI (tools/scan.ts), so both report the same mentions.
 *
 * Contract: `scanDocument(doc, matcher)` extracts the reading text of `doc` (see extract-text.ts),
 * runs `matchMentions` over it and returns one entry per mention, in text order: the claim id,
 * `text` (the words that triggered it, whitespace collapsed, several pieces joined by " … ")
 * and the Ranges of those words. `scanText` does the same for text already extracted (the
 * content script extracts in time slices), optionally over a region of it: the matcher reads
 * `[start, end)` and only mentions beginning in `[ownStart, ownEnd)` (with `anyRange`: having a
 * range there) are kept, so a caller can give context around the part it owns. `scanRegion` is
 * the same for a caller that holds only that region's text (`text` is `[region.start,
 * region.end)`) and the segments of the text read so far. Throws only what the matcher throws.
 */
import type { CompiledMatcher } from '../match/compile-matcher';
import { matchMentions } from '../match/match-mentions';
import { extractText, type ExtractOptions, type PageText, type TextSegments } from './extract-text';
import { textRanges } from './text-ranges';

export interface DocumentMention {
  claim: string;
  text: string;
  ranges: Range[];
}

export interface TextRegion {
  start: number;
  end: number;
  ownStart: number;
  ownEnd: number;
  /** Keep mentions with any range (not just the first) in the owned part. */
  anyRange?: boolean;
}

export const PIECE_SEPARATOR = ' … ';

export function scanText(page: PageText, matcher: CompiledMatcher, region?: TextRegion): DocumentMention[] {
  const length = page.text.length;
  const r = region ?? { start: 0, end: length, ownStart: 0, ownEnd: length };
  const text = r.start === 0 && r.end === length ? page.text : page.text.slice(r.start, r.end);
  return scanRegion(page, text, matcher, r);
}

export function scanRegion(segments: TextSegments, text: string, matcher: CompiledMatcher, region: TextRegion): DocumentMention[] {
  const { start, ownStart, ownEnd, anyRange = false } = region;
  const found: DocumentMention[] = [];
  for (const mention of matchMentions(matcher, text)) {
    const owned = (r: { start: number }) => r.start + start >= ownStart && r.start + start < ownEnd;
    if (anyRange ? !mention.ranges.some(owned) : !(mention.ranges[0] && owned(mention.ranges[0]))) continue;
    found.push({
      claim: mention.claim,
      text: mention.ranges
        .map((r) => text.slice(r.start, r.end).replace(/\s+/g, ' ').trim())
        .join(PIECE_SEPARATOR),
      ranges: mention.ranges.flatMap((r) => textRanges(segments, r.start + start, r.end + start)),
    });
  }
  return found;
}

export function scanDocument(doc: Document, matcher: CompiledMatcher, options?: ExtractOptions): DocumentMention[] {
  return scanText(extractText(doc, options), matcher);
}
