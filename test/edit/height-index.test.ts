/** The virtual list's row heights (renderer/components/height-index.ts) against a plain prefix sum. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeightIndex } from '../../renderer/components/height-index';

describe('HeightIndex', () => {
  it('gives the same offsets and row-at-offset as a plain prefix sum, after any height changes', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 200 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 })), { maxLength: 30 }),
      (sizes, updates) => {
        const index = new HeightIndex(sizes.length, (i) => sizes[i]!);
        const plain = [...sizes];
        for (const [at, size] of updates) {
          const i = at % plain.length;
          expect(index.set(i, size)).toBe(plain[i] !== size);
          plain[i] = size;
        }
        let sum = 0;
        plain.forEach((size, i) => {
          expect(index.offset(i)).toBe(sum);
          expect(index.indexAt(sum)).toBe(i);
          expect(index.indexAt(sum + size - 0.5)).toBe(i);
          sum += size;
        });
        expect(index.total()).toBe(sum);
        expect(index.indexAt(sum + 1000)).toBe(plain.length - 1);
      },
    ));
  });
});
