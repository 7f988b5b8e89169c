import { describe, expect, it } from 'vitest';
import { estimateLag } from '../../shared/align/time-lag';

describe('interpreter lag', () => {
  const zh = [0, 4200, 9100, 12000, 17500, 21000, 26400, 30100].map((s, i, all) => ({ start: s, end: (all[i + 1] ?? s + 4000) - 300 }));

  it('finds a 3 s lag on contiguous speech, where total overlap barely changes with the shift', () => {
    const en = zh.map((x, i) => ({ start: x.start + 3000 + (i % 2 ? 250 : -250), end: x.end + 3000 }));
    expect(Math.abs(estimateLag(zh, en) - 3000)).toBeLessThanOrEqual(300);
  });

  it('finds a negative lag when the English track runs ahead', () => {
    const en = zh.map((x) => ({ start: x.start - 2000, end: x.end - 2000 }));
    expect(estimateLag(zh, en)).toBe(-2000);
  });

  it('keeps lag 0 when the two tracks share their timings', () => {
    expect(estimateLag(zh, zh)).toBe(0);
  });
});
