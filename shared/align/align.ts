/**
 * The public entry of the zh–en sentence aligner: features → (lag) → banded DP → beads with confidences.
 *
 * Confidence of a bead is a logistic of four signals: its local margin (how much cheaper the chosen bead is
 * than the nearest alternatives a reviewer would consider — merging it into the previous or next bead when
 * the merged shape is allowed, or, for a pairing bead, dropping its sentences as skips), its lexical Dice,
 * its squared length z-score, and whether it is a skip. The weights were fitted on TED and Tatoeba dev
 * beads (right vs wrong) plus non-parallel pairs, so that a score reads as a probability of being right.
 */
import { BEADS, alignFeatures, makeScorer, type RawBead } from './aligner';
import { DEFAULT_COST, allTimed, type BeadScorer, type CostParams } from './bead-cost';
import { type AlignDictionary, type GlossaryPair, withGlossary } from './dictionary';
import { type AlignSentence, Vocabulary, chineseFeatures, englishFeatures } from './features';
import { estimateLag } from './time-lag';

/** A bead of the result: 0-based sentence indices of each side and a confidence in 0..1. */
export interface AlignedBead {
  zh: number[];
  en: number[];
  score: number;
}

export interface AlignOptions {
  /** zh→en dictionary (CEDICT table from the host). Without one, only length and anchors are used. */
  dictionary?: AlignDictionary;
  /** Project glossary pairs; they outrank dictionary senses. */
  glossary?: readonly GlossaryPair[];
  /** Overrides of the cost weights (tuning, tests). */
  params?: Partial<CostParams>;
  /** Use time overlap when both sides are fully timed (default true). */
  useTime?: boolean;
  /** Also return each bead's confidence signals (review UI, calibration). */
  withSignals?: boolean;
}

export interface AlignResult {
  beads: AlignedBead[];
  /** The English-minus-Chinese lag removed before scoring time overlap (ms), or null when untimed. */
  lagMs: number | null;
  /** Per bead, when `withSignals` was asked for. */
  signals?: BeadSignals[];
  /**
   * Mean lexical Dice of the pairing beads (null without a dictionary or without pairs). TED translations
   * score 0.36-0.56 with CEDICT; unrelated texts 0.07-0.17 (another talk's English; seed 001's Chinese vs its
   * panellists' own English): below ~0.2 the sides are probably not translations and pairs are length guesses.
   */
  lexicalOverlap: number | null;
}

const SHAPES = new Set(BEADS.map(([a, b]) => `${a}-${b}`));

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Cost of the merged bead covering two neighbours, or Infinity when the merged shape is not allowed. */
function mergedCost(scorer: BeadScorer, x: RawBead, y: RawBead): number {
  const a = y.zh1 - x.zh0;
  const b = y.en1 - x.en0;
  if (!SHAPES.has(`${a}-${b}`)) return Infinity;
  return scorer.cost(x.zh0, y.zh1, x.en0, y.en1);
}

/** Local margin of bead k against merging with a neighbour or (for pairs) turning into skips. */
function margin(scorer: BeadScorer, beads: readonly RawBead[], k: number): number {
  const bead = beads[k]!;
  let best = Infinity;
  const prev = beads[k - 1];
  const next = beads[k + 1];
  if (prev) best = Math.min(best, mergedCost(scorer, prev, bead) - (prev.cost + bead.cost));
  if (next) best = Math.min(best, mergedCost(scorer, bead, next) - (bead.cost + next.cost));
  const size = bead.zh1 - bead.zh0 + (bead.en1 - bead.en0);
  if (bead.zh1 > bead.zh0 && bead.en1 > bead.en0) best = Math.min(best, scorer.params.skip * size - bead.cost);
  return best === Infinity ? 3 : best;
}

/** What the confidence is computed from (exported for calibration scripts). */
export interface BeadSignals {
  margin: number;
  dice: number;
  lengthZ2: number;
  skip: boolean;
}

/** The signals of bead k of a path. */
export function beadSignals(scorer: BeadScorer, beads: readonly RawBead[], k: number): BeadSignals {
  const b = beads[k]!;
  const skip = b.zh0 === b.zh1 || b.en0 === b.en1;
  return {
    margin: Math.max(-5, Math.min(10, margin(scorer, beads, k))),
    dice: skip ? 0 : scorer.dice(b.zh0, b.zh1, b.en0, b.en1),
    lengthZ2: scorer.lengthZ2(b.zh0, b.zh1, b.en0, b.en1),
    skip,
  };
}

/** Confidence from signals: a logistic fitted on TED and Tatoeba dev beads (correct vs wrong). */
export function confidence(s: BeadSignals): number {
  return logistic(CONFIDENCE.bias + CONFIDENCE.margin * s.margin + CONFIDENCE.dice * s.dice + CONFIDENCE.lengthZ2 * s.lengthZ2 + (s.skip ? CONFIDENCE.skip : 0));
}

const CONFIDENCE = { bias: -2.047, margin: 0.51, dice: 4.493, lengthZ2: -0.275, skip: 3.398 };

/** Aligns Chinese sentences with English sentences. */
export function alignSentences(
  zh: readonly AlignSentence[],
  en: readonly AlignSentence[],
  options: AlignOptions = {},
): AlignResult {
  const params: CostParams = { ...DEFAULT_COST, ...options.params, priors: { ...DEFAULT_COST.priors, ...options.params?.priors } };
  const dictionary = options.glossary?.length ? withGlossary(options.dictionary, options.glossary) : options.dictionary;
  const vocab = new Vocabulary();
  const numbers = new Vocabulary();
  const names = new Vocabulary();
  const zhSide = chineseFeatures(zh, dictionary, vocab, numbers, params.ratio, names);
  const enSide = englishFeatures(en, vocab, numbers, names);
  let lag: number | null = null;
  if (options.useTime !== false && allTimed(zhSide) && allTimed(enSide)) {
    lag = estimateLag(zh.map((s) => ({ start: s.start!, end: s.end! })), en.map((s) => ({ start: s.start!, end: s.end! })));
  } else {
    zhSide.start.fill(NaN); // untimed scoring when either side lacks times
  }
  if (zh.length === 0 || en.length === 0) {
    const beads = [...zh.map((_, i) => ({ zh: [i], en: [], score: 1 })), ...en.map((_, j) => ({ zh: [], en: [j], score: 1 }))];
    return { beads, lagMs: lag, lexicalOverlap: null };
  }
  const sizes = { vocab: vocab.size, names: names.size };
  const raw = alignFeatures(zhSide, enSide, params, sizes, lag ?? 0);
  const scorer = makeScorer(zhSide, enSide, params, sizes, raw, lag ?? 0);
  const signals = raw.map((_, k) => beadSignals(scorer, raw, k));
  const beads = raw.map((bead, k) => ({
    zh: range(bead.zh0, bead.zh1),
    en: range(bead.en0, bead.en1),
    score: Math.round(confidence(signals[k]!) * 1000) / 1000,
  }));
  const pairing = signals.filter((x) => !x.skip);
  const lexicalOverlap = dictionary && pairing.length ? Math.round((pairing.reduce((t, x) => t + x.dice, 0) / pairing.length) * 1000) / 1000 : null;
  return options.withSignals ? { beads, lagMs: lag, lexicalOverlap, signals } : { beads, lagMs: lag, lexicalOverlap };
}
