/**
 * The cost of one bead (a run of Chinese sentences I paired with a run of English sentences J); the aligner
 * minimises the sum over a path. Lower is better; a good 1-1 bead costs well below zero.
 *
 *   cost(I, J) = prior(|I|, |J|)                                  bead-shape prior (1-1 cheapest)
 *              + wLen · min(z², 25) / 2                            length model, z = ln((Le + k) / (r·Lz + k)) / σ
 *              − (wLex · M − wMiss · U + wDice · dice(I, J))       lexical evidence (CEDICT / glossary)
 *              − wNum · (numbers matched) + wNumMiss · (numbers unmatched)
 *              − wName · (pinyin names matched, at most 3)
 *              + wPunct · [? on one side only]
 *              + wTime · (1 − IoU(time(I), time(J) − lag)) + wGap · gap seconds   (when both sides are timed)
 *   cost(1-0) = cost(0-1) = skip
 *
 * Lz is the Chinese length (Han characters + Latin/digits ÷ r), Le the English letters and digits, r the
 * calibrated ratio (2.8 English characters per Han character on TED and Tatoeba; σ ≈ 0.22 there, wider for
 * literary text, so σ is set to 0.3). M (matched) = English content tokens of J whose stem is a gloss stem of
 * a word in I, each sentence pair's count capped by both sentences' content counts and the total by either
 * side's; U = unmatched content items of both sides; dice = 2·M / (zhContentWords + enContentTokens). The
 * counts make evidence additive (a 2-1 bead is judged against 1-1 + 1-0 fairly); Dice keeps it relative to
 * sentence length. With neither side carrying content words, dice is a neutral 0.25 so punctuation-only or
 * name-only sentences are judged by length and anchors. Weights: coordinate search on half the TED talks
 * plus Tatoeba synthetic documents (docs/align.md).
 */
import type { SideFeatures } from './features';

/** Tunable weights of the bead cost (defaults measured on TED and Tatoeba dev data). */
export interface CostParams {
  ratio: number;
  sigma: number;
  smoothing: number;
  wLen: number;
  wLex: number;
  wMiss: number;
  wDice: number;
  wNum: number;
  wNumMiss: number;
  wName: number;
  wPunct: number;
  wTime: number;
  wGap: number;
  skip: number;
  /** Prior cost per bead shape, keyed `a-b`. */
  priors: Record<string, number>;
}

export const DEFAULT_COST: CostParams = {
  ratio: 2.8,
  sigma: 0.3,
  smoothing: 12,
  wLen: 1,
  wLex: 0.5,
  wMiss: 0.05,
  wDice: 6,
  wNum: 1,
  wNumMiss: 0.5,
  wName: 1,
  wPunct: 1.4,
  wTime: 3,
  wGap: 0.3,
  skip: 1.2,
  priors: {
    '1-1': -1,
    '1-2': 0,
    '2-1': 0,
    '2-2': 4,
    '1-3': 1.6,
    '3-1': 1.6,
    '1-4': 3,
    '4-1': 3,
  },
};

/** Pair matches: English tokens (or names) of sentence q found among the ids of Chinese sentence p. */
export type PairMatches = (p: number, q: number) => number;

/** Scores beads over two feature sides with prefix sums (O(|I|·|J|) pair lookups per bead). */
export class BeadScorer {
  private readonly zhLen: Float64Array;
  private readonly enLen: Float64Array;
  private readonly zhContent: Float64Array;
  private readonly enContent: Float64Array;
  readonly timed: boolean;
  readonly pair: PairMatches;
  private readonly namePair: PairMatches;
  /** Shape priors indexed a·8 + b (a string key per call would dominate the run time). */
  private readonly prior = new Float64Array(64).fill(4);
  private readonly zhNumbers: Float64Array;
  private readonly enNumbers: Float64Array;
  private readonly enNames: Float64Array;

  constructor(
    readonly zh: SideFeatures,
    readonly en: SideFeatures,
    readonly params: CostParams,
    pairs: { lexical: PairMatches; names: PairMatches },
    readonly lag = 0,
  ) {
    this.pair = pairs.lexical;
    this.namePair = pairs.names;
    this.zhLen = prefix(zh.length);
    this.enLen = prefix(en.length);
    this.zhContent = prefix(zh.content);
    this.enContent = prefix(en.content);
    this.timed = allTimed(zh) && allTimed(en);
    this.zhNumbers = prefix(Float64Array.from(zh.numbers, (x) => x.length));
    this.enNumbers = prefix(Float64Array.from(en.numbers, (x) => x.length));
    this.enNames = prefix(Float64Array.from(en.names, (x) => x.length));
    for (const [shape, value] of Object.entries(params.priors)) {
      const [a, b] = shape.split('-').map(Number);
      if (a! < 8 && b! < 8) this.prior[a! * 8 + b!] = value;
    }
  }

  /** Dice coefficient of lexical matches for I = [i0, i1), J = [j0, j1). */
  dice(i0: number, i1: number, j0: number, j1: number): number {
    const wz = this.zhContent[i1]! - this.zhContent[i0]!;
    const we = this.enContent[j1]! - this.enContent[j0]!;
    if (wz + we === 0) return 0.25;
    return (2 * this.matched(i0, i1, j0, j1)) / (wz + we);
  }

  /** Matched content items of the bead (each pair's matches capped by both sides' content counts). */
  matched(i0: number, i1: number, j0: number, j1: number): number {
    const wz = this.zhContent[i1]! - this.zhContent[i0]!;
    const we = this.enContent[j1]! - this.enContent[j0]!;
    let matched = 0;
    for (let p = i0; p < i1; p++) {
      for (let q = j0; q < j1; q++) matched += Math.min(this.pair(p, q), this.zh.content[p]!, this.en.content[q]!);
    }
    return Math.min(matched, wz, we);
  }

  /** Additive lexical evidence: reward per matched item, penalty per unmatched content item. */
  lexical(i0: number, i1: number, j0: number, j1: number): number {
    const wz = this.zhContent[i1]! - this.zhContent[i0]!;
    const we = this.enContent[j1]! - this.enContent[j0]!;
    const m = this.matched(i0, i1, j0, j1);
    const dice = wz + we === 0 ? 0.25 : (2 * m) / (wz + we);
    return this.params.wLex * m - this.params.wMiss * (wz + we - 2 * m) + this.params.wDice * dice;
  }

  /** Squared length z-score of the bead (capped at 25); 0 for a skip. */
  lengthZ2(i0: number, i1: number, j0: number, j1: number): number {
    if (i1 === i0 || j1 === j0) return 0;
    const P = this.params;
    const lz = this.zhLen[i1]! - this.zhLen[i0]!;
    const le = this.enLen[j1]! - this.enLen[j0]!;
    const z = Math.log((le + P.smoothing) / (P.ratio * lz + P.smoothing)) / P.sigma;
    return Math.min(z * z, 25);
  }

  /** Cost of the bead I = [i0, i1), J = [j0, j1); one side may be empty (a skip). */
  cost(i0: number, i1: number, j0: number, j1: number): number {
    const a = i1 - i0;
    const b = j1 - j0;
    const P = this.params;
    if (a === 0 || b === 0) return P.skip;
    let c = a < 8 && b < 8 ? this.prior[a * 8 + b]! : 4;
    c += (P.wLen * this.lengthZ2(i0, i1, j0, j1)) / 2;
    c -= this.lexical(i0, i1, j0, j1);
    c += this.anchorCost(i0, i1, j0, j1);
    if (this.timed) c += this.timeCost(i0, i1, j0, j1);
    return c;
  }

  private anchorCost(i0: number, i1: number, j0: number, j1: number): number {
    const P = this.params;
    let c = 0;
    const zhNums = this.zhNumbers[i1]! - this.zhNumbers[i0]!;
    const enNums = this.enNumbers[j1]! - this.enNumbers[j0]!;
    let matched = 0;
    if (zhNums > 0 && enNums > 0) {
      for (let p = i0; p < i1; p++) {
        for (const n of this.zh.numbers[p]!) {
          let found = false;
          for (let q = j0; q < j1 && !found; q++) found = this.en.numbers[q]!.includes(n);
          if (found) matched++;
        }
      }
    }
    if (zhNums + enNums > 0) {
      matched = Math.min(matched, enNums);
      c += -P.wNum * matched + P.wNumMiss * Math.min(4, zhNums + enNums - 2 * matched);
    }
    if (this.enNames[j1]! > this.enNames[j0]!) {
      let names = 0;
      for (let p = i0; p < i1; p++) for (let q = j0; q < j1; q++) names += this.namePair(p, q);
      c -= P.wName * Math.min(3, names);
    }
    const zhP = this.zh.punct[i1 - 1]!;
    const enP = this.en.punct[j1 - 1]!;
    if ((zhP & 1) !== (enP & 1)) c += P.wPunct;
    return c;
  }

  private timeCost(i0: number, i1: number, j0: number, j1: number): number {
    const P = this.params;
    const zs = this.zh.start[i0]!;
    const ze = this.zh.end[i1 - 1]!;
    const es = this.en.start[j0]! - this.lag;
    const ee = this.en.end[j1 - 1]! - this.lag;
    const overlap = Math.max(0, Math.min(ze, ee) - Math.max(zs, es));
    const union = Math.max(ze, ee) - Math.min(zs, es);
    const iou = union > 0 ? overlap / union : 0;
    const gap = Math.max(0, es - ze, zs - ee) / 1000;
    return P.wTime * (1 - iou) + P.wGap * Math.min(gap, 20);
  }
}

function prefix(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i]! + values[i]!;
  return out;
}

/** True when every sentence of the side has a start and an end. */
export function allTimed(side: SideFeatures): boolean {
  if (side.count === 0) return false;
  for (let i = 0; i < side.count; i++) if (Number.isNaN(side.start[i]!) || Number.isNaN(side.end[i]!)) return false;
  return true;
}
