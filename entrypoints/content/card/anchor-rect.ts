/**
 * Which line box of a mention the card points at. A mention can wrap over
 * two lines (and have several highlighted words): the card should sit by
 * the piece the pointer is on, not by the bounding box of all of them.
 *
 * Contract: `nearestRect(rects, point)` returns the index of the rect that
 * contains the point, else of the one nearest to it (Euclidean distance to
 * the rect's edges); with no point, the first. Rects without width or
 * height are skipped; -1 when none is left. Pure, never throws.
 */
export interface Point {
  x: number;
  y: number;
}

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export function nearestRect(rects: ArrayLike<RectLike>, point: Point | null): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (r.width <= 0 || r.height <= 0) continue;
    if (point === null) return i;
    const dx = Math.max(r.left - point.x, 0, point.x - r.right);
    const dy = Math.max(r.top - point.y, 0, point.y - r.bottom);
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
