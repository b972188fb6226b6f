/**
 * The hover card controller: one per frame, started by the content script.
 *
 * Contract: `startCardController(ctx, mentions)` wires, until `ctx` is
 * invalidated:
 * - hover: a mouse resting ~300 ms on a mention (mentions.at) opens its card
 *   by the line box under the pointer; the card stays while the pointer is
 *   on the mention or the card, closes ~300 ms after it left both; Esc
 *   closes it (hover-intent.ts). Pressing inside the card pins it, so
 *   reading an expanded quote never loses it;
 * - touch: a tap on a mention opens its card, a tap elsewhere closes it;
 * - keyboard: the `showNextMention` message (protocol.ts; sent by the
 *   background for the "next-mention" command) scrolls to the next mention
 *   and opens its card with focus in it; Esc closes it and returns focus
 *   to where it was before the first such move;
 * - content: the claim's context from the background (cached per claim);
 *   "N more statements" asks the background to open the popup's full view.
 * A claim the store does not know, or a failing request, opens no card (the
 * failure is logged). Never throws into the page.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimContext } from '@/data/queries';
import { sendMessage } from '@/lib/messages';
import type { PageMention, PageMentions } from '../page-mentions';
import type { Point } from './anchor-rect';
import { CardDialog } from './card-dialog';
import { createCardHost, type CardHost } from './card-host';
import { placeCard } from './card-position';
import { ClaimContextCache } from './claim-context-cache';
import { ownsKeyboardCommand } from './command-frame';
import { HoverIntent } from './hover-intent';
import { nextMention, visited, type VisitedMention } from './mention-cycle';
import { watchPointer } from './pointer-input';
import { isShowNextMention } from './protocol';

const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 300;

interface Shown {
  mention: PageMention;
  context: ClaimContext;
  dialog: HTMLElement | null;
  stopPlacing: () => void;
}

export function startCardController(ctx: ContentScriptContext, mentions: PageMentions): void {
  const cache = new ClaimContextCache((claimId) => sendMessage('getClaimContext', { claimId }));
  let host: Promise<CardHost> | null = null;
  const cardHost = () => (host ??= createCardHost(ctx));
  /** Mentions seen under the pointer or visited by keyboard, by id. */
  const known = new Map<number, PageMention>();
  let pointer: Point | null = null;
  let shown: Shown | null = null;
  let showing: Promise<HTMLElement | null> = Promise.resolve(null);
  let generation = 0;
  let lastVisited: VisitedMention | null = null;
  let returnFocusTo: Element | null = null;
  let hostElementIsTarget: (t: EventTarget | null) => boolean = () => false;

  const intent = new HoverIntent({
    openDelay: OPEN_DELAY_MS,
    closeDelay: CLOSE_DELAY_MS,
    onDwellStart: (id) => {
      const m = known.get(id);
      if (m) cache.get(m.claim).catch(() => {}); // prefetch; errors surface on open
    },
    onOpen: (id) => {
      showing = show(id);
    },
    onClose: () => {
      returnFocusTo = null; // closed by the pointer or a press elsewhere: focus is where the user put it
      hide();
    },
  });

  async function show(id: number): Promise<HTMLElement | null> {
    const mention = known.get(id);
    if (!mention) return null;
    if (shown?.mention.id === id) return shown.dialog;
    const mine = ++generation;
    let context: ClaimContext | null;
    try {
      context = await cache.get(mention.claim);
    } catch (e) {
      console.warn('[sourcelight] claim context unavailable', e);
      context = null;
    }
    const ui = await cardHost();
    if (mine !== generation || intent.openId !== id) return null;
    if (context === null) {
      intent.close();
      return null;
    }
    hostElementIsTarget = ui.isHost;
    shown?.stopPlacing();
    const container = ui.open();
    const next: Shown = { mention, context, dialog: null, stopPlacing: () => {} };
    shown = next;
    render(
      <CardDialog
        context={context}
        onMore={() => openFullView(mention.claim)}
        dialogRef={(el) => {
          next.dialog = el;
        }}
      />,
      container,
    );
    if (next.dialog) next.stopPlacing = placeCard(mention.ranges, pointer, next.dialog);
    return next.dialog;
  }

  function hide(): void {
    generation++;
    if (!shown) return;
    shown.stopPlacing();
    shown = null;
    void cardHost().then((ui) => {
      if (shown) return; // reopened meanwhile
      const container = ui.open();
      render(null, container);
      ui.close();
    });
  }

  function openFullView(claimId: string): void {
    sendMessage('openClaimView', { claimId }).catch((e: unknown) => console.warn('[sourcelight] open full view', e));
  }

  async function showNext(claimId?: string): Promise<void> {
    const m = nextMention(mentions.all(), lastVisited, claimId);
    if (!m) return;
    lastVisited = visited(m);
    known.set(m.id, m);
    const active = document.activeElement;
    if (returnFocusTo === null && !hostElementIsTarget(active)) returnFocusTo = active;
    scrollToMention(m);
    pointer = null;
    intent.openPinned(m.id);
    const dialog = await showing;
    if (dialog && intent.openId === m.id) dialog.focus({ preventScroll: true });
  }

  watchPointer(ctx, {
    isCard: (t) => hostElementIsTarget(t),
    hover(x, y, onCard) {
      if (onCard) return intent.pointerAt({ kind: 'card' });
      const m = x < 0 ? null : mentions.at(x, y);
      if (!m) return intent.pointerAt({ kind: 'none' });
      known.set(m.id, m);
      if (intent.openId !== m.id) pointer = { x, y };
      intent.pointerAt({ kind: 'mention', id: m.id });
    },
    tap(x, y, onCard) {
      if (onCard) return;
      const m = mentions.at(x, y);
      if (!m) return intent.close();
      known.set(m.id, m);
      pointer = { x, y };
      intent.openPinned(m.id);
    },
    press(x, y, onCard) {
      if (intent.openId === null) return;
      if (onCard) return intent.openPinned(intent.openId);
      if (mentions.at(x, y)?.id !== intent.openId) intent.close();
    },
  });

  ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || intent.openId === null) return;
    const focusInCard = hostElementIsTarget(document.activeElement);
    const target = returnFocusTo;
    returnFocusTo = null;
    intent.dismiss();
    if (!focusInCard) return;
    // The Esc was meant for the card: the page should not also act on it.
    e.preventDefault();
    e.stopPropagation();
    if (target instanceof HTMLElement || target instanceof SVGElement) target.focus({ preventScroll: true });
  }, { capture: true });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isShowNextMention(message) || !ctx.isValid || !ownsKeyboardCommand(window)) return undefined;
    showNext(message.payload.claimId).catch((e: unknown) => console.warn('[sourcelight] next mention', e));
    return undefined;
  });

  // The page changed under an open card: close it when its text is gone.
  const unsubscribe = mentions.subscribe(() => {
    const range = shown?.mention.ranges[0];
    if (range && !range.startContainer.isConnected) intent.close();
  });
  ctx.onInvalidated(() => {
    unsubscribe();
    intent.close();
  });
}

/**
 * Open the closed `<details>` folds holding the mention (as find-in-page does), then scroll every
 * scrolled container, then the window, so it is in view (centred if it was not).
 */
function scrollToMention(m: PageMention): void {
  const range = m.ranges[0];
  if (!range) return;
  const start = range.startContainer;
  const el = start instanceof Element ? start : start.parentElement;
  for (let fold = el?.closest('details:not([open])'); fold; fold = fold.closest('details:not([open])')) {
    (fold as HTMLDetailsElement).open = true;
  }
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > window.innerHeight) {
    window.scrollBy({ top: rect.top - window.innerHeight / 2, behavior: 'instant' });
  }
}
