/**
 * The card's isolated home on the page: a host element with a CLOSED shadow
 * root (WXT createShadowRootUi), attached to <html> — outside <body>, so
 * the page's body markup never changes — only while the card is open, and
 * shown in the top layer (popover="manual") above all page content; where
 * popovers are not supported the maximal z-index stands in.
 *
 * Contract: `createCardHost(ctx)` resolves once the shadow root exists
 * (nothing is attached yet). `open()` attaches and shows the host and
 * returns the container to render into; `close()` detaches it (idempotent).
 * `isHost(target)` tells whether an event target seen from the page is the
 * card (closed shadow roots retarget every event inside to the host).
 * Page scripts see only an empty element: `host.shadowRoot` is null and
 * serialisations (innerHTML, getHTML) leave the closed root out. The host is
 * removed when the content script is invalidated. Rejects only if the
 * browser cannot create a shadow root.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { cardCss } from './card-styles';

export interface CardHost {
  open(): HTMLElement;
  close(): void;
  isHost(target: EventTarget | null): boolean;
  /** The shadow root, for the card's own focus queries (activeElement). */
  readonly shadow: ShadowRoot;
}

export async function createCardHost(ctx: ContentScriptContext): Promise<CardHost> {
  // A name the page cannot predict, so it cannot pre-define it as a custom element.
  // (getRandomValues, unlike randomUUID, also exists on plain-http pages.)
  const name = `sourcelight-card-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`;
  const ui = await createShadowRootUi(ctx, {
    name,
    mode: 'closed',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: cardCss,
    // Keys typed in the card (Tab, Enter, letters) must not trigger page shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: (_container, _shadow, host) => {
      if (typeof host.showPopover === 'function') {
        host.setAttribute('popover', 'manual');
        host.showPopover();
      }
    },
  });
  let attached = false;
  return {
    shadow: ui.shadow,
    open() {
      if (!attached || !ui.shadowHost.isConnected) {
        ui.shadowHost.remove();
        ui.mount();
        attached = true;
      }
      return ui.uiContainer;
    },
    close() {
      if (!attached) return;
      attached = false;
      ui.shadowHost.remove();
    },
    isHost: (target) => target === ui.shadowHost,
  };
}
