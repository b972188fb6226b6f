/**
 * Turns the page's pointer events into what the card controller needs:
 * hover positions (mouse and pen), taps (touch) and presses.
 *
 * Contract: `watchPointer(ctx, handlers)` listens on the document (capture,
 * passive, so the page cannot hide moves from us and scrolling stays fast)
 * until the content script is invalidated.
 * - `hover(x, y, onCard)`: a mouse or pen moved, at most once per animation
 *   frame (hit-testing the mentions costs layout); `onCard` when the pointer
 *   is over the card. The pointer leaving the window reports hover(-1, -1, false).
 * - `tap(x, y, onCard)`: a touch that went down and up without moving more
 *   than 10 px (a scroll or swipe is no tap).
 * - `press(x, y, onCard)`: a mouse or pen button went down.
 * `isCard(target)` tells whether an event target is the card's host.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface PointerHandlers {
  isCard(target: EventTarget | null): boolean;
  hover(x: number, y: number, onCard: boolean): void;
  tap(x: number, y: number, onCard: boolean): void;
  press(x: number, y: number, onCard: boolean): void;
}

const TAP_SLOP = 10;

export function watchPointer(ctx: ContentScriptContext, h: PointerHandlers): void {
  const options = { capture: true, passive: true };
  let latest: { x: number; y: number; onCard: boolean } | null = null;
  let frame = 0;
  let touchStart: { id: number; x: number; y: number } | null = null;

  ctx.addEventListener(document, 'pointermove', (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    latest = { x: e.clientX, y: e.clientY, onCard: h.isCard(e.target) };
    if (frame !== 0) return;
    frame = ctx.requestAnimationFrame(() => {
      frame = 0;
      if (latest) h.hover(latest.x, latest.y, latest.onCard);
    });
  }, options);

  ctx.addEventListener(document, 'pointerout', (e: PointerEvent) => {
    if (e.pointerType !== 'touch' && e.relatedTarget === null) {
      latest = null;
      h.hover(-1, -1, false);
    }
  }, options);

  ctx.addEventListener(document, 'pointerdown', (e: PointerEvent) => {
    if (e.pointerType === 'touch') {
      touchStart = e.isPrimary ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
      return;
    }
    h.press(e.clientX, e.clientY, h.isCard(e.target));
  }, options);

  ctx.addEventListener(document, 'pointerup', (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || touchStart === null || touchStart.id !== e.pointerId) return;
    const moved = Math.hypot(e.clientX - touchStart.x, e.clientY - touchStart.y);
    touchStart = null;
    if (moved <= TAP_SLOP) h.tap(e.clientX, e.clientY, h.isCard(e.target));
  }, options);

  // A scroll gesture cancels the touch: no tap.
  ctx.addEventListener(document, 'pointercancel', () => {
    touchStart = null;
  }, options);
}
