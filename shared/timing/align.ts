/**
 * Automatic timing of untimed text against a recording.
 *
 * Stage 1, by length (`distributeOverSpeech`): the detected speech intervals are joined into one
 * speech timeline and each text unit gets a share proportional to its speaking weight
 * (reading-speed.ts). This needs no synthesis and is the fallback when no TTS is installed.
 *
 * Stage 2, forced alignment the aeneas way (`alignToSynthesis`): the host synthesises the units one
 * after another (espeak-ng, a separate process) and knows where each unit's speech lies in the
 * synthetic track. The synthetic track is first stretched to the tempo of the detected speech
 * (`matchTempo`), because DTW's step pattern favours the diagonal. MFCCs of both tracks (40 ms hop,
 * mean-normalised) are warped onto each other by multi-resolution DTW (dtw.ts): a full pass on blocks
 * of about a second, then a ±2 s corridor at 40 ms. In the fine pass the pauses between synthetic
 * units are gap columns: a real frame may wait there at half the typical distance between unrelated
 * frames, so applause or an untranscribed aside is passed over instead of being stretched into the
 * neighbouring sentence. A unit's start is the first real frame the path pairs with the unit's first
 * synthetic frame, its end the last real frame paired with its last one. Starts that land in detected
 * silence move forward to the next speech onset, ends in silence move back to the last offset
 * (within 1 s).
 *
 * Confidence per unit: how well the frames matched (mean path distance in the unit against the
 * median over the whole path) and whether its real duration is plausible against the synthetic one
 * (the global tempo ratio ±2×). A unit over a stretch with no speech gets a low confidence.
 *
 * Long untranscribed speech (a Q&A, an interpreter, a talk the transcript left out) is where the path
 * fails the worst, and the match cost does not show it: the coarse pass places the sentences after the
 * break *inside* it, where they match the other voice about as well as anywhere, then jumps the rest of
 * the break and stretches the next sentences to catch up. The jump itself is visible: two consecutive
 * units with far more detected speech between them than the synthetic track has (`lowerNearBreaks`).
 * Units in and near such a break get confidence ≤ 0.45, so a reviewer checks them.
 */
import type { Cepstra } from './mfcc';
import { blockAverage, multiResolutionDtw, type FeatureSequence, type WarpPath } from './dtw';
import { speechWithin, type SpeechInterval } from './vad';

/** A timed unit of text, ms, with confidence 0..1. */
export interface UnitTiming {
  start: number;
  end: number;
  confidence: number;
}

/** Where a unit's speech lies in the synthetic track, ms. */
export interface SynthUnit {
  start: number;
  end: number;
}

/** Shares the speech timeline between units in proportion to their weights. */
export function distributeOverSpeech(weights: readonly number[], speech: readonly SpeechInterval[], durationMs: number): UnitTiming[] {
  const intervals = speech.length ? speech : [{ start: 0, end: durationMs }];
  const total = intervals.reduce((a, s) => a + (s.end - s.start), 0);
  const weightSum = weights.reduce((a, w) => a + w, 0) || 1;
  // Maps a position on the joined speech timeline back to real time.
  let k = 0;
  let before = 0;
  const toReal = (pos: number, atStart: boolean): number => {
    while (k < intervals.length - 1 && (before + (intervals[k]!.end - intervals[k]!.start) < pos || (atStart && before + (intervals[k]!.end - intervals[k]!.start) === pos))) {
      before += intervals[k]!.end - intervals[k]!.start;
      k++;
    }
    const iv = intervals[k]!;
    return Math.min(iv.end, iv.start + (pos - before));
  };
  const out: UnitTiming[] = [];
  let acc = 0;
  for (const w of weights) {
    const a = (acc / weightSum) * total;
    acc += w;
    const b = (acc / weightSum) * total;
    const start = Math.round(toReal(a, true));
    const end = Math.max(start, Math.round(toReal(b, false)));
    out.push({ start, end, confidence: 0.3 });
  }
  return out;
}

export interface AlignOptions {
  /** Corridor half-width, ms (default 2000). */
  radiusMs?: number;
  /** Upper bound on coarse DTW cells (default 30 M), which sets the coarse block size. */
  maxCoarseCells?: number;
  /** Coarse block at least this long, ms (default 1000). */
  minBlockMs?: number;
  /** How far a boundary may move to meet detected speech, ms (default 1000). */
  snapMs?: number;
  /**
   * Cost of a real frame spent in a pause of the synthetic track (audio the text does not cover), as
   * a share of the median distance between unrelated frames, in the fine pass (default 0.5). Lower
   * lets untranscribed audio pass more easily; too low lets the path skip real speech.
   */
  fineGapShare?: number;
  /**
   * The same for the coarse pass (default: none). Measured on 159 min of degraded speech, cheap gaps
   * in ~2 s blocks made the coarse path drift (87% of starts within 250 ms against 96% without): a
   * block holding any pause became a cheap place to wait. The coarse pass crosses a long break by
   * stretching one block, which the fine pass then repairs within its corridor.
   */
  gapShare?: number;
  /**
   * Detected speech the text does not cover, adding up to at least this much along a run of units, is a
   * break (default 30 s); the units in and near it get a confidence below 0.5 (`lowerNearBreaks`).
   */
  breakSpeechMs?: number;
}

/** Median distance between random frame pairs of two sequences (deterministic sample). */
function typicalDistance(a: FeatureSequence, b: FeatureSequence, skip: number): number {
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const ds: number[] = [];
  for (let k = 0; k < 2000; k++) {
    const i = next(a.frames);
    const j = next(b.frames);
    let s = 0;
    for (let d = skip; d < a.dim; d++) s += (a.data[i * a.dim + d]! - b.data[j * b.dim + d]!) ** 2;
    ds.push(Math.sqrt(s));
  }
  return median(ds);
}

/** Gap costs per synthetic frame (pauses between units) and per coarse block. */
function gapCosts(real: Cepstra, synth: Cepstra, units: readonly SynthUnit[], factor: number, share: number, fineShare: number): { fine: Float32Array; coarse: Float32Array } {
  const fine = new Float32Array(synth.frames).fill(Infinity);
  const isGap = new Uint8Array(synth.frames).fill(1);
  for (const u of units) {
    for (let j = Math.floor(u.start / synth.hopMs); j < Math.min(synth.frames, Math.ceil(u.end / synth.hopMs)); j++) isGap[j] = 0;
  }
  const fineCost = fineShare * typicalDistance(real, synth, 1);
  const coarseCost = Number.isFinite(share) ? share * typicalDistance(blockAverage(real, factor), blockAverage(synth, factor), 1) : Infinity;
  const coarse = new Float32Array(Math.ceil(synth.frames / factor)).fill(Infinity);
  for (let j = 0; j < synth.frames; j++) {
    if (!isGap[j]) continue;
    fine[j] = fineCost;
    if (coarseCost < coarse[Math.floor(j / factor)]!) coarse[Math.floor(j / factor)] = coarseCost;
  }
  return { fine, coarse };
}

/** Aligns units to real audio through the synthetic track; see the file comment. */
export function alignToSynthesis(real: Cepstra, synthIn: Cepstra, unitsIn: readonly SynthUnit[], speech: readonly SpeechInterval[], options: AlignOptions = {}): UnitTiming[] {
  if (unitsIn.length === 0) return [];
  const { synth, units } = matchTempo(synthIn, unitsIn, speech);
  const hop = real.hopMs;
  // Blocks of about a second, but at least ~200 of them so short recordings keep a useful coarse pass.
  const minBlock = Math.max(1, Math.min(Math.round((options.minBlockMs ?? 1000) / hop), Math.floor(real.frames / 200)));
  const cells = real.frames * synth.frames;
  const factor = Math.max(minBlock, Math.ceil(Math.sqrt(cells / (options.maxCoarseCells ?? 30e6))));
  const radius = Math.max(Math.round((options.radiusMs ?? 2000) / hop), factor);
  const gaps = gapCosts(real, synth, units, factor, options.gapShare ?? Infinity, options.fineGapShare ?? 0.5);
  const path = multiResolutionDtw(real, synth, { factor, radius, skip: 1, gapCost: gaps.fine, coarseGapCost: gaps.coarse });
  const firstReal = new Int32Array(synth.frames).fill(-1);
  const lastReal = new Int32Array(synth.frames);
  for (let k = 0; k < path.a.length; k++) {
    const j = path.b[k]!;
    if (firstReal[j] === -1) firstReal[j] = path.a[k]!;
    lastReal[j] = path.a[k]!;
  }
  const snapMs = options.snapMs ?? 1000;
  const out: UnitTiming[] = [];
  for (const u of units) {
    const j0 = Math.min(synth.frames - 1, Math.max(0, Math.round(u.start / hop)));
    const j1 = Math.min(synth.frames - 1, Math.max(j0, Math.round(u.end / hop) - 1));
    let start = firstReal[j0]! * hop;
    let end = (lastReal[j1]! + 1) * hop;
    start = snapStart(start, speech, snapMs);
    end = Math.max(start, snapEnd(end, speech, snapMs));
    out.push({ start: Math.round(start), end: Math.round(end), confidence: 0 });
  }
  scoreUnits(out, units, path, speech, synth.hopMs);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    if (cur.start < prev.end) prev.end = Math.max(prev.start, cur.start);
  }
  lowerNearBreaks(out, units, speech, options);
  return out;
}

/**
 * Lowers the confidence of units next to a long stretch of speech the text does not cover (see the file
 * comment). From one unit's start to the next one's, the real audio should hold about as much speech as
 * the (tempo-matched) synthetic track has time there; the excess is untranscribed speech, whether the
 * path crossed it in one jump, by stretching a unit, or a little at every unit. A CUSUM over the excess
 * (1 s of slack a unit) finds the stretches where it keeps growing; one that adds up to `breakSpeechMs`
 * is a break. The units starting in it are doubted, and so are those up to its excess (20 s-3 min)
 * before it, where the coarse pass puts the sentences that follow the break, and 20 s after it.
 * Returns the breaks as [start, end] ms.
 */
export function lowerNearBreaks(out: UnitTiming[], synthUnits: readonly SynthUnit[], speech: readonly SpeechInterval[], options: Pick<AlignOptions, 'breakSpeechMs'> = {}): [number, number][] {
  const minSpeech = options.breakSpeechMs ?? 30_000;
  const breaks: { a: number; b: number; excess: number }[] = [];
  let sum = 0;
  let from = 0;
  let peak = { at: 0, sum: 0 };
  const close = () => {
    if (peak.sum >= minSpeech) breaks.push({ a: out[from]!.start, b: out[peak.at]!.start, excess: peak.sum });
    sum = 0;
    peak = { at: 0, sum: 0 };
  };
  for (let i = 1; i < out.length; i++) {
    const expected = synthUnits[i]!.start - synthUnits[i - 1]!.start;
    const excess = speechWithin(speech, out[i - 1]!.start, Math.max(out[i - 1]!.start, out[i]!.start)) - expected;
    if (sum === 0) from = i - 1;
    sum = Math.max(0, sum + excess - BREAK_SLACK_MS);
    if (sum > peak.sum) peak = { at: i, sum };
    if (sum === 0) close();
  }
  close();
  for (const { a, b, excess } of breaks) {
    const before = Math.min(BREAK_WINDOW_MAX_MS, Math.max(BREAK_WINDOW_MIN_MS, excess));
    for (const u of out) if (u.start > a - before && u.start < b + BREAK_WINDOW_MIN_MS) u.confidence = Math.min(BREAK_CONFIDENCE, Math.round(u.confidence * 60) / 100);
  }
  return breaks.map((x) => [x.a, x.b]);
}

const BREAK_SLACK_MS = 1_000;
const BREAK_WINDOW_MIN_MS = 20_000;
const BREAK_WINDOW_MAX_MS = 180_000;
const BREAK_CONFIDENCE = 0.45;

/**
 * Stretches the synthetic track in time so its speech lasts as long as the detected speech: the DTW
 * steps favour the diagonal, and a track at the wrong tempo otherwise slides into the pauses.
 */
export function matchTempo(synth: Cepstra, units: readonly SynthUnit[], speech: readonly SpeechInterval[]): { synth: Cepstra; units: SynthUnit[]; ratio: number } {
  const realSpeech = speech.reduce((a, s) => a + (s.end - s.start), 0);
  const synthSpeech = units.reduce((a, u) => a + (u.end - u.start), 0);
  if (realSpeech === 0 || synthSpeech === 0) return { synth, units: [...units], ratio: 1 };
  const ratio = Math.min(2, Math.max(0.5, realSpeech / synthSpeech));
  if (Math.abs(ratio - 1) < 0.03) return { synth, units: [...units], ratio: 1 };
  const frames = Math.max(1, Math.round(synth.frames * ratio));
  const data = new Float32Array(frames * synth.dim);
  for (let f = 0; f < frames; f++) {
    const src = Math.min(synth.frames - 1, Math.floor(f / ratio));
    data.set(synth.data.subarray(src * synth.dim, (src + 1) * synth.dim), f * synth.dim);
  }
  return { synth: { ...synth, data, frames }, units: units.map((u) => ({ start: u.start * ratio, end: u.end * ratio })), ratio };
}

function findInterval(speech: readonly SpeechInterval[], t: number): number {
  let lo = 0;
  let hi = speech.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (speech[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A start in silence moves to the next speech onset when it is near. */
function snapStart(t: number, speech: readonly SpeechInterval[], maxMs: number): number {
  const i = findInterval(speech, t);
  const iv = speech[i];
  if (!iv || iv.start <= t) return t;
  return iv.start - t <= maxMs ? iv.start : t;
}

/** An end in silence moves back to the previous speech offset when it is near. */
function snapEnd(t: number, speech: readonly SpeechInterval[], maxMs: number): number {
  const i = findInterval(speech, t);
  const iv = speech[i];
  if (iv && iv.start < t) return t;
  const prev = speech[i - 1];
  return prev && t - prev.end <= maxMs ? prev.end : t;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function scoreUnits(out: UnitTiming[], units: readonly SynthUnit[], path: WarpPath, speech: readonly SpeechInterval[], hopMs: number): void {
  const sampled: number[] = [];
  const step = Math.max(1, Math.floor(path.cost.length / 20000));
  for (let k = 0; k < path.cost.length; k += step) sampled.push(path.cost[k]!);
  const globalMedian = median(sampled) || 1;
  // Mean path cost per unit: walk the path once, units are in synthetic order.
  const sums = new Float64Array(units.length);
  const counts = new Float64Array(units.length);
  let u = 0;
  for (let k = 0; k < path.b.length; k++) {
    const tMs = path.b[k]! * hopMs;
    while (u < units.length - 1 && tMs >= units[u]!.end) u++;
    if (tMs >= units[u]!.start && tMs < units[u]!.end) {
      sums[u] = sums[u]! + path.cost[k]!;
      counts[u] = counts[u]! + 1;
    }
  }
  const tempos = out.map((o, i) => (o.end - o.start) / Math.max(1, units[i]!.end - units[i]!.start));
  const tempo = median(tempos) || 1;
  out.forEach((o, i) => {
    const match = counts[i] ? sums[i]! / counts[i] / globalMedian : 2;
    let c = Math.min(1, Math.max(0, 1.8 - match));
    const ratio = tempos[i]! / tempo;
    if (ratio > 2 || ratio < 0.5) c *= 0.5;
    const dur = o.end - o.start;
    if (dur <= 0 || speechWithin(speech, o.start, o.end) < 0.3 * dur) c *= 0.4;
    o.confidence = Math.round(c * 100) / 100;
  });
}
