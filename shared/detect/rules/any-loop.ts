/**
 * any.loop — Whisper repetition loops: the same (or nearly the same) segment three or more times running,
 * or one phrase of 4–30 characters repeated three or more times inside a segment (汇聚精英 汇聚精英 汇聚精英).
 *
 * Across segments: each segment is normalised once per run (spaces, punctuation and digits dropped; cached in
 * ctx.resources.cache) and compared with its neighbours; "nearly the same" means equal after normalisation,
 * or one a prefix of the other with at least 80% of its length. Every segment of a run of 3+ except the first
 * is flagged for deletion: 0.85 when the text is at least four characters, 0.5 for short replies (对。对。对。),
 * which people do repeat. Inside a segment, every copy after the first goes (0.85).
 */
import type { DetectContext, Proposal, Rule } from '../rule';
import { runCache } from '../text-utils';

const INNER = /(.{4,30}?)(?:[\s，。,.、！？!?]*\1){2,}/gu;

function norm(text: string): string {
  return text.replace(/[\s\p{P}\p{S}\d]+/gu, '').toLowerCase();
}

function similar(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && short.length >= 0.8 * long.length && long.startsWith(short);
}

/** Normalised text of segment i, cached for the run. */
function normAt(ctx: DetectContext, i: number): string {
  const cache = runCache(ctx, 'any.loop:norm', () => new Map<number, string>());
  let v = cache.get(i);
  if (v === undefined) {
    v = norm(ctx.transcript.segments[i]?.raw ?? '');
    cache.set(i, v);
    if (cache.size > 64) cache.delete(cache.keys().next().value!);
  }
  return v;
}

const QUAD_BITS = 16;
const quadCounts = new Uint8Array(1 << QUAD_BITS);
const touched = new Int32Array(4096);

/**
 * Cheap prefilter for the inner-loop regex: some 4-character string occurs three or more times. Quads are
 * hashed into a fixed table of counts (no substrings, no Map); a collision only lets the exact regex run.
 */
function hasRepeatedQuad(raw: string): boolean {
  if (raw.length < 12) return false;
  let n = 0;
  let found = false;
  for (let i = 0; i + 4 <= raw.length && !found; i++) {
    const h = (Math.imul(raw.charCodeAt(i), 0x9e3779b1) ^ Math.imul(raw.charCodeAt(i + 1), 0x85ebca6b)
      ^ Math.imul(raw.charCodeAt(i + 2), 0xc2b2ae35) ^ Math.imul(raw.charCodeAt(i + 3), 0x27d4eb2f)) >>> (32 - QUAD_BITS);
    if (quadCounts[h] === 0) {
      if (n === touched.length) {
        found = true; // a very long segment: let the regex decide
        break;
      }
      touched[n++] = h;
    }
    if (++quadCounts[h]! >= 3) found = true;
  }
  for (let k = 0; k < n; k++) quadCounts[touched[k]!] = 0;
  return found;
}

/** Length of the run of similar segments ending at i (including i), looking back at most 3. */
function runBefore(ctx: DetectContext, i: number): number {
  let n = 1;
  while (n < 3 && i - n >= 0 && similar(normAt(ctx, i - n), normAt(ctx, i))) n++;
  return n;
}

export const anyLoop: Rule = {
  id: 'any.loop',
  title: 'Repetition loops (the same segment or phrase three or more times)',
  languages: ['zh', 'en', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '汇聚精英 汇聚精英 汇聚精英 汇聚精英', out: '汇聚精英', note: 'a phrase looping inside a segment' },
    { in: '你只能选择两个。你只能选择两个。你只能选择两个。', out: '你只能选择两个。' },
    { in: '我们要研究研究再说。', flags: [], note: 'two copies are not a loop' },
    { in: '谢谢，谢谢，谢谢大家！', flags: [], note: 'short thanks are not a loop' },
  ],
  detect(segment, ctx) {
    const out: Proposal[] = [];
    const i = ctx.index;
    const here = normAt(ctx, i);
    if (here !== '' && i > 0 && similar(normAt(ctx, i - 1), here)) {
      // part of a run of 3+ (this one not the first): previous two similar, or previous and next
      const back = runBefore(ctx, i);
      const ahead = i + 1 < ctx.transcript.segments.length && similar(here, normAt(ctx, i + 1));
      if (back >= 3 || (back === 2 && ahead)) {
        out.push({
          start: 0, end: segment.raw.length, kind: 'hallucination', suggestion: '', confidence: here.length >= 4 ? 0.85 : 0.5,
          reason: 'the same text repeats in three or more segments in a row: a recognition loop',
        });
        return out;
      }
    }
    if (!hasRepeatedQuad(segment.raw)) return out;
    INNER.lastIndex = 0;
    for (let m = INNER.exec(segment.raw); m; m = INNER.exec(segment.raw)) {
      const unit = m[1]!;
      if (norm(unit).length < 3) continue;
      out.push({
        start: m.index + unit.length, end: m.index + m[0].length, kind: 'hallucination', suggestion: '', confidence: 0.85,
        reason: `"${unit.trim()}" repeats three or more times in a row: a recognition loop`,
      });
    }
    return out;
  },
};
