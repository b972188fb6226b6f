import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from './preferences';
import {
  claimHighlightStyle,
  FILL_ALPHA,
  highlightDeclarations,
  parseHexColor,
  relativeLuminance,
  type HighlightStyle,
  type Rgb,
} from './highlight-style';

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** The fill painted over a page background (alpha compositing in sRGB, as browsers do). */
const over = (fill: NonNullable<HighlightStyle['fill']>, page: Rgb): Rgb =>
  fill.rgb.map((c, i) => Math.round(c * fill.alpha + page[i]! * (1 - fill.alpha))) as unknown as Rgb;

// Colours a user might pick, including the hard ones for one theme or the other.
const PICKS = ['#ffbe00', '#ffff00', '#ffffff', '#000000', '#000080', '#3a7bd5', '#ff0000', '#00ff00', '#808080', '#7f00ff'];

describe('claimHighlightStyle', () => {
  for (const color of PICKS) {
    it(`keeps ${color} marks readable and visible on light and dark pages`, () => {
      for (let i = 0; i < 8; i++) {
        const bg = claimHighlightStyle({ style: 'background', color }, i);
        const ul = claimHighlightStyle({ style: 'underline', color }, i);
        for (const s of [bg, ul]) {
          // The line is a non-text mark: at least 3:1 against white and black pages.
          expect(contrast(s.line.rgb, WHITE)).toBeGreaterThanOrEqual(3);
          expect(contrast(s.line.rgb, BLACK)).toBeGreaterThanOrEqual(3);
        }
        expect(ul.fill).toBeNull();
        const fill = bg.fill!;
        // The page's own text keeps AAA contrast over the fill: dark text on white, light text on black.
        expect(contrast(BLACK, over(fill, WHITE))).toBeGreaterThanOrEqual(7);
        expect(contrast(WHITE, over(fill, BLACK))).toBeGreaterThanOrEqual(7);
        // And the fill is still seen on both.
        expect(contrast(over(fill, WHITE), WHITE)).toBeGreaterThanOrEqual(1.15);
        expect(contrast(over(fill, BLACK), BLACK)).toBeGreaterThanOrEqual(1.15);
      }
    });
  }

  it('keeps a colour already in range as chosen (first claim)', () => {
    const s = claimHighlightStyle({ style: 'background', color: '#3a7bd5' }, 0);
    expect(s.line.rgb).toEqual(parseHexColor('#3a7bd5'));
    expect(s.fill).toEqual({ rgb: parseHexColor('#3a7bd5'), alpha: FILL_ALPHA });
  });

  it('darkens a light colour for the line and lightens a dark one, keeping the hue', () => {
    const yellow = claimHighlightStyle({ style: 'underline', color: '#ffff00' }, 0).line.rgb;
    expect(yellow[0]).toBe(yellow[1]);
    expect(yellow[2]).toBe(0);
    expect(relativeLuminance(yellow)).toBeCloseTo(0.3, 1);
    const navy = claimHighlightStyle({ style: 'underline', color: '#000080' }, 0).line.rgb;
    expect(navy[0]).toBe(navy[1]);
    expect(navy[2]).toBe(255);
    expect(relativeLuminance(navy)).toBeCloseTo(0.1, 1);
  });

  it('gives neighbouring claims different line styles and hues, all in the chosen colour family', () => {
    const styles = [0, 1, 2, 3].map((i) => claimHighlightStyle(DEFAULT_PREFERENCES.highlight, i));
    expect(new Set(styles.map((s) => s.line.style)).size).toBe(4);
    expect(new Set(styles.slice(0, 3).map((s) => s.line.rgb.join()))).toHaveProperty('size', 3);
    // Achromatic picks cannot shift hue: the line style alone tells claims apart.
    const grey = [0, 1].map((i) => claimHighlightStyle({ style: 'background', color: '#808080' }, i));
    expect(grey[0]!.line.rgb).toEqual(grey[1]!.line.rgb);
    expect(grey[0]!.line.style).not.toBe(grey[1]!.line.style);
  });

  it('draws a thicker line without fill for the underline style', () => {
    const bg = claimHighlightStyle({ style: 'background', color: '#3a7bd5' }, 0);
    const ul = claimHighlightStyle({ style: 'underline', color: '#3a7bd5' }, 0);
    expect(ul.line.thicknessPx).toBeGreaterThan(bg.line.thicknessPx);
    expect(highlightDeclarations(ul)).toBe(
      'background-color: transparent; text-decoration: underline solid rgb(58, 123, 213) 3px; text-underline-offset: 2px;',
    );
    expect(highlightDeclarations(bg)).toBe(
      'background-color: rgba(58, 123, 213, 0.32); text-decoration: underline solid rgb(58, 123, 213) 2px; text-underline-offset: 2px;',
    );
  });

  it('refuses a colour that is not #rrggbb', () => {
    expect(() => claimHighlightStyle({ style: 'background', color: 'red' }, 0)).toThrow('not a #rrggbb colour');
  });
});
