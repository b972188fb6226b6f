/**
 * Scanning this frame's document for mentions, first whole, then as it changes.
 *
 * Contract: `new PageScanner(deps).start()` scans the document in time slices (no slice longer
 * than SLICE_MS), puts the mentions in `deps.store` and paints them with `deps.highlighter`,
 * then follows changes: a MutationObserver (document and every open shadow root scanned)
 * collects the blocks that changed; batches run after BATCH_DELAY_MS when the page is idle,
 * re-read only those blocks plus `matcher.pad` characters of neighbouring text, and drop
 * mentions whose text went away. `rescan()` (SPA navigation) queues a full scan. Work is
 * bounded: a page over MAX_NODES nodes is scanned up to that point; over MAX_MENTIONS no more
 * mentions are added; when following changes costs more than BUSY_SHARE of the main thread
 * the scanner backs off, and after MAX_BACKOFFS stops following changes. Each of these limits
 * ends in `onStatus({ state: 'gave-up', detail })`. `stop()` cancels all work and observation
 * (the caller clears store and highlights). Nothing here throws into the page: failures go
 * to `deps.onError` and the status becomes 'error'.
 */
import type { CompiledMatcher } from '@/lib/match/compile-matcher';
import { isBlockElement, isExcludedElement, styleHides, TextWalk, type PageText } from '@/lib/dom/extract-text';
import { scanText, type DocumentMention, type TextRegion } from '@/lib/dom/scan-document';
import type { ScanStatus } from '@/lib/tab-messages';
import type { Highlighter } from './highlights';
import type { MentionStore, PageMention } from './page-mentions';
import { afterNextFrame, SliceClock, whenIdle } from './time-slice';

export const MAX_NODES = 1_000_000;
export const MAX_MENTIONS = 5_000;
/** Texts up to this length are matched in one call, so anywhere-in-the-page guards stay exact. */
const ONE_SHOT_CHARS = 400_000;
const PIECE_CHARS = 60_000;
const BATCH_DELAY_MS = 200;
const IDLE_TIMEOUT_MS = 1_000;
const MAX_DIRTY_ROOTS = 400;
/** Full rescans asked for by changes (a changed <body>) run at most this often. */
const FULL_RESCAN_GAP_MS = 3_000;
const BUSY_WINDOW_MS = 10_000;
const BUSY_SHARE = 0.1;
const MAX_BACKOFFS = 4;
const WALK_STEP = 128;

export interface PageScannerDeps {
  matcher: CompiledMatcher;
  store: MentionStore;
  highlighter: Highlighter | null;
  onStatus: (status: ScanStatus) => void;
  onError: (e: unknown) => void;
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeOldValue: true,
  attributeFilter: ['hidden', 'style', 'open'],
};

function parentOf(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent;
}

/** The block that holds a node's text; the body when none is nearer. */
function blockOf(node: Node): Element | null {
  const body = document.body;
  for (let n: Node | null = node.nodeType === 1 ? node : parentOf(node); n; n = parentOf(n)) {
    if (n.nodeType !== 1) return null;
    if (n === body || n === document.documentElement) return body;
    if (isBlockElement(n as Element)) return n as Element;
  }
  return null;
}

/** Whether a changed root's text is page text at all (not inside an input, hidden, or gone). */
function isReadable(root: Element): boolean {
  if (!root.isConnected) return false;
  if (typeof root.checkVisibility === 'function' && !root.checkVisibility()) return false;
  for (let n: Node | null = root; n && n !== document.body; n = parentOf(n)) {
    if (n.nodeType === 1 && isExcludedElement(n as Element, false)) return false;
  }
  return true;
}

function rangeGone(r: Range): boolean {
  return r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected;
}

function sameStart(a: Range, b: Range): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset;
}

export class PageScanner {
  private generation = 0;
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly dirty = new Set<Element>();
  private needFull = false;
  private scheduled = false;
  private running = false;
  private lastFull = -Infinity;
  private busy: Array<{ at: number; ms: number }> = [];
  private backoffs = 0;
  private watching = true;
  private truncated = false;
  private state: ScanStatus = { state: 'scanning' };

  constructor(private readonly deps: PageScannerDeps) {
    this.observer = new MutationObserver((records) => this.guard(() => this.collect(records)));
  }

  get status(): ScanStatus {
    return this.state;
  }

  start(): void {
    this.observe(document);
    this.needFull = true;
    this.schedule(0);
  }

  rescan(): void {
    this.needFull = true;
    this.lastFull = -Infinity;
    this.schedule(BATCH_DELAY_MS);
  }

  stop(): void {
    this.generation++;
    this.watching = false;
    this.observer.disconnect();
    this.dirty.clear();
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.deps.onError(e);
    this.setStatus({ state: 'error', detail: e instanceof Error ? e.message : String(e) });
  }

  private setStatus(status: ScanStatus): void {
    if (status.state === this.state.state && status.detail === this.state.detail) return;
    this.state = status;
    this.deps.onStatus(status);
  }

  private observe(root: Node): void {
    if (!this.watching || this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  // ---- collecting changes ----

  private collect(records: MutationRecord[]): void {
    for (const rec of records) {
      if (this.needFull || this.dirty.size > MAX_DIRTY_ROOTS) break;
      if (rec.type === 'childList') {
        for (const node of rec.addedNodes) {
          const root = node.nodeType === 1 && isBlockElement(node as Element) ? (node as Element) : blockOf(rec.target);
          if (root) this.markDirty(root);
        }
        if (rec.removedNodes.length > 0) this.markDirty(null);
      } else if (rec.type === 'characterData') {
        const root = blockOf(rec.target);
        if (root) this.markDirty(root);
      } else if (rec.type === 'attributes' && this.visibilityChanged(rec)) {
        const root = blockOf(rec.target);
        if (root) this.markDirty(root);
      }
    }
    if (this.dirty.size > MAX_DIRTY_ROOTS) {
      this.dirty.clear();
      this.needFull = true;
    }
    this.schedule(this.delay());
  }

  private visibilityChanged(rec: MutationRecord): boolean {
    if (rec.attributeName !== 'style') return true;
    return styleHides(rec.oldValue) !== styleHides((rec.target as Element).getAttribute('style'));
  }

  /** `null`: text was removed somewhere (only dropping lost mentions is needed). */
  private removedSomething = false;

  private markDirty(root: Element | null): void {
    if (root === null) this.removedSomething = true;
    else if (root === document.body) this.needFull = true;
    else this.dirty.add(root);
  }

  private delay(): number {
    return this.backoffs === 0 ? BATCH_DELAY_MS : BATCH_DELAY_MS * 2 ** (this.backoffs + 3);
  }

  private schedule(delay: number): void {
    if (this.scheduled || this.running) return;
    if (!this.needFull && this.dirty.size === 0 && !this.removedSomething) return;
    this.scheduled = true;
    const gen = this.generation;
    setTimeout(
      () =>
        whenIdle(() => {
          this.scheduled = false;
          if (gen === this.generation) void this.run();
        }, IDLE_TIMEOUT_MS),
      delay,
    );
  }

  // ---- running jobs, one at a time ----

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const gen = this.generation;
    try {
      while (gen === this.generation) {
        if (this.needFull && performance.now() - this.lastFull >= FULL_RESCAN_GAP_MS) {
          this.needFull = false;
          this.dirty.clear();
          this.removedSomething = false;
          this.lastFull = performance.now();
          // Until the full scan replaces them, do not keep (or report) mentions whose text is gone.
          const gone = this.deps.store.remove((m) => m.ranges.some(rangeGone));
          this.deps.highlighter?.remove(gone);
          await this.fullScan(gen);
        } else if (this.dirty.size > 0 || this.removedSomething) {
          await this.incremental(gen);
        } else {
          break;
        }
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.running = false;
    }
    if (gen === this.generation) {
      if (this.needFull) this.schedule(Math.max(this.delay(), FULL_RESCAN_GAP_MS - (performance.now() - this.lastFull)));
      else this.schedule(this.delay());
    }
  }

  private walkOptions() {
    return { onShadowRoot: (r: ShadowRoot) => this.observe(r) };
  }

  private async fullScan(gen: number): Promise<void> {
    this.setStatus({ state: 'scanning' });
    const began = performance.now();
    const clock = new SliceClock();
    const walk = new TextWalk(document, this.walkOptions());
    this.truncated = false;
    this.truncatedMentions = false;
    while (!walk.step(WALK_STEP)) {
      if (walk.visited >= MAX_NODES) {
        this.truncated = true;
        break;
      }
      if (clock.due()) {
        await clock.next();
        if (gen !== this.generation) return;
      }
    }
    const page = walk.result();
    const found = await this.match(page, 0, page.text.length, false, clock, gen);
    if (found === null) return;
    // Visibility checks below need layout: let the browser bring it up to date in its own frame.
    clock.end();
    await afterNextFrame();
    if (gen !== this.generation) return;
    clock.resume();
    const { store, highlighter } = this.deps;
    const old = store.remove(() => true);
    highlighter?.remove(old);
    this.addMentions(found);
    clock.end();
    this.fullScanMs = performance.now() - began;
    this.settle();
  }

  /** Wall time of the last full scan, slices and yields included; null before the first. */
  fullScanMs: number | null = null;

  /** Matches `page`, in pieces when it is long; null when cancelled. */
  private async match(
    page: PageText,
    ownStart: number,
    ownEnd: number,
    anyRange: boolean,
    clock: SliceClock,
    gen: number,
  ): Promise<DocumentMention[] | null> {
    const { matcher } = this.deps;
    const length = page.text.length;
    if (length <= ONE_SHOT_CHARS) return scanText(page, matcher, { start: 0, end: length, ownStart, ownEnd, anyRange });
    const found: DocumentMention[] = [];
    for (let own = ownStart; own < ownEnd; own += PIECE_CHARS) {
      const region: TextRegion = {
        start: Math.max(0, own - matcher.pad),
        end: Math.min(length, own + PIECE_CHARS + matcher.pad),
        ownStart: own,
        ownEnd: Math.min(ownEnd, own + PIECE_CHARS),
        anyRange,
      };
      found.push(...scanText(page, matcher, region));
      if (clock.due()) {
        await clock.next();
        if (gen !== this.generation) return null;
      }
    }
    return found;
  }

  private addMentions(found: DocumentMention[]): void {
    const { store, highlighter } = this.deps;
    const room = MAX_MENTIONS - store.size;
    const usable = withVisibleRanges(found);
    const added = store.add(usable.slice(0, Math.max(0, room)));
    highlighter?.add(added);
    if (usable.length > room) this.truncatedMentions = true;
  }

  private truncatedMentions = false;

  private settle(): void {
    if (this.truncated) {
      this.setStatus({ state: 'gave-up', detail: `page too large: scanned its first ${MAX_NODES} nodes` });
    } else if (this.truncatedMentions) {
      this.setStatus({ state: 'gave-up', detail: `more than ${MAX_MENTIONS} mentions: showing the first ${MAX_MENTIONS}` });
    } else if (!this.watching) {
      this.setStatus({ state: 'gave-up', detail: 'the page changes too often: stopped following its changes' });
    } else {
      this.setStatus({ state: 'done' });
    }
  }

  private async incremental(gen: number): Promise<void> {
    // The page just changed: let the browser lay it out before we ask what is visible.
    await afterNextFrame();
    if (gen !== this.generation) return;
    const clock = new SliceClock();
    let worked = 0;
    let sliceStart = performance.now();
    const { store, highlighter } = this.deps;
    if (this.removedSomething) {
      this.removedSomething = false;
      const gone = store.remove((m) => m.ranges.some(rangeGone));
      highlighter?.remove(gone);
    }
    const roots = this.takeRoots();
    for (const root of roots) {
      if (!isReadable(root)) {
        const hidden = store.remove((m) => m.ranges.some((r) => root.contains(r.startContainer)));
        highlighter?.remove(hidden);
        continue;
      }
      const found = await this.scanRoot(root, clock, gen);
      if (found === null) return;
      this.replaceIn(root, found);
      if (clock.due()) {
        worked += performance.now() - sliceStart;
        await clock.next();
        sliceStart = performance.now();
        if (gen !== this.generation) return;
      }
    }
    worked += performance.now() - sliceStart;
    clock.end();
    this.account(worked);
    this.settle();
  }

  /** Dirty roots, outermost only. */
  private takeRoots(): Element[] {
    const roots = [...this.dirty];
    this.dirty.clear();
    const set = new Set(roots);
    return roots.filter((root) => {
      for (let n = parentOf(root); n; n = parentOf(n)) if (set.has(n as Element)) return false;
      return true;
    });
  }

  /** Reads `root` with up to `matcher.pad` characters of text on each side; null when cancelled. */
  private async scanRoot(root: Element, clock: SliceClock, gen: number): Promise<DocumentMention[] | null> {
    const pad = this.deps.matcher.pad;
    const walk = new TextWalk(null, this.walkOptions());
    for (const node of contextAround(root, pad, -1)) {
      walk.include(node);
      walk.step(Infinity);
    }
    const ownStart = walk.length;
    walk.include(root);
    while (!walk.step(WALK_STEP)) {
      if (clock.due()) {
        await clock.next();
        if (gen !== this.generation) return null;
      }
    }
    const ownEnd = walk.length;
    for (const node of contextAround(root, pad, 1)) {
      walk.include(node);
      walk.step(Infinity);
    }
    return this.match(walk.result(), ownStart, ownEnd, true, clock, gen);
  }

  /** Makes the mentions touching `root` exactly `found`, keeping the ones that did not change. */
  private replaceIn(root: Element, found: DocumentMention[]): void {
    const { store, highlighter } = this.deps;
    const kept = new Set<PageMention>();
    const fresh: DocumentMention[] = [];
    const existing = [...store.values()];
    for (const f of found) {
      const first = f.ranges[0];
      if (!first) continue;
      const same = existing.find((m) => m.claim === f.claim && m.ranges[0] !== undefined && sameStart(m.ranges[0], first));
      if (same) kept.add(same);
      else fresh.push(f);
    }
    const stale = store.remove(
      (m) => !kept.has(m) && (m.ranges.some(rangeGone) || m.ranges.some((r) => root.contains(r.startContainer))),
    );
    highlighter?.remove(stale);
    this.addMentions(fresh);
  }

  /** Backs off when following changes takes too much of the main thread; gives up in the end. */
  private account(ms: number): void {
    const now = performance.now();
    this.busy.push({ at: now, ms });
    this.busy = this.busy.filter((b) => now - b.at < BUSY_WINDOW_MS);
    const spent = this.busy.reduce((sum, b) => sum + b.ms, 0);
    if (spent <= BUSY_WINDOW_MS * BUSY_SHARE) {
      this.backoffs = 0;
      return;
    }
    this.backoffs++;
    this.busy = [];
    if (this.backoffs > MAX_BACKOFFS) {
      this.watching = false;
      this.observer.disconnect();
      this.dirty.clear();
      this.needFull = false;
    }
  }
}

/**
 * Mentions keeping only ranges a reader can see. The walk reads `hidden` and inline styles only
 * (as the Node CLI does): asking the layout engine per element costs several times the walk
 * itself (measured: +300 ms on a 200k-node page), so CSS-hidden text is dropped here, per
 * matched range, instead.
 */
function withVisibleRanges(found: DocumentMention[]): DocumentMention[] {
  const seen = new Map<Element, boolean>();
  const visible = (r: Range): boolean => {
    const el = r.startContainer.parentElement;
    if (!el || typeof el.checkVisibility !== 'function') return true;
    let v = seen.get(el);
    if (v === undefined) seen.set(el, (v = el.checkVisibility({ visibilityProperty: true })));
    return v;
  };
  const out: DocumentMention[] = [];
  for (const f of found) {
    const ranges = f.ranges.filter(visible);
    if (ranges.length > 0) out.push({ ...f, ranges });
  }
  return out;
}

/** Whole siblings (then the parent's siblings) next to `root`, up to `pad` characters, in document order. */
function contextAround(root: Element, pad: number, direction: -1 | 1): Node[] {
  const out: Node[] = [];
  let chars = 0;
  let node: Node = root;
  while (chars < pad) {
    const sibling = direction < 0 ? node.previousSibling : node.nextSibling;
    if (!sibling) {
      const parent = node.parentNode;
      if (!parent || parent === document.body || parent.nodeType !== 1) break;
      node = parent;
      continue;
    }
    node = sibling;
    if (sibling.nodeType === 1 && isExcludedElement(sibling as Element, false)) continue;
    if (sibling.nodeType !== 1 && sibling.nodeType !== 3) continue;
    const length = sibling.textContent?.length ?? 0;
    // A huge neighbour is not read whole for a few hundred characters of context.
    if (length > pad * 4) break;
    if (length > 0) {
      out.push(sibling);
      chars += length;
    }
  }
  return direction < 0 ? out.reverse() : out;
}
