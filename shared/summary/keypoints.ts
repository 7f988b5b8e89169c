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
 * Key points are shown without a leading spoken connective (那么所以…), capitalised when English.
 * Keywords: words and compounds by tf × idf across sections (see `keywords`), at least two occurrences.
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
  /** Adjacent Han word pairs (wordsOf), for keywords. */
  compounds: string[];
}

const STOP_ZH = new Set(('我们 你们 他们 她们 它们 这个 那个 这些 那些 一个 一些 就是 然后 那么 所以 因为 但是 而且 如果 还是 可以 可能 应该 非常 我们的 他的 它的 自己 什么 怎么 这样 那样 这种 那种 一下 一点 比如 比如说 其实 当然 现在 今天 已经 没有 不是 也是 还有 以及 之间 之后 之前 方面 问题 大家 时候 的话 呢 啊 呃 嗯 吧 是吧 对吧 这里 那里 觉得 认为 提到 刚才 特别 一样 很多 更多 需要 进行 通过 对于 关于 包括 其中 另外 同时 ' +
  '能够 里面 真的 我想 刚刚 第一个 第二个 第三个 各位 等等 先生 女士 教授 老师 感谢 谢谢 精彩 演讲 一下子 这么 可以说 应该说 来说 ' +
  '东西 事情 角度 部分 情况 地方 希望 一直 目前 所以说 我觉得 我认为 就是说 那就 这块 一块 这边 那边 一次 之一 方式 做到 来看 ' +
  '来讲 也好 确实 不光是 你是 听到 相信 整个 实际 回答 发现 强调 也就是 一种 咱们 总共有 到底 他是 她是 我要 而不是 当中 如何 很简单'
).split(' '));
const STOP_EN = new Set(('the a an and or but of to in on for with as at by from is are was were be been being it its this that these those we you they he she i our your their his her them us not no so if then than there here what which who whom how why when can could will would should may might must do does did have has had just also very really more most some any all about into over such like well okay ok yes thank thanks ' +
  'because think point way ways certain look let say said going get got know mean actually basically kind lot lots thing things ' +
  'much many need make made one two three first second third also would could see want still even maybe perhaps example instance ' +
  'sure something everyone people talk talking today question questions mentioned'
).split(' '));
const FILLER_G = /[呃啊嗯哦]|那么|这个|就是|一个一个|你比如说|比如说|所以说|是吧|对吧/gu;

let zhSegmenter: Intl.Segmenter | null = null;
let enSegmenter: Intl.Segmenter | null = null;

/**
 * Content words of a text: Intl.Segmenter words without stop words, single Han characters or numbers. The
 * text is segmented in pieces of at most PIECE code units cut at punctuation (ICU's word segmenter slows down
 * sharply on long strings: 150 KB in one call takes seconds, in clause-sized pieces ~40 ms).
 */
export function contentWords(text: string): string[] {
  return wordsOf(text).words;
}

/**
 * Content words and compound candidates of a text. A candidate is two adjacent content words, both Han, written
 * with nothing between them (`人工|智能`): Intl.Segmenter cuts many terms in two, and keywords read better whole.
 * Whether a candidate is a term is decided over the whole session (`keywords`).
 */
export function wordsOf(text: string): { words: string[]; compounds: string[] } {
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  enSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  const words: string[] = [];
  const compounds: string[] = [];
  for (const piece of pieces(text)) {
    const seg = HAN.test(piece) ? zhSegmenter : enSegmenter;
    let prev: { word: string; end: number } | null = null;
    for (const s of seg.segment(piece)) {
      if (!s.isWordLike) continue;
      const w = s.segment.toLowerCase();
      const han = HAN.test(w);
      const keep = !/^\d+$/.test(w) && (han ? [...w].length >= 2 && !STOP_ZH.has(w) : w.length >= 3 && !STOP_EN.has(w));
      if (!keep) {
        prev = null;
        continue;
      }
      words.push(w);
      if (han && prev && prev.end === s.index && [...prev.word].length + [...w].length <= 6) compounds.push(`${prev.word}${JOIN}${w}`);
      prev = han ? { word: w, end: s.index + s.segment.length } : null;
    }
  }
  return { words, compounds };
}

const PIECE = 120;
/** Separates the two words of a compound candidate. */
const JOIN = '|';
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
    if (!current) current = { text: '', blocked: false, line: u.line, segment: u.segment, words: [], compounds: [] };
    current.text += u.clean;
    current.blocked ||= u.blocked;
    if (u.sentenceEnd) {
      current.text = current.text.trim();
      if (current.text) out.push({ ...current, ...wordsOf(current.text) });
      current = null;
    }
  }
  if (current && current.text.trim()) out.push({ ...current, text: current.text.trim(), ...wordsOf(current.text) });
  return out;
}

function letters(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han + 2 * (text.match(/[A-Za-z]+/g)?.length ?? 0);
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
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return n;
}

/** Damped PageRank over the sentence graph, with edges kept as sparse adjacency lists. */
function textRank(bags: readonly Set<string>[]): number[] {
  const n = bags.length;
  const links: { to: number; w: number }[][] = bags.map(() => []);
  const out = new Array<number>(n).fill(0);
  const logs = bags.map((b) => Math.log(b.size + 1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const shared = overlap(bags[i]!, bags[j]!);
      if (shared === 0) continue;
      const w = shared / (logs[i]! + logs[j]!);
      links[i]!.push({ to: j, w });
      links[j]!.push({ to: i, w });
      out[i]! += w;
      out[j]! += w;
    }
  }
  let score = new Array<number>(n).fill(1);
  for (let iter = 0; iter < 30; iter++) {
    const next = new Array<number>(n).fill(0.15);
    for (let j = 0; j < n; j++) {
      if (out[j] === 0) continue;
      const share = (0.85 * score[j]!) / out[j]!;
      for (const { to, w } of links[j]!) next[to]! += w * share;
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
  // short sentences say little: up to 30 letters they weigh less (√ of their share)
  const scored = candidates.map((s, i) => ({ s, i, score: raw[i]! * fluency(s.text) * (bags[i]!.size > 2 ? 1 : 0.3) * Math.sqrt(Math.min(1, letters(s.text) / 30)) }));
  const chosen = [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, take).sort((a, b) => a.i - b.i);
  return chosen.map(({ s }) => ({ text: trimLead(s.text), start: times(s.segment), line: s.line }));
}

/** At most this many sentences of a section enter the TextRank graph (pre-selected by the centroid score). */
export const MAX_RANKED = 120;

/**
 * Keywords per section by tf × idf over the session's sections (idf = log((n + 1) / (df + 0.5)), so a word in
 * every section weighs almost nothing), at least two occurrences, longer Han words weigh more. A compound
 * candidate (`人工|智能`) is a term when, over the session, it accounts for most uses of its rarer word (so
 * 人工智能 is, 世界人工 is not); a term then replaces its words in the sections where it covers most of their uses.
 */
export function keywords(sections: readonly { words: readonly string[]; compounds: readonly string[] }[], count = 6): string[][] {
  const total = new Map<string, number>();
  for (const s of sections) for (const w of [...s.words, ...s.compounds]) total.set(w, (total.get(w) ?? 0) + 1);
  const terms = new Map<string, string>();
  for (const [c, uses] of total) {
    const [a, b] = c.split(JOIN);
    if (b === undefined || uses < 2) continue;
    if (uses >= 0.6 * Math.min(total.get(a!) ?? 0, total.get(b) ?? 0)) terms.set(c, a! + b);
  }
  const bags = sections.map((s) => [...s.words, ...s.compounds.filter((c) => terms.has(c)).map((c) => terms.get(c)!)]);
  const df = new Map<string, number>();
  for (const words of bags) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sections.length;
  return sections.map((section, k) => {
    const tf = new Map<string, number>();
    for (const w of bags[k]!) tf.set(w, (tf.get(w) ?? 0) + 1);
    const parts = new Set<string>();
    for (const c of new Set(section.compounds)) {
      const term = terms.get(c);
      const uses = term ? tf.get(term) ?? 0 : 0;
      if (uses < 2) continue;
      for (const w of c.split(JOIN)) if ((tf.get(w) ?? 0) <= 1.5 * uses) parts.add(w);
    }
    return [...tf]
      .filter(([w, c]) => c >= 2 && !parts.has(w))
      .map(([w, c]) => ({ w, score: c * Math.log((n + 1) / (df.get(w)! + 0.5)) * (HAN.test(w) ? Math.min([...w].length, 4) : 1.5) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
      .slice(0, count)
      .map((x) => x.w);
  });
}

/** A key point without the spoken connective it starts with (那么所以…, 好，, `and so`): it reads as a point. */
export function trimLead(text: string): string {
  const trimmed = text
    .replace(/^[呢吧嘛啦]+/u, '')
    .replace(/^(?:(?:那么|所以|然后|因此|而且|但是|其实|另外|就是说?)[，,、\s]*|(?:那|好|对|啊|呃|嗯|哦)[，,、\s]+)+/u, '')
    .replace(/^(?:(?:and|so|but|because|well|also|or|then)\b[,\s]*)+/iu, '');
  if (trimmed.length < text.length / 2) return text;
  return /^[a-z]/.test(trimmed) ? trimmed[0]!.toUpperCase() + trimmed.slice(1) : trimmed;
}
