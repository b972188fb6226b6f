/**
 * Offsets in extracted page text → DOM Ranges.
 *
 * Contract: `textRanges(page, start, end)` returns the Ranges covering `page.text[start, end)`
 * in the DOM: one Range when the span lies in one tree, one per text node where it crosses a
 * shadow boundary (a Range cannot). Separator characters ("\n\n" between blocks) map to no node;
 * a span is trimmed to the text nodes it touches. Returns [] when the span touches no text node,
 * or when the nodes changed since extraction so the offsets no longer fit. Throws nothing.
 */
import type { PageText, TextSegment } from './extract-text';

/** Index of the first segment whose end is > offset (segments are sorted and disjoint). */
function firstEndingAfter(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function makeRange(first: TextSegment, startOffset: number, last: TextSegment, endOffset: number): Range | null {
  const doc = first.node.ownerDocument;
  if (!doc || endOffset > last.node.data.length || startOffset > first.node.data.length) return null;
  try {
    const range = doc.createRange();
    range.setStart(first.node, startOffset);
    range.setEnd(last.node, endOffset);
    return range;
  } catch {
    return null;
  }
}

export function textRanges(page: PageText, start: number, end: number): Range[] {
  const { segments } = page;
  if (end <= start) return [];
  const i = firstEndingAfter(segments, start);
  const j = firstEndingAfter(segments, end - 1);
  if (i >= segments.length) return [];
  const first = segments[i]!;
  const last = segments[Math.min(j, segments.length - 1)]!;
  // The span may begin or end in a separator: clamp to the text nodes inside it.
  const lastIndex = last.start >= end ? j - 1 : Math.min(j, segments.length - 1);
  if (first.start >= end || lastIndex < i) return [];
  const lastSeg = segments[lastIndex]!;
  const startOffset = Math.max(start, first.start) - first.start;
  const endOffset = Math.min(end, lastSeg.end) - lastSeg.start;
  if (i === lastIndex || first.node.getRootNode() === lastSeg.node.getRootNode()) {
    const range = makeRange(first, startOffset, lastSeg, endOffset);
    return range ? [range] : [];
  }
  const ranges: Range[] = [];
  for (let k = i; k <= lastIndex; k++) {
    const seg = segments[k]!;
    const range = makeRange(seg, k === i ? startOffset : 0, seg, k === lastIndex ? endOffset : seg.end - seg.start);
    if (range) ranges.push(range);
  }
  return ranges;
}
