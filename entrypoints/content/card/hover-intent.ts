/**
 * Hover intent: when a pointer over mentions should open, keep and close the
 * card (WCAG 1.4.13: hoverable, persistent, dismissible).
 *
 * Contract: feed every pointer position as a `HoverTarget` (a mention id, the
 * card, or nothing). A card opens after the pointer dwells `openDelay` ms on
 * one mention (crossing it faster opens nothing); it stays open while the
 * pointer is on that mention or on the card, and closes `closeDelay` ms
 * after the pointer left both, so the pointer can travel from the text into
 * the card. Hovering another mention for `openDelay` switches the card to it.
 * `openPinned` (keyboard, touch) opens at once a card that pointer movement
 * never closes. `dismiss` (Esc) closes at once and keeps the card shut until
 * the pointer leaves that mention. `onOpen`/`onClose` report transitions only
 * (never twice in a row for the same state). Uses the global
 * setTimeout/clearTimeout; never throws unless a callback does.
 */

export type HoverTarget = { kind: 'mention'; id: number } | { kind: 'card' } | { kind: 'none' };

export interface HoverIntentOptions {
  openDelay: number;
  closeDelay: number;
  onOpen(id: number, pinned: boolean): void;
  onClose(): void;
  /** Called when a dwell starts, so content can be fetched before the card opens. */
  onDwellStart?(id: number): void;
}

export class HoverIntent {
  #openId: number | null = null;
  #pinned = false;
  #pendingId: number | null = null;
  #dwellTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** A mention whose card was dismissed with Esc: no reopening until the pointer leaves it. */
  #suppressedId: number | null = null;

  constructor(private readonly options: HoverIntentOptions) {}

  get openId(): number | null {
    return this.#openId;
  }

  get pinned(): boolean {
    return this.#pinned;
  }

  pointerAt(target: HoverTarget): void {
    if (target.kind !== 'mention' || target.id !== this.#suppressedId) this.#suppressedId = null;
    if (target.kind === 'card') {
      this.#cancelDwell();
      this.#cancelClose();
      return;
    }
    if (target.kind === 'mention' && target.id === this.#openId) {
      this.#cancelDwell();
      this.#cancelClose();
      return;
    }
    if (target.kind === 'mention' && !this.#pinned && target.id !== this.#suppressedId) {
      // Resting on another mention keeps the current card until that one's dwell completes.
      this.#cancelClose();
      if (this.#pendingId !== target.id) this.#startDwell(target.id);
      return;
    }
    this.#cancelDwell();
    if (this.#openId !== null && !this.#pinned && this.#closeTimer === undefined) {
      this.#closeTimer = setTimeout(() => {
        this.#closeTimer = undefined;
        this.close();
      }, this.options.closeDelay);
    }
  }

  openPinned(id: number): void {
    this.#suppressedId = null;
    this.#open(id, true);
  }

  /** Esc: close now; the pointer must leave this mention before it can reopen. */
  dismiss(): void {
    if (this.#openId !== null && !this.#pinned) this.#suppressedId = this.#openId;
    this.close();
  }

  close(): void {
    this.#cancelDwell();
    this.#cancelClose();
    if (this.#openId === null) return;
    this.#openId = null;
    this.#pinned = false;
    this.options.onClose();
  }

  #startDwell(id: number): void {
    this.#cancelDwell();
    this.#pendingId = id;
    this.options.onDwellStart?.(id);
    this.#dwellTimer = setTimeout(() => {
      this.#dwellTimer = undefined;
      this.#pendingId = null;
      this.#open(id, false);
    }, this.options.openDelay);
  }

  #open(id: number, pinned: boolean): void {
    this.#cancelDwell();
    this.#cancelClose();
    if (this.#openId === id && this.#pinned === pinned) return;
    this.#openId = id;
    this.#pinned = pinned;
    this.options.onOpen(id, pinned);
  }

  #cancelDwell(): void {
    clearTimeout(this.#dwellTimer);
    this.#dwellTimer = undefined;
    this.#pendingId = null;
  }

  #cancelClose(): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }
}
