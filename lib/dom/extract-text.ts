/**
 * Page text as a reader sees it, with a map back to the DOM.
 *
 * Contract: `extractText(root)` returns the visible text under `root` (an element, text node,
 * document, or shadow root) and its segments, in text order: `nodes[i]` occupies the span
 * `[starts[i], ends[i])` of `text`, where a segment node is either a text node (offset
 * `starts[i] + k` in `text` is offset `k` in its data) or a block element read whole, whose
 * text is its `textContent` (offset `starts[i] + k` is character `k` of the concatenated data
 * of its descendant text nodes; text-ranges.ts resolves it). A block is read whole when
 * nothing under it changes how it reads: only plain inline elements (a, em, strong, span,
 * ...; no <br>, block, skipped, custom or shadow-hosting element, no hidden, style or
 * contenteditable attribute) — one native selector check and one `textContent` instead of a
 * JavaScript step and a string per node, which is most of a page's paragraphs. Spans are the
 * one plain element that may host a shadow root: each tree the walk enters has its spans listed
 * in a step of its own and checked, in steps, before its first node; the ancestors of hosts are
 * never read whole (checking spans per block cost a third of the walk).
 * Blocks (p, div, li, td, headings,
 * ...) and two <br> in a row are separated by "\n\n"; one <br> by "\n" (a line within the
 * paragraph: verse, addresses, OCR and PDF text that breaks every line; words never join across
 * it, phrases may); inline elements join. Layout whitespace (\n \r \t \f) inside a segment
 * becomes a space, so "\n\n" only ever means a block boundary (the matcher never matches a
 * phrase across it). A whitespace-only text node at the start of a block or after a <br> is
 * left out, as browsers collapse it (a block read whole keeps its edge whitespace: it only
 * ever sits next to a block boundary, where matching ignores it).
 * Skipped: head, script, style, noscript, template, textarea, input, select, embedded content,
 * contenteditable regions, elements with the `hidden` attribute or an inline
 * `display:none` / `visibility:hidden` (text a stylesheet hides is read too: the content script
 * tells it apart per matched range, far cheaper than asking the layout engine per element).
 * aria-hidden text is kept: sighted readers see it. Open shadow roots are entered (slots give their assigned nodes, as rendered); a
 * declarative `<template shadowrootmode>` left unattached (Node DOMs) is read as its host's
 * shadow content.
 * Cost: the DOM's own TreeWalker does the traversal (one native step per node; each element is
 * decided once, on entry, and a skipped subtree or a block read whole is stepped over whole);
 * offsets go to growing Int32Arrays, so there is no object per segment. Iterative, so any
 * nesting depth is safe.
 * `TextWalk` is the same walk in resumable steps, for time-sliced scanning: it keeps the strings
 * it read as they are (no join of a whole huge page, which would be a long task of its own, and
 * no copy the matcher does not need), and `textBetween` / `segments` let a caller match any span
 * of what has been read while the walk goes on: only that span is joined. Throws nothing.
 */
import { firstAbove } from './sorted-search';

/** The segments a walk read (text nodes, and blocks read whole) and where each sits in its text. */
export interface TextSegments {
  /** The segment nodes, in text order: Text, or a block Element read whole. */
  nodes: Node[];
  /** starts[i]: offset in `text` of the first character of nodes[i] (length nodes.length). */
  starts: Int32Array;
  /** ends[i]: starts[i] + the length of nodes[i]'s text at extraction. */
  ends: Int32Array;
}

export interface PageText extends TextSegments {
  text: string;
}

export interface ExtractOptions {
  /** Told of every open shadow root the walk enters (the content script observes them). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Told of every custom element (a name with "-") the walk enters that hosts no open shadow
   * root: one the page defines later may attach one then, which no mutation record reports.
   */
  onCustomElement?: (el: Element) => void;
}

/** Subtrees a reader never sees as page text. */
const SKIPPED = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'map', 'meta', 'link',
]);

/** Elements laid out as blocks by default: their text never runs into the neighbours'. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Inline elements that change nothing in how their text reads and cannot host a shadow root
 * (span can: checked apart). A block holding nothing else is read whole. The commonest come
 * first: the selector engine tries them in order for every element under every block.
 */
const PLAIN_INLINE = [
  'a', 'span', 'em', 'strong', 'b', 'i', 'code', 'img', 'small', 'sup', 'sub', 'time', 'abbr', 'cite',
  'mark', 'q', 's', 'u', 'bdi', 'bdo', 'big', 'data', 'del', 'dfn', 'font', 'ins', 'kbd', 'picture',
  'samp', 'source', 'strike', 'tt', 'var', 'wbr',
];
/** Matches any descendant that keeps a block from being read whole. */
const NOT_PLAIN = `:not(${PLAIN_INLINE.join(',')}),[hidden],[style],[contenteditable]`;

/** Built-in elements that may host a shadow root (custom elements, with a "-", may too). */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'main', 'nav', 'p', 'section', 'span',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const LAYOUT_WHITESPACE = /[\n\r\t\f]/g;
const WHITESPACE_ONLY = /^[ \n\r\t\f]*$/;
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT (the constants are not global in Node DOMs). */
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** The TreeWalker moves the walk uses. */
interface Walker {
  readonly currentNode: Node;
  firstChild(): Node | null;
  nextSibling(): Node | null;
  parentNode(): Node | null;
}

/** The same moves over elements and text by plain DOM links, for DOMs whose TreeWalker lacks them (linkedom). */
class LinkWalker implements Walker {
  currentNode: Node;
  constructor(private readonly root: Node) {
    this.currentNode = root;
  }
  firstChild(): Node | null {
    for (let c = this.currentNode.firstChild; c; c = c.nextSibling) if (shown(c)) return (this.currentNode = c);
    return null;
  }
  nextSibling(): Node | null {
    if (this.currentNode === this.root) return null;
    for (let s = this.currentNode.nextSibling; s; s = s.nextSibling) if (shown(s)) return (this.currentNode = s);
    return null;
  }
  parentNode(): Node | null {
    if (this.currentNode === this.root) return null;
    const p = this.currentNode.parentNode;
    if (!p || !shown(p)) return null;
    return (this.currentNode = p);
  }
}

function shown(n: Node): boolean {
  return n.nodeType === 1 || n.nodeType === 3;
}

function walkerOver(root: Node): Walker {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const native = doc?.createTreeWalker?.(root, SHOW_ELEMENT_AND_TEXT) as Walker | undefined;
  return native && typeof native.firstChild === 'function' ? native : new LinkWalker(root);
}

/** One tree being walked: the document, a shadow root, a slot's assigned node, a context root. */
interface Frame {
  walker: Walker;
  /** The node to visit next; undefined: move past the current node first. */
  next: Node | null | undefined;
  /** A block ends when this frame does (a block shadow host). */
  blockEnd: boolean;
  /** The tree's root, whose spans are listed (`listTree`) in a step of its own before its first node. */
  root: Node;
  listed: boolean;
  /** The tree's spans, whose ancestors are marked when they host a shadow root; null once checked. */
  spans: ArrayLike<Element> | null;
  /** How many of `spans` are done. */
  checked: number;
}

export class TextWalk {
  private readonly frames: Frame[] = [];
  /** 1 per element entered and not yet left that is a block, else 0. */
  private readonly open: number[] = [];
  /** The text read, in order (segments' text and separators); parts[i] begins at offset partStarts[i]. */
  private readonly parts: string[] = [];
  private readonly partStarts: number[] = [];
  private readonly nodes: Node[] = [];
  /** Ancestors of spans that host a shadow root: never read whole. */
  private readonly notWhole = new Set<Node>();
  /** A tree's spans could not be listed (listTree): no block is read whole. */
  private unlisted = false;
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private count = 0;
  private textLength = 0;
  /**
   * The separator owed before the next text: "\n\n" at a block boundary, "\n" after one <br> (a line
   * within the block; a second <br> makes it a block break), "" when none.
   */
  private pendingBreak: '' | '\n' | '\n\n' = '';
  private readonly onShadowRoot: ((root: ShadowRoot) => void) | undefined;
  private readonly onCustomElement: ((el: Element) => void) | undefined;
  /** Nodes visited so far (callers bound their work with it). */
  visited = 0;

  constructor(root: Node | null, options: ExtractOptions = {}) {
    this.onShadowRoot = options.onShadowRoot;
    this.onCustomElement = options.onCustomElement;
    if (root) this.include(root);
  }

  /**
   * Adds another root, read as a block of its own. Call it once the walk is `done`; callers
   * reading roots one by one (context around a changed block) note `length` between them.
   */
  include(root: Node): void {
    if (root.nodeType === 9) {
      const body = (root as Document).body ?? (root as Document).documentElement;
      if (!body) return;
      root = body;
    }
    this.pendingBreak = '\n\n';
    this.pushFrame(root, false);
  }

  /** Characters of text so far. */
  get length(): number {
    return this.textLength;
  }

  /** Segments read so far (text nodes, and blocks read whole). */
  get segmentCount(): number {
    return this.count;
  }

  get done(): boolean {
    return this.frames.length === 0;
  }

  /** Visits up to `maxNodes` nodes; returns true when the walk is complete. */
  step(maxNodes: number): boolean {
    const frames = this.frames;
    for (let n = 0; n < maxNodes; ) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) return true;
      if (!frame.listed) {
        n += this.listTree(frame);
        continue;
      }
      if (frame.spans) {
        n += this.markShadowSpans(frame, maxNodes - n);
        continue;
      }
      const node = frame.next === undefined ? this.advance(frame.walker) : frame.next;
      if (node === null) {
        frames.pop();
        if (frame.blockEnd) this.pendingBreak = '\n\n';
        continue;
      }
      n++;
      this.visited++;
      frame.next = undefined;
      if (node.nodeType === 3) this.addSegment(node, (node as Text).data);
      else this.enterElement(frame, node as Element);
    }
    return frames.length === 0;
  }

  result(): PageText {
    return { text: this.parts.join(''), ...this.segments() };
  }

  /** The segments read so far (views, valid until the walk goes on). */
  segments(): TextSegments {
    const n = this.count;
    return { nodes: this.nodes, starts: this.starts.subarray(0, n), ends: this.ends.subarray(0, n) };
  }

  /** The text of `[start, end)` read so far (clamped to `length`). */
  textBetween(start: number, end: number): string {
    end = Math.min(end, this.textLength);
    if (end <= start) return '';
    const { parts, partStarts } = this;
    // From the part holding `start` (parts[0] begins at 0, so the index is never below 0).
    const first = Math.max(0, firstAbove(partStarts, start) - 1);
    const pieces: string[] = [];
    for (let i = first; i < parts.length && partStarts[i]! < end; i++) {
      const at = partStarts[i]!;
      const part = parts[i]!;
      pieces.push(start > at || end < at + part.length ? part.slice(Math.max(0, start - at), end - at) : part);
    }
    return pieces.join('');
  }

  private pushFrame(root: Node, blockEnd: boolean): void {
    const walker = walkerOver(root);
    const container = root.nodeType === 11;
    // A fragment or shadow root is no node of the walk itself: start at its first child.
    this.frames.push({ walker, next: container ? walker.firstChild() : root, blockEnd, root, listed: false, spans: null, checked: 0 });
  }

  /** Lists the frame's spans (one native query; a step of its own). */
  private listTree(frame: Frame): number {
    frame.listed = true;
    const root = frame.root as ParentNode;
    if (typeof root.querySelectorAll !== 'function') return 1;
    try {
      const spans = root.querySelectorAll('span');
      if (spans.length > 0) frame.spans = spans;
      return 1 + spans.length;
    } catch {
      // A Node DOM whose selector engine recurses can overflow on hostile nesting.
      this.unlisted = true;
      return 1;
    }
  }

  /** Checks up to `max` more of the frame's spans, marking the ancestors of those that host a shadow root; returns how many. */
  private markShadowSpans(frame: Frame, max: number): number {
    const spans = frame.spans as ArrayLike<Element>;
    const from = frame.checked;
    const end = Math.min(spans.length, from + Math.max(1, max));
    for (let i = from; i < end; i++) {
      if (!(spans[i] as Element).shadowRoot) continue;
      // An element is only ever marked with all its ancestors: stop at the first marked one.
      for (let n = (spans[i] as Element).parentNode; n && !this.notWhole.has(n); n = n.parentNode) this.notWhole.add(n);
    }
    frame.checked = end;
    if (end === spans.length) frame.spans = null;
    return end - from;
  }

  /** Moves past the walker's current node (its subtree done or skipped), leaving elements on the way up. */
  private advance(walker: Walker): Node | null {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
      if (this.open.pop() === 1) this.pendingBreak = '\n\n';
    }
  }

  /** Adds a text node's data, or a block's whole text. */
  private addSegment(node: Node, data: string): void {
    const length = data.length;
    if (length === 0) return;
    // Whitespace at the start of a block is layout, not text (browsers collapse it too).
    if ((this.pendingBreak !== '' || this.textLength === 0) && WHITESPACE_ONLY.test(data)) return;
    if (this.pendingBreak !== '') {
      if (this.textLength > 0) this.addPart(this.pendingBreak);
      this.pendingBreak = '';
    }
    const i = this.count++;
    if (i === this.starts.length) this.grow();
    this.nodes.push(node);
    this.starts[i] = this.textLength;
    // No copy unless the node holds layout whitespace (replace returns `data` itself then).
    this.addPart(data.replace(LAYOUT_WHITESPACE, ' '));
    this.ends[i] = this.textLength;
  }

  private addPart(part: string): void {
    this.parts.push(part);
    this.partStarts.push(this.textLength);
    this.textLength += part.length;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
  }

  private enterElement(frame: Frame, el: Element): void {
    const name = el.localName;
    if (name === 'br') {
      this.pendingBreak = this.pendingBreak === '' ? '\n' : '\n\n';
      return;
    }
    if (SKIPPED.has(name)) {
      if (name === 'template') this.enterDetachedShadow(el as HTMLTemplateElement);
      return;
    }
    if (el.hasAttributes() && isHidden(el)) return;
    const block = BLOCKS.has(name);
    if (block) this.pendingBreak = '\n\n';
    if (SHADOW_HOSTS.has(name) || name.includes('-')) {
      const shadow = (el as HTMLElement).shadowRoot;
      if (shadow) {
        this.onShadowRoot?.(shadow);
        this.pushFrame(shadow, block);
        return;
      }
      if (name.includes('-')) this.onCustomElement?.(el);
    }
    if (name === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (el as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) {
        for (let i = assigned.length - 1; i >= 0; i--) this.pushFrame(assigned[i]!, false);
        return;
      }
    }
    if (block && !this.unlisted && !this.notWhole.has(el) && readsWhole(el)) {
      this.addSegment(el, el.textContent ?? '');
      this.pendingBreak = '\n\n';
      return;
    }
    const child = frame.walker.firstChild();
    if (child) {
      this.open.push(block ? 1 : 0);
      frame.next = child;
    } else if (block) {
      this.pendingBreak = '\n\n';
    }
  }

  /** A declarative shadow root that no parser attached (Node DOMs): read it in place. */
  private enterDetachedShadow(template: HTMLTemplateElement): void {
    const mode = template.getAttribute('shadowrootmode');
    if (mode !== 'open' && mode !== 'closed') return;
    const host = template.parentElement;
    if (!host || (host as HTMLElement).shadowRoot || !template.content) return;
    this.pushFrame(template.content, false);
  }
}

/** Whether nothing under a block but plain inline elements and text (one native query: cheaper than any JavaScript walk of it). */
function readsWhole(block: Element): boolean {
  try {
    return block.querySelector(NOT_PLAIN) === null;
  } catch {
    // A Node DOM whose selector engine recurses can overflow on hostile nesting: walk it instead.
    return false;
  }
}

/** Whether an element is laid out as a block by default (its text never joins its neighbours'). */
export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

/**
 * Whether the walk leaves out this element's subtree (not counting its ancestors): the content
 * script asks this of the ancestors of a changed node before reading it alone.
 */
export function isExcludedElement(el: Element): boolean {
  return SKIPPED.has(el.localName) || isHidden(el);
}

/** Whether an inline `style` attribute value hides its element. */
export function styleHides(style: string | null): boolean {
  return style !== null && HIDDEN_STYLE.test(style);
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return styleHides(el.getAttribute('style'));
}

/** The whole walk at once (Node CLI, tests, small subtrees). */
export function extractText(root: Node, options?: ExtractOptions): PageText {
  const walk = new TextWalk(root, options);
  walk.step(Infinity);
  return walk.result();
}
