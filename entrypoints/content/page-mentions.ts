/**
 * The mentions currently found on this page (this frame), shared by the highlighter, the
 * badge report and the hover card.
 *
 * Contract: `PageMentions` is the read side the card controller uses: `all()` in document
 * order, `at(x, y)` hit-tests client coordinates against the mentions' ranges (null when no
 * mention is under the point), `subscribe(fn)` calls `fn` after every change and returns an
 * unsubscribe function. `MentionStore` adds the write side for the scanner: `add`, `remove`,
 * `clear`, each notifying once. Subscribers that throw are isolated (the error is passed to
 * `onError`). Ranges are live DOM Ranges, so they follow edits to the text around them.
 */

export interface PageMention {
  id: number;
  claim: string;
  ranges: Range[];
}

export interface PageMentions {
  all(): PageMention[];
  at(x: number, y: number): PageMention | null;
  subscribe(fn: () => void): () => void;
}

function compareMentions(a: PageMention, b: PageMention): number {
  const ra = a.ranges[0];
  const rb = b.ranges[0];
  if (!ra || !rb) return ra ? -1 : rb ? 1 : 0;
  try {
    return ra.compareBoundaryPoints(Range.START_TO_START, rb);
  } catch {
    // Ranges in different trees (shadow roots) have no order: keep insertion order.
    return a.id - b.id;
  }
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** The text node at a point, by the caret APIs (Firefox/Chromium 128+, older Chromium). */
function textNodeAt(x: number, y: number): Node | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  let node: Node | null = null;
  if (typeof doc.caretPositionFromPoint === 'function') node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  else if (typeof doc.caretRangeFromPoint === 'function') node = doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return node && node.nodeType === 3 ? node : null;
}

/** The text nodes a (short) range touches. */
function textNodesOf(range: Range): Node[] {
  const start = range.startContainer;
  if (start === range.endContainer) return start.nodeType === 3 ? [start] : [];
  const nodes: Node[] = start.nodeType === 3 ? [start] : [];
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (start.nodeType === 3) walker.currentNode = start;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) nodes.push(n);
    else if (nodes.length > 0) break;
  }
  return nodes;
}

export class MentionStore implements PageMentions {
  private readonly mentions = new Map<number, PageMention>();
  /** Text node → mentions with a range over it, for `at`; removed mentions are skipped there. */
  private byNode = new WeakMap<Node, PageMention[]>();
  private readonly listeners = new Set<() => void>();
  private ordered: PageMention[] | null = [];
  private nextId = 1;

  constructor(private readonly onError: (e: unknown) => void = () => {}) {}

  get size(): number {
    return this.mentions.size;
  }

  all(): PageMention[] {
    if (!this.ordered) this.ordered = [...this.mentions.values()].sort(compareMentions);
    return this.ordered.slice();
  }

  at(x: number, y: number): PageMention | null {
    // The text node under the point narrows the search to its mentions; elsewhere (a shadow
    // host, an image, no caret API) every mention is tried.
    const node = textNodeAt(x, y);
    const pool = node ? (this.byNode.get(node) ?? []) : this.mentions.values();
    for (const m of pool) {
      if (this.mentions.has(m.id) && m.ranges.some((r) => rectsContain(r, x, y))) return m;
    }
    return null;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Adds mentions; returns them with their ids. */
  add(found: ReadonlyArray<{ claim: string; ranges: Range[] }>): PageMention[] {
    if (found.length === 0) return [];
    const added = found.map((f) => ({ id: this.nextId++, claim: f.claim, ranges: f.ranges }));
    for (const m of added) {
      this.mentions.set(m.id, m);
      for (const r of m.ranges) for (const t of textNodesOf(r)) this.byNode.set(t, [...(this.byNode.get(t) ?? []), m]);
    }
    this.changed();
    return added;
  }

  /** Removes the mentions for which `doomed` is true; returns them. */
  remove(doomed: (m: PageMention) => boolean): PageMention[] {
    const removed: PageMention[] = [];
    for (const m of this.mentions.values()) if (doomed(m)) removed.push(m);
    if (removed.length === 0) return removed;
    for (const m of removed) this.mentions.delete(m.id);
    this.changed();
    return removed;
  }

  clear(): void {
    if (this.mentions.size === 0) return;
    this.mentions.clear();
    this.byNode = new WeakMap();
    this.changed();
  }

  /** Every mention, unordered (cheap; for bookkeeping). */
  values(): IterableIterator<PageMention> {
    return this.mentions.values();
  }

  private changed(): void {
    this.ordered = null;
    for (const fn of [...this.listeners]) {
      try {
        fn();
      } catch (e) {
        this.onError(e);
      }
    }
  }
}
