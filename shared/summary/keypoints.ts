/**
 * Extractive key points and keywords for one section.
 *
 * Sentences: the section's clause units joined up to each sentence end, clean text. Candidates are
 * sentences of readable length (12-160 Han characters or 8-60 English words) with no unresolved
 * hallucination/garble flag. Words: `Intl.Segmenter` word segments (zh or en), lower-cased, without
 * stop words, single Han characters and numbers.
 *
 * Ranking: TextRank (Mihalcea & Tarau 2004) — a graph whose edge weight between two sentences is the number
 * of shared words over log|a| + log|b|, scored by damped PageRank (d = 0.85, 30 iterations). The graph is
 * bounded: a section with more than MAX_RANKED candidates first keeps the MAX_RANKED most central ones by the
 * linear centroid score (shared words with the section's word frequencies), so the cost per section is at
 * most MAX_RANKED² and a 15 MB input stays linear. Each sentence is word-segmented once (its words also feed
 * the keywords). Scores are scaled down for disfluent sentences (a high share
 * of 呃/啊/那么/这个 and repeated characters), then the top 3-5 are returned in spoken order.
 *
 * Keywords: words by tf × idf across sections (idf over the session's sections), at least two occurrences.
 */
import type { KeyPoint } from './types';
import type { Unit } from './units';

export interface Sentence {
  text: string;
  blocked: boolean;
  line: number;
  segment: number;
  /** Content words (contentWords), computed once and shared by key points and keywords. */
  words: string[];
}

const STOP_ZH = new Set('我们 你们 他们 她们 它们 这个 那个 这些 那些 一个 一些 就是 然后 那么 所以 因为 但是 而且 如果 还是 可以 可能 应该 非常 我们的 他的 它的 自己 什么 怎么 这样 那样 这种 那种 一下 一点 比如 比如说 其实 当然 现在 今天 已经 没有 不是 也是 还有 以及 之间 之后 之前 方面 问题 大家 时候 的话 呢 啊 呃 嗯 吧 是吧 对吧 这里 那里 觉得 认为 提到 刚才 特别 一样 很多 更多 需要 进行 通过 对于 关于 包括 其中 另外 同时'.split(' '));
const STOP_EN = new Set('the a an and or but of to in on for with as at by from is are was were be been being it its this that these those we you they he she i our your their his her them us not no so if then than there here what which who whom how why when can could will would should may might must do does did have has had just also very really more most some any all about into over such like well okay ok yes thank thanks'.split(' '));
const FILLER_G = /[呃啊嗯哦]|那么|这个|就是|一个一个/gu;

let zhSegmenter: Intl.Segmenter | null = null;
let enSegmenter: Intl.Segmenter | null = null;

/**
 * Content words of a text: Intl.Segmenter words without stop words, single Han characters or numbers. The
 * text is segmented in pieces of at most PIECE code units cut at punctuation (ICU's word segmenter slows down
 * sharply on long strings: 150 KB in one call takes seconds, in clause-sized pieces ~40 ms).
 */
export function contentWords(text: string): string[] {
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  enSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  const out: string[] = [];
  for (const piece of pieces(text)) {
    const seg = HAN.test(piece) ? zhSegmenter : enSegmenter;
    for (const s of seg.segment(piece)) {
      if (!s.isWordLike) continue;
      const w = s.segment.toLowerCase();
      if (/^\d+$/.test(w)) continue;
      const han = HAN.test(w);
      if (han ? [...w].length < 2 || STOP_ZH.has(w) : w.length < 3 || STOP_EN.has(w)) continue;
      out.push(w);
    }
  }
  return out;
}

const PIECE = 120;
const HAN = /\p{Script=Han}/u;

/** Clause-sized pieces of a text (cut after punctuation, or hard at PIECE code units outside a surrogate pair). */
function* pieces(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE);
    if (end < text.length) {
      const slice = text.slice(start, end);
      const cut = Math.max(slice.search(/[。！？；，,.!?;\s][^。！？；，,.!?;\s]*$/u), 0);
      if (cut > 0) end = start + cut + 1;
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    }
    yield text.slice(start, end);
    start = end;
  }
}

/** Joins a section's clause units into sentences (clean text). */
export function sentencesOf(units: readonly Unit[]): Sentence[] {
  const out: Sentence[] = [];
  let current: Sentence | null = null;
  for (const u of units) {
    if (!current) current = { text: '', blocked: false, line: u.line, segment: u.segment, words: [] };
    current.text += u.clean;
    current.blocked ||= u.blocked;
    if (u.sentenceEnd) {
      current.text = current.text.trim();
      if (current.text) out.push({ ...current, words: contentWords(current.text) });
      current = null;
    }
  }
  if (current && current.text.trim()) out.push({ ...current, text: current.text.trim(), words: contentWords(current.text) });
  return out;
}

function readable(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 12) return han <= 160;
  const words = text.split(/\s+/).filter(Boolean).length;
  return han === 0 && words >= 8 && words <= 60;
}

function fluency(text: string): number {
  const chars = [...text].length || 1;
  const fillers = (text.match(FILLER_G)?.join('').length ?? 0) / chars;
  const repeats = (text.match(/(\p{Script=Han}{1,2})\1/gu)?.length ?? 0) / chars;
  return Math.max(0.2, 1 - 2 * fillers - 4 * repeats);
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

function textRank(bags: readonly Set<string>[]): number[] {
  const n = bags.length;
  const weights: number[][] = bags.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const shared = overlap(bags[i]!, bags[j]!);
      if (shared === 0) continue;
      const w = shared / (Math.log(bags[i]!.size + 1) + Math.log(bags[j]!.size + 1));
      weights[i]![j] = w;
      weights[j]![i] = w;
    }
  }
  const out = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let score = new Array<number>(n).fill(1);
  for (let iter = 0; iter < 30; iter++) {
    const next = new Array<number>(n).fill(0.15);
    for (let j = 0; j < n; j++) {
      if (out[j] === 0) continue;
      const share = (0.85 * score[j]!) / out[j]!;
      for (let i = 0; i < n; i++) if (weights[j]![i]) next[i]! += weights[j]![i]! * share;
    }
    score = next;
  }
  return score;
}

function centroid(bags: readonly Set<string>[]): number[] {
  const freq = new Map<string, number>();
  for (const bag of bags) for (const w of bag) freq.set(w, (freq.get(w) ?? 0) + 1);
  return bags.map((bag) => {
    let s = 0;
    for (const w of bag) s += freq.get(w)! - 1;
    return s / Math.sqrt(bag.size + 1);
  });
}

/** How many key points a section of `count` candidate sentences gets. */
export function keyPointCount(count: number, max = 5): number {
  return Math.min(max, count < 12 ? 3 : count < 40 ? 4 : 5, count);
}

/** The section's key points, in spoken order (see the file comment). */
export function keyPoints(sentences: readonly Sentence[], times: (segment: number) => number | null, max?: number): KeyPoint[] {
  let candidates = sentences.filter((s) => !s.blocked && readable(s.text));
  if (candidates.length === 0) return [];
  const take = keyPointCount(candidates.length, max);
  if (candidates.length > MAX_RANKED) {
    // bound the quadratic graph: keep the sentences most central to the section's vocabulary (in order)
    const bags = candidates.map((s) => new Set(s.words));
    const pre = centroid(bags).map((score, i) => ({ i, score: score * fluency(candidates[i]!.text) }));
    const keep = new Set(pre.sort((a, b) => b.score - a.score || a.i - b.i).slice(0, MAX_RANKED).map((x) => x.i));
    candidates = candidates.filter((_, i) => keep.has(i));
  }
  const bags = candidates.map((s) => new Set(s.words));
  const raw = textRank(bags);
  const scored = candidates.map((s, i) => ({ s, i, score: raw[i]! * fluency(s.text) * (bags[i]!.size > 2 ? 1 : 0.3) }));
  const chosen = [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, take).sort((a, b) => a.i - b.i);
  return chosen.map(({ s }) => ({ text: s.text, start: times(s.segment), line: s.line }));
}

/** At most this many sentences of a section enter the TextRank graph (pre-selected by the centroid score). */
export const MAX_RANKED = 120;

/** Keywords per section by tf × idf over the session's sections (see the file comment). */
export function keywords(sectionsWords: readonly string[][], count = 6): string[][] {
  const df = new Map<string, number>();
  for (const words of sectionsWords) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sectionsWords.length;
  return sectionsWords.map((words) => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    return [...tf]
      .filter(([, c]) => c >= 2)
      .map(([w, c]) => ({ w, score: c * Math.log(1 + n / df.get(w)!) * (/\p{Script=Han}/u.test(w) ? [...w].length : 1.5) }))
      .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
      .slice(0, count)
      .map((x) => x.w);
  });
}
