/**
 * Subtitle cues from segments: at most two lines a cue, per-language line widths and reading speeds.
 *
 * The text is cut into atoms (cue-atoms.ts) that are never broken: words, numbers, tokens, with the
 * cost of a break after each. A dynamic programme over atom positions picks cue ends minimising
 *   Σ over cues (cueCost + 6·breakCost at the cue's end + underfill + too fast + too short/long
 *   + a penalty when a sentence starts inside the cue and the cue ends mid-clause),
 * where a cue is admissible only if it fits in `maxLines` lines of `maxLineWidth` columns (a Han
 * character is 2 columns: 18 Han or 36 Latin characters a line for Chinese, 42 for English). Inside
 * a cue, two lines are split at the best break that fits, weighing break cost against imbalance.
 * Cue times follow the words when the input has word times (or sub-segment anchors from automatic
 * timing); otherwise the segment's span is shared in proportion to speaking weight. The search looks
 * back at most as many atoms as fit in one cue, so it is linear in the text length.
 */
import type { Lang, Word } from '../model/segment';
import { atomize, type Atom, type AtomizeOptions } from './cue-atoms';
import { speechWeight } from './reading-speed';

/** What the splitter needs of a segment: its (clean) text, language and times. */
export interface CueSource {
  id: string;
  text: string;
  lang: Lang;
  start?: number;
  end?: number;
  /** Word times (or timed sub-segment anchors) inside the text, in order. */
  words?: readonly Word[];
}

/** One subtitle cue. Offsets are UTF-16 code units into the source text. */
export interface Cue {
  segmentId: string;
  text: string;
  lines: string[];
  startOffset: number;
  endOffset: number;
  start?: number;
  end?: number;
  /** Characters per second (Han characters or Latin letters), when timed. */
  cps?: number;
}

export interface CueOptions extends AtomizeOptions {
  /** Line width in columns per language (Han characters count 2). */
  maxLineWidth?: { zh: number; en: number };
  maxLines?: number;
  /** Reading speed limit in characters per second. */
  maxCps?: { zh: number; en: number };
  minDurationMs?: number;
  maxDurationMs?: number;
}

const DEFAULTS = {
  maxLineWidth: { zh: 36, en: 42 },
  maxLines: 2,
  maxCps: { zh: 9, en: 17 },
  minDurationMs: 833,
  maxDurationMs: 7000,
};

interface Resolved {
  lineWidth: number;
  maxLines: number;
  maxCps: number;
  minDur: number;
  maxDur: number;
}

function resolve(lang: Lang, o: CueOptions): Resolved {
  const key = lang === 'en' ? 'en' : 'zh';
  return {
    lineWidth: (o.maxLineWidth ?? DEFAULTS.maxLineWidth)[key],
    maxLines: o.maxLines ?? DEFAULTS.maxLines,
    maxCps: (o.maxCps ?? DEFAULTS.maxCps)[key],
    minDur: o.minDurationMs ?? DEFAULTS.minDurationMs,
    maxDur: o.maxDurationMs ?? DEFAULTS.maxDurationMs,
  };
}

/** Width of atoms [a, b) laid on one line (the last atom's trailing space dropped). */
function spanWidth(atoms: readonly Atom[], prefix: Float64Array, a: number, b: number): number {
  return prefix[b]! - prefix[a]! - atoms[b - 1]!.trailing;
}

/** Best split of atoms [a, b) into at most `maxLines` lines; null when it does not fit. */
function layoutLines(atoms: readonly Atom[], prefix: Float64Array, a: number, b: number, r: Resolved): { cost: number; breaks: number[] } | null {
  const whole = spanWidth(atoms, prefix, a, b);
  if (whole <= r.lineWidth) return { cost: 0, breaks: [] };
  if (r.maxLines < 2) return null;
  let best: { cost: number; breaks: number[] } | null = null;
  for (let k = a + 1; k < b; k++) {
    const w1 = spanWidth(atoms, prefix, a, k);
    const w2 = spanWidth(atoms, prefix, k, b);
    if (w1 > r.lineWidth) break;
    if (w2 > r.lineWidth) continue;
    // A bottom-heavy pair reads better than a top-heavy one.
    const imbalance = Math.abs(w1 - w2) / r.lineWidth + (w1 > w2 ? 0.1 : 0);
    const cost = atoms[k - 1]!.breakCost * 3 + imbalance * 4;
    if (!best || cost < best.cost) best = { cost, breaks: [k] };
  }
  return best;
}

/** Reading characters: Han characters and Latin letters/digits. */
function readingChars(text: string): number {
  return text.match(/[\p{Script=Han}\p{L}\p{Nd}]/gu)?.length ?? 0;
}

/** Splits one segment into cues. */
export function splitCues(source: CueSource, options: CueOptions = {}): Cue[] {
  const atoms = atomize(source.text, { isWord: options.isWord });
  if (atoms.length === 0 || source.text.trim() === '') return [];
  const r = resolve(source.lang, options);
  const n = atoms.length;
  const prefix = new Float64Array(n + 1);
  const weight = new Float64Array(n + 1);
  const chars = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i]! + atoms[i]!.width + atoms[i]!.trailing;
    weight[i + 1] = weight[i]! + speechWeight(atoms[i]!.text);
    chars[i + 1] = chars[i]! + readingChars(atoms[i]!.text);
  }
  const timeAt = atomTimer(source, atoms, weight);
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let b = 1; b <= n; b++) {
    for (let a = b - 1; a >= 0; a--) {
      if (spanWidth(atoms, prefix, a, b) > r.lineWidth * r.maxLines && a < b - 1) break;
      if (best[a] === Infinity) continue;
      const layout = layoutLines(atoms, prefix, a, b, r);
      // A single atom wider than the limit still has to go somewhere: it becomes its own cue.
      const cost = best[a]! + cueCost(atoms, prefix, chars, a, b, r, layout?.cost ?? 50, timeAt);
      if (cost < best[b]!) {
        best[b] = cost;
        from[b] = a;
      }
    }
  }
  const ends: number[] = [];
  for (let b = n; b > 0; b = from[b]!) ends.unshift(b);
  const cues: Cue[] = [];
  let a = 0;
  for (const b of ends) {
    cues.push(buildCue(source, atoms, prefix, a, b, r, timeAt));
    a = b;
  }
  return cues;
}

function cueCost(atoms: readonly Atom[], prefix: Float64Array, chars: Float64Array, a: number, b: number, r: Resolved, layoutCost: number, timeAt: TimeAt): number {
  const width = spanWidth(atoms, prefix, a, b);
  let cost = 10 + atoms[b - 1]!.breakCost * 6 + layoutCost;
  // A sentence that starts inside a cue should end in it: a cue holding a sentence end and then the
  // beginning of the next sentence, cut mid-clause, reads badly.
  if (atoms[b - 1]!.breakCost > 1 && sentenceEndBefore(atoms, a, b - 1)) cost += 12;
  const fill = width / (r.lineWidth * r.maxLines);
  if (fill < 0.35) cost += (0.35 - fill) * 30;
  const t0 = timeAt.start(a);
  const t1 = timeAt.end(b);
  if (t0 !== undefined && t1 !== undefined) {
    const dur = t1 - t0;
    if (dur < r.minDur) cost += 15 * (1 - dur / r.minDur);
    if (dur > r.maxDur) cost += ((dur - r.maxDur) / 1000) * 3;
    const cps = (chars[b]! - chars[a]!) / Math.max(0.1, dur / 1000);
    if (cps > r.maxCps) cost += (cps / r.maxCps - 1) * 10;
  }
  return cost;
}

/** True when an atom in [a, last) ends a sentence. */
function sentenceEndBefore(atoms: readonly Atom[], a: number, last: number): boolean {
  for (let i = a; i < last; i++) if (atoms[i]!.breakCost === 0) return true;
  return false;
}

function buildCue(source: CueSource, atoms: readonly Atom[], prefix: Float64Array, a: number, b: number, r: Resolved, timeAt: TimeAt): Cue {
  const layout = layoutLines(atoms, prefix, a, b, r);
  const cuts = [a, ...(layout?.breaks ?? []), b];
  const lines: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) lines.push(atoms.slice(cuts[i], cuts[i + 1]).map((x) => x.text).join('').trim());
  const startOffset = atoms[a]!.start;
  const endOffset = atoms[b - 1]!.end;
  const text = source.text.slice(startOffset, endOffset).trim();
  const cue: Cue = { segmentId: source.id, text, lines, startOffset, endOffset };
  const t0 = timeAt.start(a);
  const t1 = timeAt.end(b);
  if (t0 !== undefined && t1 !== undefined) {
    cue.start = Math.round(t0);
    cue.end = Math.round(Math.max(t0, t1));
    cue.cps = Math.round((readingChars(text) / Math.max(0.001, (cue.end - cue.start) / 1000)) * 10) / 10;
  }
  return cue;
}

/** Times at atom boundaries: `start(i)` when atom i begins, `end(i)` when atom i-1 finishes. */
interface TimeAt {
  start(i: number): number | undefined;
  end(i: number): number | undefined;
}

function atomTimer(source: CueSource, atoms: readonly Atom[], weight: Float64Array): TimeAt {
  const { start, end } = source;
  if (start === undefined || end === undefined) return { start: () => undefined, end: () => undefined };
  const n = atoms.length;
  const total = weight[n]! || 1;
  const byWeight = (i: number) => start + ((end - start) * weight[i]!) / total;
  const anchors = wordAnchors(source);
  if (!anchors) return { start: byWeight, end: byWeight };
  return {
    start: (i) => (i === n ? end : anchors.startAt(atoms[i]!.start) ?? byWeight(i)),
    end: (i) => (i === 0 ? start : anchors.endAt(atoms[i - 1]!.start + atoms[i - 1]!.text.trimEnd().length) ?? byWeight(i)),
  };
}

/** Word times located in the text by searching forward for each word. */
function wordAnchors(source: CueSource): { startAt(offset: number): number | undefined; endAt(offset: number): number | undefined } | null {
  const words = source.words?.filter((w) => w.start !== undefined && w.end !== undefined && w.text.trim() !== '');
  if (!words || words.length === 0) return null;
  const spans: { from: number; to: number; start: number; end: number }[] = [];
  let cursor = 0;
  for (const w of words) {
    const at = source.text.indexOf(w.text.trim(), cursor);
    if (at < 0) continue;
    spans.push({ from: at, to: at + w.text.trim().length, start: w.start!, end: w.end! });
    cursor = at + w.text.trim().length;
  }
  if (spans.length === 0) return null;
  return {
    // The first word that ends after the offset starts the atom there.
    startAt(offset) {
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid]!.to > offset) hi = mid;
        else lo = mid + 1;
      }
      const span = spans[lo];
      if (!span) return undefined;
      // Inside a long word or anchor: interpolate by position.
      if (offset > span.from) return span.start + ((span.end - span.start) * (offset - span.from)) / Math.max(1, span.to - span.from);
      return span.start;
    },
    endAt(offset) {
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid]!.from < offset) lo = mid + 1;
        else hi = mid;
      }
      const span = spans[lo - 1];
      if (!span) return undefined;
      if (offset < span.to) return span.start + ((span.end - span.start) * (offset - span.from)) / Math.max(1, span.to - span.from);
      return span.end;
    },
  };
}

/** Splits every segment; cues come out in segment order. */
export function splitAllCues(sources: readonly CueSource[], options: CueOptions = {}): Cue[] {
  return sources.flatMap((s) => splitCues(s, options));
}
