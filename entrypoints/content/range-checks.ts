/**
 * Questions about the live Ranges of mentions, shared by the page scanner and the hidden
 * mentions it keeps. Contract: `rangeGone(r)` is true once the range's text was removed
 * (collapsed, or an end left the document); `sameStart(a, b)` compares start points (two
 * matches of one claim starting at the same point are one mention). Throws nothing.
 */

export function rangeGone(r: Range): boolean {
  return r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected;
}

export function sameStart(a: Range, b: Range): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset;
}
