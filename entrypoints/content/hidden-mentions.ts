/**
 * Mentions matched in text that CSS hides, kept so that they show once the page reveals the
 * text without changing it: a "Read more" removing `class="collapsed"`, tabs or accordions
 * switching `is-active` or `aria-expanded`, `$(el).show()` setting an inline `display` over a
 * stylesheet's `display: none`.
 *
 * Contract: `rangeVisibility()` gives a visibility test for one pass (a range counts as visible
 * when its start's parent element is, by `checkVisibility`, or lies in a closed `<details>` that
 * is itself visible; answers cached per element, so the
 * pass must not outlive one layout). `splitByVisibility(found, visible)` parts matched mentions
 * into `shown` (with a visible range; only those ranges kept) and `hidden` (none visible).
 * `HiddenMentions` remembers hidden mentions, at most MAX_HIDDEN (more are dropped, as they
 * were before it existed), one per claim and start; it forgets them when their text goes away
 * (`forgetGone`), is read again (`forgetIn`: the caller rescanned those text nodes and
 * remembers what it found again) or the page is rescanned (`clear`). Only while it remembers
 * any mention does it observe REVEALING_ATTRIBUTES (the document and the open shadow roots
 * holding them): a change calls `onChange` once per batch of records, which only asks for a
 * re-check; `takeVisible` does the re-check in time slices and hands back (and forgets) the
 * mentions now visible. A page that hides nothing pays nothing: no observer is connected.
 * Text that CSS hides again keeps its highlight (the store is not re-checked). Throws nothing
 * of its own.
 */
import type { DocumentMention } from '@/lib/dom/scan-document';
import { rangeGone, sameStart } from './range-checks';
import type { SliceClock } from './time-slice';

/**
 * Hidden mentions kept at most. Each batch of revealing changes re-checks all of them (one
 * `checkVisibility` per element: 1,000 took ~2 ms in Chromium 156 on a laid-out page), so the
 * bound keeps a re-check within one slice; pages hiding more (whole hidden app views) keep the
 * old behaviour for the rest: never shown.
 */
export const MAX_HIDDEN = 1_000;

/**
 * Attributes whose change can reveal CSS-hidden text without changing it, watched only while
 * something hidden is remembered. `class` is the common case. `style`: the main observer
 * rescans only when an inline style itself hides or unhides, not when an inline `display`
 * overrides a stylesheet's `display: none`. `aria-expanded` and `aria-hidden` do nothing
 * visually by themselves, but stylesheets select on them (`[aria-expanded="false"] + .panel`,
 * `.tab-panel[aria-hidden="true"]`), and watching them costs nothing on pages that hide no
 * mention. `hidden` and `open` are left to the main observer, which re-reads the block they
 * change.
 */
export const REVEALING_ATTRIBUTES = ['class', 'style', 'aria-expanded', 'aria-hidden'];

export function rangeVisibility(): (r: Range) => boolean {
  const seen = new Map<Element, boolean>();
  return (r) => {
    const el = r.startContainer.parentElement;
    if (!el || typeof el.checkVisibility !== 'function') return true;
    let v = seen.get(el);
    if (v === undefined) seen.set(el, (v = isShownOrFolded(el)));
    return v;
  };
}

/**
 * Whether a reader sees `el`, or would on opening the closed `<details>` it is folded in (an FAQ
 * answer): text the page offers one click away counts as on the page, as find-in-page treats it,
 * and "show on page" opens the fold. Not for nested closed folds (the outer one must be seen).
 */
function isShownOrFolded(el: Element): boolean {
  if (el.checkVisibility({ visibilityProperty: true })) return true;
  const fold = el.closest('details:not([open])');
  return fold !== null && fold.checkVisibility({ visibilityProperty: true });
}

export function splitByVisibility(
  found: readonly DocumentMention[],
  visible: (r: Range) => boolean,
): { shown: DocumentMention[]; hidden: DocumentMention[] } {
  const shown: DocumentMention[] = [];
  const hidden: DocumentMention[] = [];
  for (const f of found) {
    const seen = visiblePart(f, visible);
    if (seen) shown.push(seen);
    else hidden.push(f);
  }
  return { shown, hidden };
}

/** `f` with only its visible ranges (`f` itself when all are); null when none is. */
function visiblePart(f: DocumentMention, visible: (r: Range) => boolean): DocumentMention | null {
  const ranges = f.ranges.filter(visible);
  if (ranges.length === 0) return null;
  return ranges.length === f.ranges.length ? f : { ...f, ranges };
}

/** The shadow roots a node lies in, innermost first (a class change in any of them can reveal it). */
function shadowRootsOf(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) roots.push(root);
  return roots;
}

export class HiddenMentions {
  private mentions: DocumentMention[] = [];
  /** The remembered mentions by the node their first range starts in (one per claim and start). */
  private byStart = new Map<Node, DocumentMention[]>();
  private readonly observer: MutationObserver;
  /** What the observer watches now (empty while disconnected). */
  private readonly observed = new Set<Node>();

  constructor(onChange: () => void) {
    this.observer = new MutationObserver(() => onChange());
  }

  get size(): number {
    return this.mentions.length;
  }

  remember(found: readonly DocumentMention[]): void {
    let added = false;
    for (const f of found) {
      if (this.mentions.length >= MAX_HIDDEN) break;
      const first = f.ranges[0];
      if (!first) continue;
      const here = this.byStart.get(first.startContainer) ?? [];
      if (here.some((m) => m.claim === f.claim && sameStart(m.ranges[0]!, first))) continue;
      this.mentions.push(f);
      this.byStart.set(first.startContainer, [...here, f]);
      this.observe(first.startContainer);
      added = true;
    }
    if (added) this.observe(null);
  }

  forgetGone(): void {
    this.forget((m) => m.ranges.some(rangeGone));
  }

  /** Forgets the mentions with a range in one of `textNodes` (no lookup set is built while none is remembered). */
  forgetIn(textNodes: readonly Node[]): void {
    if (this.mentions.length === 0) return;
    const nodes = new Set(textNodes);
    this.forget((m) => m.ranges.some((r) => nodes.has(r.startContainer) || nodes.has(r.endContainer)));
  }

  clear(): void {
    this.forget(() => true);
  }

  /**
   * The remembered mentions now visible (only their visible ranges), forgotten here; in time
   * slices of `clock`; null when `cancelled()` after a yield (nothing forgotten then).
   */
  async takeVisible(clock: SliceClock, cancelled: () => boolean): Promise<DocumentMention[] | null> {
    this.forgetGone();
    const visible = rangeVisibility();
    const shown = new Set<DocumentMention>();
    const out: DocumentMention[] = [];
    for (const m of this.mentions) {
      const seen = visiblePart(m, visible);
      if (seen) {
        shown.add(m);
        out.push(seen);
      }
      if (clock.due()) {
        await clock.next();
        if (cancelled()) return null;
      }
    }
    this.forget((m) => shown.has(m));
    return out;
  }

  private forget(doomed: (m: DocumentMention) => boolean): void {
    if (this.mentions.length === 0) return;
    const kept = this.mentions.filter((m) => !doomed(m));
    if (kept.length === this.mentions.length) return;
    this.mentions = kept;
    this.byStart = new Map();
    for (const m of kept) {
      const start = m.ranges[0]!.startContainer;
      this.byStart.set(start, [...(this.byStart.get(start) ?? []), m]);
    }
    if (kept.length === 0) {
      this.observer.disconnect();
      this.observed.clear();
    }
  }

  /** Observes the document (`null`) or the shadow roots holding `node`, once each while connected. */
  private observe(node: Node | null): void {
    const targets: Node[] = node === null ? [document] : shadowRootsOf(node);
    for (const target of targets) {
      if (this.observed.has(target)) continue;
      this.observed.add(target);
      this.observer.observe(target, { attributes: true, subtree: true, attributeFilter: REVEALING_ATTRIBUTES });
    }
  }
}
