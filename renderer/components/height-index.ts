/**
 * Row heights and their prefix sums for a virtual list of any length: a Fenwick (binary indexed) tree over the
 * heights, so the offset of row i, the row at a scroll offset, and changing one row's height after it was
 * measured are each O(log n). (A list that recomputes every row's offset after each measurement is O(n) per
 * measured row, which is what made a 70,000-row list stutter while scrolling.)
 */
export class HeightIndex {
  private readonly sizes: Float64Array;
  private readonly tree: Float64Array;
  private sum = 0;

  constructor(readonly count: number, size: (i: number) => number) {
    this.sizes = new Float64Array(count);
    this.tree = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      const s = size(i);
      this.sizes[i] = s;
      this.sum += s;
      // linear-time build: add each node into its parent once
      this.tree[i + 1]! += s;
      const parent = i + 1 + ((i + 1) & -(i + 1));
      if (parent <= count) this.tree[parent]! += this.tree[i + 1]!;
    }
  }

  size(i: number): number {
    return this.sizes[i] ?? 0;
  }

  total(): number {
    return this.sum;
  }

  /** Sets row i's height; returns true when it changed. */
  set(i: number, size: number): boolean {
    const delta = size - this.sizes[i]!;
    if (Math.abs(delta) < 0.5) return false;
    this.sizes[i] = size;
    this.sum += delta;
    for (let k = i + 1; k <= this.count; k += k & -k) this.tree[k]! += delta;
    return true;
  }

  /** The offset of row i (the sum of the heights before it). */
  offset(i: number): number {
    let s = 0;
    for (let k = Math.min(i, this.count); k > 0; k -= k & -k) s += this.tree[k]!;
    return s;
  }

  /** The row covering this offset (clamped to the rows). */
  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    let pos = 0;
    let rest = offset;
    for (let step = 1 << Math.floor(Math.log2(this.count)); step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.count && this.tree[next]! <= rest) {
        pos = next;
        rest -= this.tree[next]!;
      }
    }
    return Math.min(pos, this.count - 1);
  }
}
