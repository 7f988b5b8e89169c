/**
 * Editing a bilingual alignment: an ordered list of pairs, each holding zero or more Chinese and English
 * sentences and a confidence. The aligner (shared/align) proposes pairs; the user links two one-sided pairs,
 * unlinks a pair into its two sides, merges a pair with the next one, or splits a pair in two. Each edit returns
 * a new pair list (the input is never mutated); `alignmentStep` wraps it as an undo step on `extras.alignment`.
 * Edited pairs get confidence 1 and `manual: true`, because a person checked them.
 */
import type { EditDoc, Step, StepLabel } from './document';
import { setExtra } from './operations';

export interface Sentence {
  id: string;
  text: string;
  /** The segment the sentence came from, for jumping back to the review. */
  segmentId?: string;
}

export interface AlignedPair {
  id: string;
  zh: Sentence[];
  en: Sentence[];
  /** 0..1. */
  confidence: number;
  manual?: boolean;
}

export const ALIGNMENT_EXTRA = 'alignment';

function checkIndex(pairs: readonly AlignedPair[], index: number, op: string): AlignedPair {
  const pair = pairs[index];
  if (!pair) throw new RangeError(`${op}: no pair at index ${index} (have ${pairs.length})`);
  return pair;
}

const manual = (id: string, zh: Sentence[], en: Sentence[]): AlignedPair => ({ id, zh, en, confidence: 1, manual: true });

/** Joins pair `index` (Chinese only) with pair `other` (English only), or any two pairs, into one at `index`. */
export function linkPairs(pairs: readonly AlignedPair[], index: number, other: number): AlignedPair[] {
  const a = checkIndex(pairs, index, 'linkPairs');
  const b = checkIndex(pairs, other, 'linkPairs');
  if (index === other) throw new RangeError('linkPairs: cannot link a pair with itself');
  const joined = manual(a.id, [...a.zh, ...b.zh], [...a.en, ...b.en]);
  return pairs.flatMap((p, i) => (i === index ? [joined] : i === other ? [] : [p]));
}

/** Splits a pair into a Chinese-only pair and an English-only pair. */
export function unlinkPair(pairs: readonly AlignedPair[], index: number): AlignedPair[] {
  const p = checkIndex(pairs, index, 'unlinkPair');
  if (p.zh.length === 0 || p.en.length === 0) return [...pairs];
  return [...pairs.slice(0, index), manual(`${p.id}:zh`, p.zh, []), manual(`${p.id}:en`, [], p.en), ...pairs.slice(index + 1)];
}

/** Merges pair `index` with the pair after it. */
export function mergeWithNext(pairs: readonly AlignedPair[], index: number): AlignedPair[] {
  const a = checkIndex(pairs, index, 'mergeWithNext');
  const b = checkIndex(pairs, index + 1, 'mergeWithNext');
  return [...pairs.slice(0, index), manual(a.id, [...a.zh, ...b.zh], [...a.en, ...b.en]), ...pairs.slice(index + 2)];
}

/** Splits pair `index` after `zhCount` Chinese and `enCount` English sentences. */
export function splitPair(pairs: readonly AlignedPair[], index: number, zhCount: number, enCount: number): AlignedPair[] {
  const p = checkIndex(pairs, index, 'splitPair');
  if (zhCount < 0 || zhCount > p.zh.length || enCount < 0 || enCount > p.en.length) {
    throw new RangeError(`splitPair: split point ${zhCount}/${enCount} outside pair of ${p.zh.length}/${p.en.length}`);
  }
  const first = manual(p.id, p.zh.slice(0, zhCount), p.en.slice(0, enCount));
  const second = manual(`${p.id}:2`, p.zh.slice(zhCount), p.en.slice(enCount));
  if (first.zh.length + first.en.length === 0 || second.zh.length + second.en.length === 0) return [...pairs];
  return [...pairs.slice(0, index), first, second, ...pairs.slice(index + 1)];
}

/** The document's current alignment, or an empty list. */
const NO_PAIRS: readonly AlignedPair[] = Object.freeze([]);

export function alignmentOf(doc: EditDoc): readonly AlignedPair[] {
  const v = doc.extras[ALIGNMENT_EXTRA];
  // the same empty list every time, so UI selectors see no change
  return Array.isArray(v) ? (v as AlignedPair[]) : NO_PAIRS;
}

/** Wraps a new pair list as an undoable step. */
export function alignmentStep(doc: EditDoc, next: readonly AlignedPair[], action: StepLabel['action']): Step | null {
  return setExtra(doc, ALIGNMENT_EXTRA, next, { action, count: 1 });
}
