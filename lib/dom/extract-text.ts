/**
 * Page text as a reader sees it, with a map back to the DOM's text nodes.
 *
 * Contract: `extractText(root)` returns the visible text under `root` (an element, document,
 * or shadow root) and, for every text node it used, the span of `text` that node's data
 * occupies (same length: offset `start + i` in `text` is offset `i` in `node.data`). Blocks
 * (p, div, li, td, headings, ...) and <br> are separated by "\n\n"; inline elements join.
 * Layout whitespace (\n \r \t \f) inside a text node becomes a space, so "\n\n" only ever
 * means a block boundary (the matcher never matches a phrase across it). Whitespace-only text
 * at the start of a block is left out, as browsers collapse it.
 * Skipped: head, script, style, noscript, template, textarea, input, select, embedded content,
 * contenteditable regions, elements with the `hidden` attribute or an inline
 * `display:none` / `visibility:hidden`; with `computedVisibility` (the browser) also anything
 * `Element.checkVisibility()` reports as not rendered. aria-hidden text is kept: sighted readers
 * see it. Open shadow roots are entered (slots give their assigned nodes, as rendered); a
 * declarative `<template shadowrootmode>` left unattached (Node DOMs) is read as its host's
 * shadow content. Iterative (explicit stack), so any nesting depth is safe.
 * `TextWalk` is the same walk in resumable steps, for time-sliced scanning. Throws nothing.
 */

export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface PageText {
  text: string;
  segments: TextSegment[];
}

export interface ExtractOptions {
  /** Ask the layout engine whether elements are rendered (browser only; Node DOMs have no layout). */
  computedVisibility?: boolean;
  /** Told of every open shadow root the walk enters (the content script observes them). */
  onShadowRoot?: (root: ShadowRoot) => void;
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

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const LAYOUT_WHITESPACE = /[\n\r\t\f]/g;
const WHITESPACE_ONLY = /^[ \n\r\t\f]*$/;
/** Marks the end of a block on the walk stack. */
const BLOCK_END = 0;

type StackItem = Node | typeof BLOCK_END;

export class TextWalk {
  private readonly stack: StackItem[] = [];
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private textLength = 0;
  private breakPending = false;
  private readonly computed: boolean;
  private readonly onShadowRoot: ((root: ShadowRoot) => void) | undefined;
  /** Nodes visited so far (callers bound their work with it). */
  visited = 0;

  constructor(root: Node | null, options: ExtractOptions = {}) {
    this.computed = options.computedVisibility === true;
    this.onShadowRoot = options.onShadowRoot;
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
    this.breakPending = true;
    this.stack.push(BLOCK_END, root);
  }

  /** Characters of text so far. */
  get length(): number {
    return this.textLength;
  }

  /** Visits up to `maxNodes` nodes; returns true when the walk is complete. */
  step(maxNodes: number): boolean {
    const stack = this.stack;
    for (let n = 0; n < maxNodes; n++) {
      const item = stack.pop();
      if (item === undefined) return true;
      this.visited++;
      if (item === BLOCK_END) {
        this.breakPending = true;
        continue;
      }
      const type = item.nodeType;
      if (type === 3) this.addText(item as Text);
      else if (type === 1) this.enterElement(item as Element);
      else if (type === 11 || type === 9) this.pushChildren(item);
    }
    return stack.length === 0;
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  result(): PageText {
    return { text: this.parts.join(''), segments: this.segments };
  }

  private addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    // Whitespace at the start of a block is layout, not text (browsers collapse it too).
    if ((this.breakPending || this.textLength === 0) && WHITESPACE_ONLY.test(data)) return;
    if (this.breakPending) {
      this.breakPending = false;
      if (this.textLength > 0) {
        this.parts.push('\n\n');
        this.textLength += 2;
      }
    }
    this.parts.push(data.replace(LAYOUT_WHITESPACE, ' '));
    this.segments.push({ node, start: this.textLength, end: this.textLength + data.length });
    this.textLength += data.length;
  }

  private enterElement(el: Element): void {
    const name = el.localName;
    if (name === 'br') {
      this.breakPending = true;
      return;
    }
    if (SKIPPED.has(name)) {
      if (name === 'template') this.enterDetachedShadow(el as HTMLTemplateElement);
      return;
    }
    if (isHidden(el, this.computed)) return;
    if (BLOCKS.has(name)) {
      this.breakPending = true;
      this.stack.push(BLOCK_END);
    }
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) {
      this.onShadowRoot?.(shadow);
      this.pushChildren(shadow);
      return;
    }
    if (name === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (el as HTMLSlotElement).assignedNodes();
      if (assigned.length > 0) {
        for (let i = assigned.length - 1; i >= 0; i--) this.stack.push(assigned[i]!);
        return;
      }
    }
    this.pushChildren(el);
  }

  /** A declarative shadow root that no parser attached (Node DOMs): read it in place. */
  private enterDetachedShadow(template: HTMLTemplateElement): void {
    const mode = template.getAttribute('shadowrootmode');
    if (mode !== 'open' && mode !== 'closed') return;
    const host = template.parentElement;
    if (!host || (host as HTMLElement).shadowRoot || !template.content) return;
    this.pushChildren(template.content);
  }

  private pushChildren(parent: Node): void {
    for (let c = parent.lastChild; c !== null; c = c.previousSibling) this.stack.push(c);
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
export function isExcludedElement(el: Element, computed: boolean): boolean {
  return SKIPPED.has(el.localName) || isHidden(el, computed);
}

/** Whether an inline `style` attribute value hides its element. */
export function styleHides(style: string | null): boolean {
  return style !== null && HIDDEN_STYLE.test(style);
}

function isHidden(el: Element, computed: boolean): boolean {
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (styleHides(el.getAttribute('style'))) return true;
  if (computed && typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) {
    // display:contents has no box of its own, yet its children are rendered.
    return getComputedStyle(el).display !== 'contents';
  }
  return false;
}

/** The whole walk at once (Node CLI, tests, small subtrees). */
export function extractText(root: Node, options?: ExtractOptions): PageText {
  const walk = new TextWalk(root, options);
  walk.step(Infinity);
  return walk.result();
}
