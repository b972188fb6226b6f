/**
 * Painting mentions with the CSS Custom Highlight API, without touching the page's DOM.
 *
 * Contract: `createHighlighter(claimIds, look)` registers one Highlight per claim, named
 * `sourcelight-<index of the claim>` (index in `claimIds`), and styles them with one constructed
 * stylesheet adopted by the document (and by each shadow root a mention lies in, since
 * ::highlight() rules do not cross shadow boundaries). The look (the user's style and colour
 * preference) becomes one rule per claim through lib/highlight-style.ts: readable on light and
 * dark pages, distinct per claim. `setLook` restyles every mark at once (same sheet, new rules).
 * `add`/`remove` take PageMentions; `dispose` unregisters everything. In Firefox the sheet goes
 * into the page's own array of adopted sheets (see `pageSheets`).
 * Where `CSS.highlights` is missing (Firefox before 140) `createHighlighter` returns null:
 * detection, the badge and the popup still work, only the inline marks are absent (wrapping
 * text in elements would change the page's DOM, which we never do). Throws nothing.
 */
import { claimHighlightStyle, highlightDeclarations } from '@/lib/highlight-style';
import type { HighlightLook } from '@/lib/preferences';
import type { PageMention } from './page-mentions';

export const HIGHLIGHT_PREFIX = 'sourcelight-';

export interface Highlighter {
  add(mentions: Iterable<PageMention>): void;
  remove(mentions: Iterable<PageMention>): void;
  /** Ranges currently registered (for status and tests). */
  size(): number;
  /** Restyles every claim's marks for a new look. */
  setLook(look: HighlightLook): void;
  dispose(): void;
}

export function highlightRules(count: number, look: HighlightLook): string {
  const rules: string[] = [];
  for (let i = 0; i < count; i++) {
    rules.push(`::highlight(${HIGHLIGHT_PREFIX}${i}) { ${highlightDeclarations(claimHighlightStyle(look, i))} }`);
  }
  return rules.join('\n');
}

type StyledRoot = Document | ShadowRoot;

/**
 * The page's own array of adopted sheets where the content script sees the page through Xray
 * wrappers (Firefox), else null. Through the wrapper Firefox 140 shows the array empty, refuses
 * to assign it ("Accessing from Xray wrapper is not supported") and offers no Array methods;
 * the page's own array is exact and takes `push` and `splice`.
 */
function pageSheets(target: StyledRoot): CSSStyleSheet[] | null {
  return (target as { wrappedJSObject?: StyledRoot }).wrappedJSObject?.adoptedStyleSheets ?? null;
}

function adopt(target: StyledRoot, sheet: CSSStyleSheet): void {
  try {
    const page = pageSheets(target);
    if (page) {
      if (page.indexOf(sheet) < 0) page.push(sheet);
    } else if (!target.adoptedStyleSheets.includes(sheet)) {
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    }
  } catch {
    // A page that froze adoptedStyleSheets: the marks still count, they just show unstyled.
  }
}

function unadopt(target: StyledRoot, sheet: CSSStyleSheet): void {
  try {
    const page = pageSheets(target);
    if (!page) target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
    else if (page.indexOf(sheet) >= 0) page.splice(page.indexOf(sheet), 1);
  } catch {
    // See adopt().
  }
}

export function createHighlighter(claimIds: readonly string[], look: HighlightLook): Highlighter | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return null;
  const registry = CSS.highlights;
  const indexOf = new Map(claimIds.map((id, i) => [id, i]));
  const highlights = claimIds.map((_, i) => {
    const h = new Highlight();
    registry.set(`${HIGHLIGHT_PREFIX}${i}`, h);
    return h;
  });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightRules(claimIds.length, look));
  adopt(document, sheet);
  const styledRoots = new WeakSet<Node>([document]);

  const highlightOf = (m: PageMention) => {
    const i = indexOf.get(m.claim);
    return i === undefined ? undefined : highlights[i];
  };

  return {
    add(mentions) {
      for (const m of mentions) {
        const h = highlightOf(m);
        if (!h) continue;
        for (const r of m.ranges) {
          h.add(r);
          const root = r.startContainer.getRootNode();
          if (!styledRoots.has(root) && root instanceof ShadowRoot) {
            styledRoots.add(root);
            adopt(root, sheet);
          }
        }
      }
      // Pages may replace adoptedStyleSheets wholesale; put ours back.
      adopt(document, sheet);
    },
    remove(mentions) {
      for (const m of mentions) {
        const h = highlightOf(m);
        if (h) for (const r of m.ranges) h.delete(r);
      }
    },
    size() {
      return highlights.reduce((n, h) => n + h.size, 0);
    },
    setLook(next) {
      sheet.replaceSync(highlightRules(claimIds.length, next));
    },
    dispose() {
      for (let i = 0; i < highlights.length; i++) {
        if (registry.get(`${HIGHLIGHT_PREFIX}${i}`) === highlights[i]) registry.delete(`${HIGHLIGHT_PREFIX}${i}`);
      }
      unadopt(document, sheet);
    },
  };
}
