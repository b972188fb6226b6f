/**
 * Keeps the card next to its mention with @floating-ui/dom.
 *
 * Contract: `placeCard(ranges, pointer, floating)` positions `floating` (a
 * `position: fixed` element) below the mention's line box nearest to
 * `pointer` (the first one without a pointer), flipping above and shifting
 * sideways to stay inside the viewport (8 px padding), and hands the space
 * left to CSS as `--sl-available-width/height` so the card shrinks and
 * scrolls instead of overflowing. It follows scrolling (of the window and of
 * every scrolled container around the mention), resizing and layout shifts
 * until the returned function is called. The card hides while its mention
 * is scrolled out of sight. Never throws; a mention whose ranges have no
 * boxes left keeps the card where it was.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { nearestRect, type Point } from './anchor-rect';

const VIEWPORT_PADDING = 8;
const GAP = 6;

export function placeCard(ranges: ReadonlyArray<Range>, pointer: Point | null, floating: HTMLElement): () => void {
  const anchor = anchorFor(ranges, pointer);
  if (anchor === null) return () => {};
  const update = () => {
    computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        // Above or below only: beside a line of text the card would cover what is being read.
        flip({ padding: VIEWPORT_PADDING, crossAxis: false }),
        shift({ padding: VIEWPORT_PADDING }),
        size({
          padding: VIEWPORT_PADDING,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.setProperty('--sl-available-width', `${Math.max(0, availableWidth)}px`);
            elements.floating.style.setProperty('--sl-available-height', `${Math.max(0, availableHeight)}px`);
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    }).then(
      ({ x, y, placement, middlewareData }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.dataset.placement = placement;
        floating.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
      },
      (e: unknown) => console.warn('[sourcelight] card position', e),
    );
  };
  return autoUpdate(anchor, floating, update, { animationFrame: false });
}

/**
 * A virtual reference for one line box of the mention. The chosen range and
 * box index are kept, so scrolling re-measures the same piece of text.
 */
function anchorFor(ranges: ReadonlyArray<Range>, pointer: Point | null): VirtualElement | null {
  let chosen: { range: Range; index: number } | null = null;
  let bestDistance = Infinity;
  for (const range of ranges) {
    const rects = range.getClientRects();
    const index = nearestRect(rects, pointer);
    if (index < 0) continue;
    const r = rects[index]!;
    const distance = pointer === null ? 0 : Math.hypot(r.left + r.width / 2 - pointer.x, r.top + r.height / 2 - pointer.y);
    if (chosen === null || distance < bestDistance) {
      chosen = { range, index };
      bestDistance = distance;
      if (pointer === null) break;
    }
  }
  if (chosen === null) return null;
  const { range, index } = chosen;
  const start = range.startContainer;
  const contextElement = start instanceof Element ? start : (start.parentElement ?? undefined);
  return {
    contextElement,
    getBoundingClientRect: () => range.getClientRects()[index] ?? range.getBoundingClientRect(),
  };
}
