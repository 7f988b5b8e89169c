/**
 * Small text helpers shared by the detector rules: character classes, punctuation roles, a word segmenter
 * (ICU's dictionary segmentation through `Intl.Segmenter`, built once), word checks that prefer the CEDICT
 * lexicon when the host passed one and fall back to ICU, and a per-run cache accessor.
 *
 * Everything here works on UTF-16 offsets of `raw`. Han, kana and Latin letters used by the rules are all in
 * the Basic Multilingual Plane, so one code unit is one character for them; emoji (astral) are handled with
 * `u`-flag regexes only.
 */
import type { ChineseLexicon, EnglishWords } from '../lexicon/types';
import { RESOURCE } from '../lexicon/types';
import type { DetectContext } from './rule';

/** A single Han character (BMP ideographs and extension A, which is what ASR output uses). */
export const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
/** Punctuation that ends a sentence, full-width or ASCII. */
export const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '.', '…']);
/** Punctuation that separates clauses inside a sentence. */
export const CLAUSE_SEP = new Set(['，', '、', '；', '：', ',', ';', ':']);

/** True when `ch` (one UTF-16 unit or character) is a Han ideograph. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN_CHAR.test(ch);
}

/** True when `ch` is a Latin letter (ASCII or Latin-1/Extended-A/B). */
export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_LETTER.test(ch);
}

/** True when `ch` is sentence or clause punctuation. */
export function isPunct(ch: string | undefined): boolean {
  return ch !== undefined && (SENTENCE_END.has(ch) || CLAUSE_SEP.has(ch));
}

/** True when position `i` of `text` starts a clause: the text start, after punctuation or a quote/bracket. */
export function atClauseStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && text[j] === ' ') j--;
  if (j < 0) return true;
  const ch = text[j]!;
  return isPunct(ch) || '“”"「」『』（）()《》'.includes(ch);
}

let segmenter: Intl.Segmenter | null = null;

/** One ICU word segmenter for the whole process (construction costs more than segmenting a window). */
export function zhSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** A word of a segmented window, with offsets relative to the start of the segmented string. */
export interface WindowWord {
  text: string;
  start: number;
  end: number;
}

/** Segments a short string into words (keep inputs short: ICU is slow on very long strings). */
export function segmentWords(text: string): WindowWord[] {
  const out: WindowWord[] = [];
  for (const s of zhSegmenter().segment(text)) out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  return out;
}

/** Index in `words` (in offset order) of the word covering offset `at`, or -1: a binary search. */
export function wordIndexAt(words: readonly WindowWord[], at: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const w = words[mid]!;
    if (at < w.start) hi = mid - 1;
    else if (at >= w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The word of `words` that covers offset `at`. */
export function wordAt(words: readonly WindowWord[], at: number): WindowWord | undefined {
  const i = wordIndexAt(words, at);
  return i < 0 ? undefined : words[i];
}

/** Characters at which ICU's dictionary segmentation restarts anyway: words never span them. */
const CLAUSE_BREAK = new Set([...'，。！？、；：,.!?;:…“”"「」『』（）()《》 \t\n']);

/**
 * The words of the clause of `text` (a segment's raw text, or a rule's view of it) that contains offset `at`,
 * with offsets in `text`; the clause runs to and includes the next break character. Intl.Segmenter is the most
 * expensive call the detectors make, and dictionary segmentation restarts at punctuation and spaces, so
 * segmenting the clause gives the same words as segmenting the whole text, while clauses that hold no
 * candidate are never segmented. Each clause is segmented once per run and shared by every rule asking about
 * the same string; only the last few strings are kept (rules run segment by segment), so memory stays flat.
 */
export function wordsNear(ctx: DetectContext, text: string, at: number): readonly WindowWord[] {
  const cache = runCache(ctx, 'text-utils:words', () => new Map<string, Map<number, WindowWord[]>>());
  let clauses = cache.get(text);
  if (clauses === undefined) {
    clauses = new Map();
    cache.set(text, clauses);
    if (cache.size > 4) cache.delete(cache.keys().next().value!);
  }
  let start = Math.min(at, text.length);
  while (start > 0 && !CLAUSE_BREAK.has(text[start - 1]!)) start--;
  let words = clauses.get(start);
  if (words === undefined) {
    let end = start;
    while (end < text.length && !CLAUSE_BREAK.has(text[end]!)) end++;
    if (end < text.length) end++;
    words = segmentWords(text.slice(start, end));
    if (start > 0) {
      for (const w of words) {
        w.start += start;
        w.end += start;
      }
    }
    clauses.set(start, words);
  }
  return words;
}

/** The Chinese lexicon the host passed, if any. */
export function zhLexicon(ctx: DetectContext): ChineseLexicon | undefined {
  const lex = ctx.resources[RESOURCE.zhLexicon] as ChineseLexicon | undefined;
  return lex && typeof lex.has === 'function' ? lex : undefined;
}

/** The English word list the host passed, if any. */
export function enWords(ctx: DetectContext): EnglishWords | undefined {
  const words = ctx.resources[RESOURCE.enWords] as EnglishWords | undefined;
  return words && typeof words.has === 'function' ? words : undefined;
}

/**
 * True when `word` is a Chinese word: in the lexicon when there is one, otherwise when ICU's dictionary keeps
 * it as a single segment.
 */
export function isZhWord(word: string, ctx: DetectContext): boolean {
  const lex = zhLexicon(ctx);
  if (lex?.has(word)) return true;
  const segs = segmentWords(word);
  return segs.length === 1;
}

/** A value cached for the whole detection run under `key` (rules use their id as a prefix). */
export function runCache<T>(ctx: DetectContext, key: string, make: () => T): T {
  const cache = ctx.resources.cache;
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}

/** Rounds a confidence to three decimals and clamps it to 0..1. */
export function conf(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 1000) / 1000));
}
