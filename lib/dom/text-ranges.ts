/**
 * Offsets in extracted page text → DOM Ranges.
 *
 * Contract: `textRanges(segments, start, end)` returns the Ranges covering `[start, end)` of the
 * text those segments were read into (extract-text.ts), in the DOM: one Range when the span lies in one tree, one per text node where it crosses a
 * shadow boundary (a Range cannot). Separator characters ("\n\n" between blocks) map to no node;
 * a span is trimmed to the text nodes it touches. Returns [] when the span touches no text node,
 * or when the nodes changed since extraction so the offsets no longer fit. Throws nothing.
 */
import type { TextSegments } from './extract-text';
import { firstAbove } from './sorted-search';

function makeRange(first: Text, startOffset: number, last: Text, endOffset: number): Range | null {
  const doc = first.ownerDocument;
  if (!doc || endOffset > last.data.length || startOffset > first.data.length) return null;
  try {
    const range = doc.createRange();
    range.setStart(first, startOffset);
    range.setEnd(last, endOffset);
    return range;
  } catch {
    return null;
  }
}

export function textRanges(segments: TextSegments, start: number, end: number): Range[] {
  const { nodes, starts, ends } = segments;
  const count = nodes.length;
  if (end <= start) return [];
  // The first segments ending after `start` and after `end - 1` (segments are sorted and disjoint).
  const i = firstAbove(ends, start);
  const j = firstAbove(ends, end - 1);
  if (i >= count) return [];
  const last = Math.min(j, count - 1);
  // The span may begin or end in a separator: clamp to the text nodes inside it.
  const lastIndex = starts[last]! >= end ? j - 1 : last;
  if (starts[i]! >= end || lastIndex < i) return [];
  const startOffset = Math.max(start, starts[i]!) - starts[i]!;
  const endOffset = Math.min(end, ends[lastIndex]!) - starts[lastIndex]!;
  const first = nodes[i]!;
  const lastNode = nodes[lastIndex]!;
  if (i === lastIndex || first.getRootNode() === lastNode.getRootNode()) {
    const range = makeRange(first, startOffset, lastNode, endOffset);
    return range ? [range] : [];
  }
  const ranges: Range[] = [];
  for (let k = i; k <= lastIndex; k++) {
    const range = makeRange(nodes[k]!, k === i ? startOffset : 0, nodes[k]!, k === lastIndex ? endOffset : ends[k]! - starts[k]!);
    if (range) ranges.push(range);
  }
  return ranges;
}
