import { describe, expect, it } from 'vitest';
import { scrollTopToReveal, visibleRange } from '../../../renderer/ui/virtual-window.js';

describe('visibleRange', () => {
  it('renders only the rows in view plus overscan, even among 100,000', () => {
    const range = visibleRange(44 * 50_000, 440, 44, 100_000, 5);
    expect(range).toEqual({ start: 49_995, end: 50_016 });
    expect(range.end - range.start).toBeLessThan(30);
  });

  it('stops at both ends', () => {
    expect(visibleRange(0, 440, 44, 100_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(44 * 100_000, 440, 44, 100_000, 5)).toEqual({ start: 99_994, end: 100_000 });
    expect(visibleRange(0, 440, 44, 3, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 440, 44, 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as needed to reveal the selected row', () => {
    expect(scrollTopToReveal(5, 0, 440, 44)).toBe(0); // already visible
    expect(scrollTopToReveal(20, 0, 440, 44)).toBe(21 * 44 - 440); // below: align its bottom
    expect(scrollTopToReveal(2, 400, 440, 44)).toBe(88); // above: align its top
  });
});
