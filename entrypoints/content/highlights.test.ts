// @vitest-environment happy-dom
// The highlighter's registry and stylesheet handling in a DOM. happy-dom has no Custom Highlight
// API, so the test installs the registry the browser would provide (a Map of Set-like
// Highlights): what is checked is what Sourcelight does with it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimHighlightStyle, highlightDeclarations } from '@/lib/highlight-style';
import { createHighlighter, HIGHLIGHT_PREFIX, highlightRules } from './highlights';

describe('createHighlighter', () => {
  let registry: Map<string, Set<Range>>;
  beforeEach(() => {
    registry = new Map();
    vi.stubGlobal('Highlight', class extends Set<Range> {});
    vi.stubGlobal('CSS', { highlights: registry });
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    document.body.innerHTML = '<p>Ratcliffe said Iran obtained voter data.</p>';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.adoptedStyleSheets = [];
  });

  // happy-dom's CSS parser drops ::highlight() rules, so the sheet's text is read as it is set.
  const rulesText = () => {
    const calls = vi.mocked(CSSStyleSheet.prototype.replaceSync).mock.calls;
    return String(calls[calls.length - 1]?.[0]);
  };

  it('styles each claim from the look and restyles every mark live', () => {
    const h = createHighlighter(['a', 'b'], { style: 'background', color: '#3a7bd5' })!;
    expect([...registry.keys()]).toEqual([`${HIGHLIGHT_PREFIX}0`, `${HIGHLIGHT_PREFIX}1`]);
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!.firstChild!);
    h.add([{ id: 1, claim: 'b', ranges: [range] }]);
    expect(registry.get(`${HIGHLIGHT_PREFIX}1`)!.has(range)).toBe(true);
    expect(rulesText()).toBe(highlightRules(2, { style: 'background', color: '#3a7bd5' }));
    expect(rulesText()).toContain('rgba(58, 123, 213, 0.32)');
    const sheet = document.adoptedStyleSheets[0];

    h.setLook({ style: 'underline', color: '#c0392b' });
    const text = rulesText();
    expect(text).toBe(highlightRules(2, { style: 'underline', color: '#c0392b' }));
    // Same adopted sheet, new rules.
    expect(document.adoptedStyleSheets).toEqual([sheet]);
    // The marks stay registered: only their look changed.
    expect(h.size()).toBe(1);
    expect(text).toContain('transparent');

    h.dispose();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it("adopts its sheet once through the page's own array where the page is seen through Xray wrappers (Firefox)", () => {
    // Firefox 140: through the wrapper the array reads empty and refuses assignment; the page's own one is exact.
    const pageArray: CSSStyleSheet[] = [];
    Object.defineProperty(document, 'wrappedJSObject', { configurable: true, value: { adoptedStyleSheets: pageArray } });
    try {
      const h = createHighlighter(['a'], { style: 'background', color: '#3a7bd5' })!;
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('p')!.firstChild!);
      h.add([{ id: 1, claim: 'a', ranges: [range] }]);
      h.add([{ id: 2, claim: 'a', ranges: [range] }]);
      expect(pageArray).toHaveLength(1);
      expect(document.adoptedStyleSheets).toHaveLength(0);
      h.dispose();
      expect(pageArray).toHaveLength(0);
    } finally {
      delete (document as { wrappedJSObject?: unknown }).wrappedJSObject;
    }
  });

  it('is null where the Custom Highlight API is missing', () => {
    vi.stubGlobal('CSS', {});
    expect(createHighlighter(['a'], { style: 'background', color: '#3a7bd5' })).toBeNull();
  });
});

describe('highlightRules', () => {
  it('gives one ::highlight() rule per claim, in the look of that claim', () => {
    const look = { style: 'underline', color: '#ffbe00' } as const;
    expect(highlightRules(2, look).split('\n')).toEqual([
      `::highlight(sourcelight-0) { ${highlightDeclarations(claimHighlightStyle(look, 0))} }`,
      `::highlight(sourcelight-1) { ${highlightDeclarations(claimHighlightStyle(look, 1))} }`,
    ]);
  });
});
