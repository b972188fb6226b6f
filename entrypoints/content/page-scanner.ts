/**
 * Scanning this frame's document for mentions, first whole, then as it changes.
 *
 * Contract: `new PageScanner(deps).start()` scans the document in time slices (no slice longer
 * than SLICE_MS), puts the mentions in `deps.store` and paints them with `deps.highlighter`,
 * then follows changes: a MutationObserver (document and every open shadow root scanned)
 * collects the blocks that changed; batches run after BATCH_DELAY_MS when the page is idle,
 * re-read only those blocks (neighbouring changed blocks together, as one run) plus
 * `matcher.pad` characters of neighbouring text, in time slices, and drop mentions whose text
 * went away: the cost of a batch follows the changed text, not the page's size (mentions are
 * found by their text nodes, never by a pass over all of them). Mentions matched in text that
 * CSS hides (present at load or put there later) are not shown but remembered
 * (hidden-mentions.ts); a later change of an attribute
 * that can reveal such text (a class removed by "Read more", a tab switched) queues a re-check
 * of those mentions alone, in the same batches, which shows the ones now visible (text hidden
 * again keeps its highlight). `rescan()` (SPA navigation) queues a full scan; so does a batch
 * of more than MAX_DIRTY_ROOTS changed blocks (a page that replaced itself). Every pass that
 * reads text ends in a `performance.measure('sourcelight:scan')` whose detail is `{ phase:
 * 'initial' | 'full' | 'update', busyMs, segments, textBytes, mentions }` (the bench reads it
 * from the page: tools/bench/our-scan.ts); a re-check of hidden mentions reads none. Work is
 * bounded: a page over MAX_NODES nodes is scanned up to that point; over MAX_MENTIONS no more
 * mentions are added; when following changes costs more than BUSY_SHARE of the main thread
 * the scanner backs off, and after MAX_BACKOFFS stops following changes. Each of these limits
 * ends in `onStatus({ state: 'gave-up', detail })`. `stop()` cancels all work and observation
 * (the caller clears store and highlights). Nothing here throws into the page: failures go
 * to `deps.onError` and the status becomes 'error'.
 */
import type { CompiledMatcher } from '@/lib/match/compile-matcher';
import { isBlockElement, isExcludedElement, styleHides, TextWalk } from '@/lib/dom/extract-text';
import { scanRegion, type DocumentMention } from '@/lib/dom/scan-document';
import type { ScanStatus } from '@/lib/tab-messages';
import { HiddenMentions, MAX_HIDDEN, rangeVisibility, splitByVisibility } from './hidden-mentions';
import { PendingHosts } from './pending-hosts';
import type { Highlighter } from './highlights';
import type { MentionStore, PageMention } from './page-mentions';
import { rangeGone, sameStart } from './range-checks';
import { afterNextFrame, SliceClock, whenIdle } from './time-slice';

export const MAX_NODES = 1_000_000;
export const MAX_MENTIONS = 5_000;
/** Texts up to this length are matched in one call, so anywhere-in-the-page guards stay exact. */
const ONE_SHOT_CHARS = 400_000;
const PIECE_CHARS = 200_000;
const BATCH_DELAY_MS = 200;
const IDLE_TIMEOUT_MS = 1_000;
/** Changed blocks one batch may hold before a full rescan is cheaper (a page that replaced itself). */
const MAX_DIRTY_ROOTS = 100_000;
/** Neighbouring changed blocks read (and matched) together, at most this many. */
const MAX_RUN_ROOTS = 64;
/** Full rescans asked for by changes (a changed <body>) run at most this often. */
const FULL_RESCAN_GAP_MS = 3_000;
const BUSY_WINDOW_MS = 10_000;
const BUSY_SHARE = 0.1;
const MAX_BACKOFFS = 4;
const WALK_STEP = 256;

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

/**
 * Our own UI's host (the hover card's `sourcelight-card-…`, its text in a closed shadow root):
 * showing or hiding the card changes no page text, so it must not queue a full rescan (which
 * would also renumber the mentions under the pointer).
 */
function isOwnUi(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('sourcelight-');
}

/**
 * The block that holds a node's text; the body when none is nearer; null inside <head>, whose
 * text is never read (a script setting document.title must not queue a full rescan, which would
 * hold back the text it inserts next by up to FULL_RESCAN_GAP_MS).
 */
function blockOf(node: Node): Element | null {
  const body = document.body;
  for (let n: Node | null = node.nodeType === 1 ? node : parentOf(node); n; n = parentOf(n)) {
    if (n.nodeType !== 1 || n === document.head) return null;
    if (n === body || n === document.documentElement) return body;
    if (isBlockElement(n as Element)) return n as Element;
  }
  return null;
}

/**
 * Whether a changed root's text is page text: 'shown'; 'hidden' when it is page text that is
 * not rendered (CSS, or a hidden ancestor), which a later change may reveal; 'none' inside an
 * input, an editor, or gone.
 */
function readability(root: Element): 'shown' | 'hidden' | 'none' {
  if (!root.isConnected) return 'none';
  for (let n: Node | null = root; n && n !== document.body; n = parentOf(n)) {
    if (n.nodeType === 1 && isExcludedElement(n as Element)) return 'none';
  }
  return typeof root.checkVisibility === 'function' && !root.checkVisibility() ? 'hidden' : 'shown';
}

/** Whether `b` follows `a` with nothing but whitespace or comments between them. */
function nextBlockAfter(a: Element, b: Element): boolean {
  for (let n = a.nextSibling; n; n = n.nextSibling) {
    if (n === b) return true;
    if (n.nodeType === 1 || (n.nodeType === 3 && !/^\s*$/.test((n as Text).data))) return false;
  }
  return false;
}

/** Every text node under `root`, hidden ones included (to find the mentions that start there). */
function textNodesUnder(root: Node): Node[] {
  const out: Node[] = [];
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

/** Firefox's content-script global: copies an object into the page's compartment. */
declare const cloneInto: ((obj: object, target: object) => object) | undefined;

/** Reports one scan pass to the page's performance timeline (read by the bench; harmless elsewhere). */
function measurePass(start: number, detail: { phase: 'initial' | 'full' | 'update'; busyMs: number; segments: number; textBytes: number; mentions: number }): void {
  const options = { start, end: performance.now(), detail };
  try {
    // Firefox copies the detail into the caller's compartment, which the page (where the bench
    // reads it) may not open: there the page's own measure() is given a copy made for the page.
    const pageWindow = (window as { wrappedJSObject?: Window }).wrappedJSObject;
    if (pageWindow && typeof cloneInto === 'function') pageWindow.performance.measure('sourcelight:scan', cloneInto(options, window) as PerformanceMeasureOptions);
    else performance.measure('sourcelight:scan', options);
  } catch {
    // No User Timing Level 3 here: nothing to report to.
  }
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
  private fullScans = 0;
  /** The store's mentions that this scanner added, by the text node each of their ranges starts in. */
  private byNode = new WeakMap<Node, PageMention[]>();
  private readonly live = new Set<PageMention>();
  /** Mentions matched in CSS-hidden text, shown when a change of attributes reveals them. */
  private readonly hidden: HiddenMentions;
  private recheckHidden = false;
  /** Custom elements not defined yet: their shadow content, once attached, is read as a change. */
  private readonly pendingHosts: PendingHosts;

  constructor(private readonly deps: PageScannerDeps) {
    this.observer = new MutationObserver((records) => this.guard(() => this.collect(records)));
    this.hidden = new HiddenMentions(() => this.guard(() => this.hiddenMayShow()));
    this.pendingHosts = new PendingHosts((host) => this.guard(() => this.shadowAttached(host)));
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
    this.hidden.clear();
    this.pendingHosts.clear();
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

  /** Mutation batches seen (a full scan checks whether the page changed while it ran). */
  private changes = 0;

  private collect(records: MutationRecord[]): void {
    this.changes++;
    for (const rec of records) {
      if (this.needFull || this.dirty.size > MAX_DIRTY_ROOTS) break;
      if (rec.type === 'childList') {
        for (const node of rec.addedNodes) {
          if (isOwnUi(node)) continue;
          const root = node.nodeType === 1 && isBlockElement(node as Element) ? (node as Element) : blockOf(rec.target);
          if (root) this.markDirty(root);
        }
        if ([...rec.removedNodes].some((n) => !isOwnUi(n))) this.markDirty(null);
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

  /** A custom element attached a shadow root after it was read: read it (and watch its tree) again. */
  private shadowAttached(host: Element): void {
    // A host right under the body is read alone, not as a change of the whole page; one in <head> is never read.
    const block = blockOf(host);
    if (block === null) return;
    this.markDirty(block === document.body ? host : block);
    this.schedule(this.delay());
  }

  /** A revealing attribute changed somewhere: re-check the hidden mentions in the next batch. */
  private hiddenMayShow(): void {
    this.recheckHidden = true;
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
    if (!this.needFull && this.dirty.size === 0 && !this.removedSomething && !this.recheckHidden) return;
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
          this.removeMentions((m) => m.ranges.some(rangeGone));
          await this.fullScan(gen);
        } else if (this.dirty.size > 0 || this.removedSomething) {
          await this.incremental(gen);
        } else if (this.recheckHidden) {
          await this.showRevealed(gen);
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
    return { onShadowRoot: (r: ShadowRoot) => this.observe(r), onCustomElement: (el: Element) => this.pendingHosts.add(el) };
  }

  private async fullScan(gen: number): Promise<void> {
    this.setStatus({ state: 'scanning' });
    const began = performance.now();
    const changesBefore = this.changes;
    const clock = new SliceClock();
    const walk = new TextWalk(document, this.walkOptions());
    this.truncated = false;
    this.truncatedMentions = false;
    const found: DocumentMention[] = [];
    // A long page is matched piece by piece while it is read (its text before `matched` is
    // done); a short one whole, at the end, so that anywhere-guards see all of it.
    let matched = 0;
    for (let finished = false; !finished; ) {
      finished = walk.step(WALK_STEP);
      if (!finished && walk.visited >= MAX_NODES) {
        this.truncated = true;
        finished = true;
      }
      while (walk.length > ONE_SHOT_CHARS && walk.length - matched >= PIECE_CHARS + this.deps.matcher.pad) {
        found.push(...this.matchPiece(walk, matched, matched + PIECE_CHARS, false));
        matched += PIECE_CHARS;
        if (clock.due()) {
          await clock.next();
          if (gen !== this.generation) return;
        }
      }
      if (!finished && clock.due()) {
        await clock.next();
        if (gen !== this.generation) return;
      }
    }
    const rest = await this.match(walk, matched, walk.length, false, clock, gen);
    if (rest === null) return;
    found.push(...rest);
    // The visibility checks below want a laid-out page (an idle, unchanged page is already).
    if (!(await this.laidOutSince(changesBefore, clock, gen))) return;
    this.removeMentions(() => true);
    this.hidden.clear();
    this.addMentions(found);
    clock.end();
    this.fullScanMs = performance.now() - began;
    measurePass(began, {
      phase: this.fullScans++ === 0 ? 'initial' : 'full',
      busyMs: clock.busyMs,
      segments: walk.segmentCount,
      textBytes: walk.length,
      mentions: this.deps.store.size,
    });
    this.settle();
  }

  /**
   * Waits for the page's next frame when it changed since `changes`, so that visibility checks
   * find it laid out rather than force a layout inside our slice (on a long page that costs as
   * much as the page); false when this scan was cancelled meanwhile.
   */
  private async laidOutSince(changes: number, clock: SliceClock, gen: number): Promise<boolean> {
    if (this.changes === changes) return true;
    clock.end();
    await afterNextFrame();
    clock.resume();
    return gen === this.generation;
  }

  /** Wall time of the last full scan, slices and yields included; null before the first. */
  fullScanMs: number | null = null;

  /**
   * Matches the text `walk` has read that begins in `[ownStart, ownEnd)`: in one call when the
   * whole text is short, else in pieces with `matcher.pad` characters of context on each side;
   * null when cancelled.
   */
  private async match(
    walk: TextWalk,
    ownStart: number,
    ownEnd: number,
    anyRange: boolean,
    clock: SliceClock,
    gen: number,
  ): Promise<DocumentMention[] | null> {
    const length = walk.length;
    if (length <= ONE_SHOT_CHARS) {
      return scanRegion(walk.segments(), walk.textBetween(0, length), this.deps.matcher, { start: 0, end: length, ownStart, ownEnd, anyRange });
    }
    const found: DocumentMention[] = [];
    for (let own = ownStart; own < ownEnd; own += PIECE_CHARS) {
      found.push(...this.matchPiece(walk, own, Math.min(ownEnd, own + PIECE_CHARS), anyRange));
      if (clock.due()) {
        await clock.next();
        if (gen !== this.generation) return null;
      }
    }
    return found;
  }

  /** Matches the text of `[ownStart, ownEnd)` that `walk` has read, with `matcher.pad` characters of context. */
  private matchPiece(walk: TextWalk, ownStart: number, ownEnd: number, anyRange: boolean): DocumentMention[] {
    const { matcher } = this.deps;
    const start = Math.max(0, ownStart - matcher.pad);
    const end = Math.min(walk.length, ownEnd + matcher.pad);
    return scanRegion(walk.segments(), walk.textBetween(start, end), matcher, { start, end, ownStart, ownEnd, anyRange });
  }

  /**
   * Adds the visible ones of newly matched mentions; remembers the hidden ones. The walk reads
   * `hidden` and inline styles only (as the Node CLI does): asking the layout engine per element
   * costs several times the walk itself (measured: +300 ms on a 200k-node page), so CSS-hidden
   * text is told apart here, per matched range, instead.
   */
  private addMentions(found: DocumentMention[]): void {
    const { shown, hidden } = splitByVisibility(found, rangeVisibility());
    // No one would re-check them once the scanner stopped following changes.
    if (this.watching) this.hidden.remember(hidden);
    this.addShown(shown);
  }

  private addShown(usable: DocumentMention[]): void {
    const { store, highlighter } = this.deps;
    const room = MAX_MENTIONS - store.size;
    const added = store.add(usable.slice(0, Math.max(0, room)));
    for (const m of added) {
      this.live.add(m);
      for (const r of m.ranges) {
        const list = this.byNode.get(r.startContainer);
        if (list) list.push(m);
        else this.byNode.set(r.startContainer, [m]);
      }
    }
    highlighter?.add(added);
    if (usable.length > room) this.truncatedMentions = true;
  }

  /** Removes (store and highlights) the mentions for which `doomed` is true. */
  private removeMentions(doomed: (m: PageMention) => boolean): void {
    const { store, highlighter } = this.deps;
    const gone = store.remove(doomed);
    if (store.size === 0) {
      this.live.clear();
      this.byNode = new WeakMap();
    } else {
      for (const m of gone) this.live.delete(m);
    }
    highlighter?.remove(gone);
  }

  private removeOwn(doomed: Set<PageMention>): void {
    if (doomed.size > 0) this.removeMentions((m) => doomed.has(m));
  }

  /** Our mentions with a range starting in one of `nodes`. */
  private mentionsOn(nodes: Iterable<Node>): Set<PageMention> {
    const out = new Set<PageMention>();
    for (const n of nodes) for (const m of this.byNode.get(n) ?? []) if (this.live.has(m)) out.add(m);
    return out;
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
    const began = performance.now();
    const clock = new SliceClock();
    const counts = { segments: 0, textBytes: 0 };
    // Visibility is asked of a laid-out page, also when it changed while we yielded.
    let laidOut = this.changes;
    const layoutSettled = async (): Promise<boolean> => {
      const live = await this.laidOutSince(laidOut, clock, gen);
      laidOut = this.changes;
      return live;
    };
    if (this.removedSomething) {
      this.removedSomething = false;
      this.removeMentions((m) => m.ranges.some(rangeGone));
      this.hidden.forgetGone();
    }
    for (const run of this.takeRuns()) {
      if (!(await layoutSettled())) return;
      // Neighbours alike (shown, or hidden) are read together; a block that is no page text splits
      // the run. Hidden text (put into a collapsed section, a tab in the background) is read too,
      // so that its mentions are remembered, never shown, until a change reveals them.
      const parts: Element[][] = [];
      let partKind: 'shown' | 'hidden' | 'none' = 'none';
      for (const root of run) {
        let kind = readability(root);
        if (kind !== 'shown') {
          const nodes = textNodesUnder(root);
          this.removeOwn(this.mentionsOn(nodes));
          this.hidden.forgetIn(nodes);
          if (this.hidden.size >= MAX_HIDDEN) kind = 'none';
        }
        if (kind !== 'none') {
          if (kind !== partKind) parts.push([]);
          parts[parts.length - 1]!.push(root);
        }
        partKind = kind;
      }
      for (const part of parts) {
        const found = await this.scanRun(part, clock, gen, counts);
        if (found === null || !(await layoutSettled())) return;
        this.replaceIn(part, found);
      }
      if (clock.due()) {
        await clock.next();
        if (gen !== this.generation) return;
      }
    }
    clock.end();
    this.account(clock.busyMs);
    measurePass(began, { phase: 'update', busyMs: clock.busyMs, ...counts, mentions: this.deps.store.size });
    this.settle();
  }

  /** Dirty roots, outermost only, as runs of neighbouring blocks (at most MAX_RUN_ROOTS each). */
  private takeRuns(): Element[][] {
    const set = this.dirty;
    const roots: Element[] = [];
    for (const root of set) {
      let inner = false;
      for (let n = parentOf(root); n && !inner; n = parentOf(n)) inner = set.has(n as Element);
      if (!inner) roots.push(root);
    }
    set.clear();
    const runs: Element[][] = [];
    let run: Element[] = [];
    for (const root of roots) {
      const last = run[run.length - 1];
      if (last && (run.length >= MAX_RUN_ROOTS || !nextBlockAfter(last, root))) {
        runs.push(run);
        run = [];
      }
      run.push(root);
    }
    if (run.length > 0) runs.push(run);
    return runs;
  }

  /**
   * Reads the blocks of `run` (neighbours, in document order) with up to `matcher.pad`
   * characters of text on each side and matches them; null when cancelled.
   */
  private async scanRun(
    run: Element[],
    clock: SliceClock,
    gen: number,
    counts: { segments: number; textBytes: number },
  ): Promise<DocumentMention[] | null> {
    const pad = this.deps.matcher.pad;
    const walk = new TextWalk(null, this.walkOptions());
    for (const node of contextAround(run[0]!, pad, -1)) {
      walk.include(node);
      walk.step(Infinity);
    }
    const ownStart = walk.length;
    const segmentsBefore = walk.segmentCount;
    for (const root of run) {
      walk.include(root);
      while (!walk.step(WALK_STEP)) {
        if (clock.due()) {
          await clock.next();
          if (gen !== this.generation) return null;
        }
      }
    }
    const ownEnd = walk.length;
    counts.segments += walk.segmentCount - segmentsBefore;
    counts.textBytes += ownEnd - ownStart;
    for (const node of contextAround(run[run.length - 1]!, pad, 1)) {
      walk.include(node);
      walk.step(Infinity);
    }
    return this.match(walk, ownStart, ownEnd, true, clock, gen);
  }

  /** Makes the mentions touching `run` exactly `found`, keeping the ones that did not change. */
  private replaceIn(run: Element[], found: DocumentMention[]): void {
    const kept = new Set<PageMention>();
    const fresh: DocumentMention[] = [];
    for (const f of found) {
      const same = this.storedAs(f);
      if (same) kept.add(same);
      else if (f.ranges.length > 0) fresh.push(f);
    }
    const nodes = run.flatMap(textNodesUnder);
    const stale = this.mentionsOn(nodes);
    for (const m of kept) stale.delete(m);
    this.removeOwn(stale);
    // Hidden ones read again are in `fresh` (they were never in the store): remembered anew there.
    this.hidden.forgetIn(nodes);
    this.addMentions(fresh);
  }

  /** Shows the hidden mentions that changes of attributes revealed (their text did not change). */
  private async showRevealed(gen: number): Promise<void> {
    this.recheckHidden = false;
    // As for incremental(): visibility is asked of a laid-out page.
    await afterNextFrame();
    if (gen !== this.generation) return;
    const clock = new SliceClock();
    const revealed = await this.hidden.takeVisible(clock, () => gen !== this.generation);
    if (revealed === null) return;
    // One the main observer's re-read already showed (a revealing attribute on a changed block) stays single.
    this.addShown(revealed.filter((f) => !this.storedAs(f)));
    clock.end();
    this.account(clock.busyMs);
    this.settle();
  }

  /** Our mention of the same claim starting where `f` starts, if any. */
  private storedAs(f: DocumentMention): PageMention | undefined {
    const first = f.ranges[0];
    if (!first) return undefined;
    return [...this.mentionsOn([first.startContainer])].find(
      (m) => m.claim === f.claim && m.ranges[0] !== undefined && sameStart(m.ranges[0], first),
    );
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
      this.hidden.clear();
      this.recheckHidden = false;
      this.needFull = false;
    }
  }
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
    if (sibling.nodeType === 1 && isExcludedElement(sibling as Element)) continue;
    if (sibling.nodeType !== 1 && sibling.nodeType !== 3) continue;
    const length = textLengthUpTo(sibling, pad * 4 + 1);
    // A huge neighbour is not read whole for a few hundred characters of context.
    if (length > pad * 4) break;
    if (length > 0) {
      out.push(sibling);
      chars += length;
    }
  }
  return direction < 0 ? out.reverse() : out;
}

/** The length of a node's text, counted only up to `limit` (a huge neighbour costs no more than a small one). */
function textLengthUpTo(node: Node, limit: number): number {
  if (node.nodeType === 3) return (node as Text).data.length;
  let length = 0;
  const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && length < limit; n = walker.nextNode()) length += (n as Text).data.length;
  return length;
}
