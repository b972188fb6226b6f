/**
 * How a claim's mentions look on the page, from the user's highlight
 * preference (style and colour): DOM-free, shared by the content script
 * (the ::highlight() rules) and the options page (its preview).
 *
 * Design: the page's text colour is never changed, so marks must read on
 * light and dark pages alike. The line (underline) colour is the chosen
 * colour moved in lightness until its relative luminance lies in
 * [LINE_MIN_Y, LINE_MAX_Y], which gives ≥ 3:1 contrast against both white
 * and black (WCAG non-text contrast). The fill ('background' style) is the
 * chosen colour, luminance kept in [FILL_MIN_Y, FILL_MAX_Y], at FILL_ALPHA:
 * translucent enough that dark text on light pages and light text on dark
 * pages keep their contrast, opaque enough to be seen on both. 'underline'
 * draws a thicker line and no fill. Claims stay distinguishable (issue 3:
 * "style per claim") while keeping the user's colour family: claim i gets
 * a small hue shift (HUE_SHIFTS) AND a line style (LINE_STYLES), the latter
 * a cue that needs no colour vision and also works for grey/black/white.
 *
 * Contract: pure; `claimHighlightStyle(look, i)` for any valid look
 * (`#rrggbb`, see lib/preferences.ts) and index ≥ 0; throws on a colour
 * that is not `#rrggbb`.
 */
import type { HighlightLook } from './preferences';

export type Rgb = readonly [number, number, number];
export type LineStyle = 'solid' | 'dashed' | 'dotted' | 'double';

export interface HighlightStyle {
  /** Translucent fill, or null for the 'underline' style. */
  fill: { rgb: Rgb; alpha: number } | null;
  line: { rgb: Rgb; style: LineStyle; thicknessPx: number };
}

export const LINE_MIN_Y = 0.1;
export const LINE_MAX_Y = 0.3;
export const FILL_MIN_Y = 0.1;
export const FILL_MAX_Y = 0.6;
export const FILL_ALPHA = 0.32;
const HUE_SHIFTS = [0, 30, -30] as const;
const LINE_STYLES: readonly LineStyle[] = ['solid', 'dashed', 'dotted', 'double'];

export function parseHexColor(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** WCAG 2 relative luminance of an sRGB colour (0 black … 1 white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

type Hsl = { h: number; s: number; l: number };

function toHsl([r, g, b]: Rgb): Hsl {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === R ? ((G - B) / d) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}

function toRgb({ h, s, l }: Hsl): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** The colour of the same hue and saturation whose luminance is the nearest within [minY, maxY]. */
function withLuminanceIn(hsl: Hsl, minY: number, maxY: number): Rgb {
  const rgb = toRgb(hsl);
  const y = relativeLuminance(rgb);
  if (y >= minY && y <= maxY) return rgb;
  const target = y < minY ? minY : maxY;
  // Luminance grows with HSL lightness at a fixed hue and saturation: bisect, keeping the side inside the band.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (relativeLuminance(toRgb({ ...hsl, l: mid })) < target) lo = mid;
    else hi = mid;
  }
  return toRgb({ ...hsl, l: target === minY ? hi : lo });
}

export function claimHighlightStyle(look: HighlightLook, index: number): HighlightStyle {
  const base = toHsl(parseHexColor(look.color));
  const hsl = { ...base, h: (base.h + HUE_SHIFTS[index % HUE_SHIFTS.length]! + 360) % 360 };
  const style = LINE_STYLES[index % LINE_STYLES.length]!;
  const line = withLuminanceIn(hsl, LINE_MIN_Y, LINE_MAX_Y);
  return look.style === 'underline'
    ? { fill: null, line: { rgb: line, style, thicknessPx: 3 } }
    : { fill: { rgb: withLuminanceIn(hsl, FILL_MIN_Y, FILL_MAX_Y), alpha: FILL_ALPHA }, line: { rgb: line, style, thicknessPx: 2 } };
}

/** CSS declarations for a ::highlight() rule (or a preview element's style attribute). */
export function highlightDeclarations(s: HighlightStyle): string {
  const rgb = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;
  const fill = s.fill ? `rgba(${s.fill.rgb.join(', ')}, ${s.fill.alpha})` : 'transparent';
  return (
    `background-color: ${fill}; ` +
    `text-decoration: underline ${s.line.style} ${rgb(s.line.rgb)} ${s.line.thicknessPx}px; text-underline-offset: 2px;`
  );
}
