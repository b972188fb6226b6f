import { describe, expect, it } from 'vitest';
import { nearestRect } from './anchor-rect';

const rect = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

describe('nearestRect', () => {
  // A mention wrapping over two lines: the end of line 1 and the start of line 2.
  const wrapped = [rect(600, 100, 180, 20), rect(10, 120, 90, 20)];

  it('picks the line box under the pointer', () => {
    expect(nearestRect(wrapped, { x: 650, y: 110 })).toBe(0);
    expect(nearestRect(wrapped, { x: 40, y: 130 })).toBe(1);
  });

  it('picks the nearest line box when the pointer is just beside the text', () => {
    expect(nearestRect(wrapped, { x: 110, y: 128 })).toBe(1);
    expect(nearestRect(wrapped, { x: 590, y: 99 })).toBe(0);
  });

  it('takes the first box without a pointer (keyboard) and skips empty boxes', () => {
    expect(nearestRect([rect(0, 0, 0, 20), ...wrapped], null)).toBe(1);
    expect(nearestRect([rect(5, 5, 0, 0)], { x: 5, y: 5 })).toBe(-1);
    expect(nearestRect([], null)).toBe(-1);
  });
});
