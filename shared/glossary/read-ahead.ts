/**
 * Pinyin of a transcript's segments, read in batches ahead of a scan.
 *
 * pinyin-pro has a fixed cost per call, so reading 675 segments one call each costs more than reading them
 * joined (see `readPinyinBatch`: a non-Han separator keeps each segment's context its own). Detection visits
 * segments in order, so when segment i follows the last one asked for, the next segments are read with it,
 * in batches that grow to ~8,000 code units (memory stays bounded on a 15 MB transcript); a reading is
 * dropped once handed out. Out-of-order requests (the app re-checking one segment) read that segment alone.
 */
import { readPinyin, readPinyinBatch, type Reading } from './pinyin-key';

const HAN = /\p{Script=Han}/u;
const MAX_BATCH = 8000;

/** Batched, in-order pinyin readings of segment texts (see the file comment). */
export class ReadAhead {
  private readonly ready = new Map<number, { text: string; reading: Reading }>();
  private last = -2;
  private batch = 500;

  /** `textAt(i)`: the text of segment i, or undefined past the end. */
  constructor(private readonly textAt: (i: number) => string | undefined) {}

  /** The reading of segment `i`, whose text is `text`. */
  get(i: number, text: string): Reading {
    const sequential = i === this.last + 1;
    this.last = i;
    const hit = this.ready.get(i);
    if (hit) {
      this.ready.delete(i);
      if (hit.text === text) return hit.reading;
    }
    if (!sequential) return readPinyin(text);
    const ids: number[] = [];
    const texts: string[] = [];
    let size = 0;
    for (let k = i; size < this.batch; k++) {
      const t = k === i ? text : this.textAt(k);
      if (t === undefined) break;
      if (t.includes('\n') || !HAN.test(t)) continue;
      ids.push(k);
      texts.push(t);
      size += t.length;
    }
    this.batch = Math.min(MAX_BATCH, this.batch * 2);
    const readings = readPinyinBatch(texts);
    ids.forEach((k, n) => this.ready.set(k, { text: texts[n]!, reading: readings[n]! }));
    const mine = this.ready.get(i);
    this.ready.delete(i);
    return mine && mine.text === text ? mine.reading : readPinyin(text);
  }
}
