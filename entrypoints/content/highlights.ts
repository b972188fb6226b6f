/**
 * Painting mentions with the CSS Custom Highlight API, without touching the page's DOM.
 *
 * Contract: `createHighlighter(claimIds)` registers one Highlight per claim, named
 * `sourcelight-<index of the claim>` (index in `claimIds`), and styles them with one constructed
 * stylesheet adopted by the document (and by each shadow root a mention lies in, since
 * ::highlight() rules do not cross shadow boundaries). Colours: a translucent background plus
 * an underline, leaving the text colour alone, so highlighted text stays readable on light and
 * dark pages. `add`/`remove` take PageMentions; `dispose` unregisters everything.
 * Where `CSS.highlights` is missing (Firefox before 140) `createHighlighter` returns null:
 * detection, the badge and the popup still work, only the inline marks are absent (wrapping
 * text in elements would change the page's DOM, which we never do). Throws nothing.
 */
import type { PageMention } from './page-mentions';

export const HIGHLIGHT_PREFIX = 'sourcelight-';

/** Underline colour and translucent fill per claim, cycling; mid-tones visible on any background. */
const PALETTE: Array<[string, string]> = [
  ['rgb(230, 140, 0)', 'rgba(255, 190, 0, 0.32)'],
  ['rgb(40, 120, 230)', 'rgba(70, 150, 255, 0.28)'],
  ['rgb(200, 60, 160)', 'rgba(230, 90, 190, 0.26)'],
  ['rgb(20, 160, 110)', 'rgba(40, 200, 140, 0.28)'],
  ['rgb(140, 90, 230)', 'rgba(160, 120, 255, 0.28)'],
  ['rgb(210, 70, 50)', 'rgba(255, 110, 80, 0.26)'],
];

export interface Highlighter {
  add(mentions: Iterable<PageMention>): void;
  remove(mentions: Iterable<PageMention>): void;
  /** Ranges currently registered (for status and tests). */
  size(): number;
  dispose(): void;
}

function styleText(count: number): string {
  const rules: string[] = [];
  for (let i = 0; i < count; i++) {
    const [line, fill] = PALETTE[i % PALETTE.length]!;
    rules.push(
      `::highlight(${HIGHLIGHT_PREFIX}${i}) { background-color: ${fill}; ` +
        `text-decoration: underline 2px ${line}; text-underline-offset: 2px; }`,
    );
  }
  return rules.join('\n');
}

function adopt(target: Document | ShadowRoot, sheet: CSSStyleSheet): void {
  try {
    if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  } catch {
    // A page that froze adoptedStyleSheets: the marks still count, they just show unstyled.
  }
}

export function createHighlighter(claimIds: readonly string[]): Highlighter | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return null;
  const registry = CSS.highlights;
  const indexOf = new Map(claimIds.map((id, i) => [id, i]));
  const highlights = claimIds.map((_, i) => {
    const h = new Highlight();
    registry.set(`${HIGHLIGHT_PREFIX}${i}`, h);
    return h;
  });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styleText(claimIds.length));
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
    dispose() {
      for (let i = 0; i < highlights.length; i++) {
        if (registry.get(`${HIGHLIGHT_PREFIX}${i}`) === highlights[i]) registry.delete(`${HIGHLIGHT_PREFIX}${i}`);
      }
      try {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // See adopt().
      }
    },
  };
}
