/**
 * Offsets in extracted page text → DOM Ranges.
 *
 * Contract: `textRanges(segments, start, end)` returns the Ranges covering `[start, end)` of the
 * text those segments were read into (extract-text.ts), in the DOM: one Range when the span lies in one tree, one per segment where it crosses a
 * shadow boundary (a Range cannot). Range boundaries are always in text nodes: an offset in a
 * block read whole is found among its descendant text nodes (only for the few spans that
 * are mentions, so the walk itself never visits them). Separator characters ("\n\n" between
 * blocks) map to no node; a span is trimmed to the segments it touches. Returns [] when the span
 * touches no segment, or when the nodes changed since extraction so the offsets no longer fit.
 * Throws nothing.
 */
import type { TextSegments } from './extract-text';
import { firstAbove } from './sorted-search';

interface Point {
  node: Text;
  offset: number;
}

/** The next node after `node` in tree order, not leaving `root`'s subtree. */
function nextInTree(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/**
 * Character `offset` of a segment's text as a point in a text node: the node holding it, or,
 * for an `end` offset, the node it ends (so a span never ends at the start of the next node).
 * Null when the segment's text is shorter now.
 */
function pointIn(segment: Node, offset: number, end: boolean): Point | null {
  if (segment.nodeType === 3) {
    const text = segment as Text;
    return offset <= text.data.length ? { node: text, offset } : null;
  }
  let at = 0;
  for (let n: Node | null = segment.firstChild; n; n = nextInTree(n, segment)) {
    if (n.nodeType !== 3) continue;
    const length = (n as Text).data.length;
    if (end ? offset > at && offset <= at + length : offset < at + length) return { node: n as Text, offset: offset - at };
    at += length;
  }
  return null;
}

function makeRange(a: Point | null, b: Point | null): Range | null {
  const doc = a?.node.ownerDocument;
  if (!a || !b || !doc) return null;
  try {
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
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
    const range = makeRange(pointIn(first, startOffset, false), pointIn(lastNode, endOffset, true));
    return range ? [range] : [];
  }
  const ranges: Range[] = [];
  for (let k = i; k <= lastIndex; k++) {
    const from = k === i ? startOffset : 0;
    const to = k === lastIndex ? endOffset : ends[k]! - starts[k]!;
    const range = to > from ? makeRange(pointIn(nodes[k]!, from, false), pointIn(nodes[k]!, to, true)) : null;
    if (range) ranges.push(range);
  }
  return ranges;
}
