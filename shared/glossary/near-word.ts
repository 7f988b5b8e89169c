/**
 * Lexicon check without a glossary: a three- or four-character span that is not a word but becomes a
 * well-known word or idiom when one character changes (莫顶之灾 → 灭顶之灾, 快率增长 → 快速增长, 四为一体 →
 * 四位一体).
 *
 * Index: target words of length 4 (any lexicon word with a frequency or in CEDICT) and of length 3 (frequent
 * words only), stored once per position with that character replaced by `*`; proper nouns (CEDICT's
 * capitalised readings: 共产国际, 埃因霍温) are never targets. The lexicon build ships this index
 * (zh-near.tsv, searched in place); without it the index is built here from the word list. Scan: every Han window of length 3-4 that is
 * not itself a word is looked up with each position wildcarded. Ordinary text is full of non-word windows
 * that straddle two words, so a hit must pass segmentation checks:
 * - the changed character is an orphan: it forms no lexicon word with a neighbour (中美关系 keeps 美), and no
 *   three- or four-character word reaching outside the window covers it (产业元宇宙 keeps 元);
 * - the window does not cut a common word at its edges, and is not a word plus a stray neighbour
 *   (一个大 is 一个 + 大, not 一个打);
 * - Intl.Segmenter does not read the changed character as part of a longer word (生存之地: 之地);
 * - the change sounds alike: the same syllable (homophone; the only change allowed for function characters),
 *   or, into a frequent four-character word or idiom, a syllable sharing its initial or final under some
 *   reading (莫 mo/灭 mie) — never an unrelated syllable (做进一步 is not 更进一步);
 * - not inside a transliterated foreign name (埃里克·里查德森).
 * Interjections are never the changed character. Confidence stays low (0.35-0.55): review only.
 */
import { pinyin } from 'pinyin-pro';
import type { CompactChineseLexicon } from '../lexicon/chinese';
import { formatPinyin, isBmpHanFrom3400, readPinyin, syllableDistance } from './pinyin-key';

const HAN = /\p{Script=Han}/u;
const FUNCTION_CHARS = new Set([...'的了是在和与及或也都就这那我你他她它们个一不有为对从把被将以于等其中上下来去说要会能到时而并但还所如之']);
const INTERJECTIONS = new Set([...'啊呃嗯哦吧呢吗哈嘛呀哎诶唉噢']);

/** A proposed one-character correction; offsets are UTF-16 units of the searched text. */
export interface NearWordMatch {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  word: string;
  confidence: number;
  reason: string;
}

const readings = new Map<string, string[]>();
/** Every toneless reading of one character (polyphones have several), cached. */
function readingsOf(ch: string): string[] {
  let list = readings.get(ch);
  if (list === undefined) {
    const all = pinyin(ch, { type: 'array', toneType: 'none', multiple: true, v: true });
    list = [...new Set(all.map((s) => s.replace(/ü/g, 'v')))];
    readings.set(ch, list);
  }
  return list;
}

/** Smallest syllable distance between any readings of two characters. */
function soundDistance(a: string, b: string): number {
  let best = 1;
  for (const x of readingsOf(a)) for (const y of readingsOf(b)) best = Math.min(best, syllableDistance(x, y));
  return best;
}

/** Rank below which a word counts as common. */
const COMMON_RANK = 60000;

/** One-character-away index over a compact lexicon's three- and four-character words. */
export class NearWordIndex {
  private readonly wild = new Map<string, string[]>();
  /** Start offsets of multi-character Intl.Segmenter words in the current text (computed on demand). */
  private words: Map<number, number> | null = null;

  constructor(private readonly lexicon: CompactChineseLexicon) {
    // the build ships this index (zh-near.tsv); only without it is it built here (~0.7 s)
    if (lexicon.hasNearIndex) return;
    for (const word of lexicon.words) {
      if (word.length !== 3 && word.length !== 4) continue;
      if (!/^\p{Script=Han}+$/u.test(word) || lexicon.isProperNoun(word)) continue;
      if (word.length === 3 && !this.common(word)) continue;
      for (let j = 0; j < word.length; j++) {
        const k = word.slice(0, j) + '*' + word.slice(j + 1);
        const list = this.wild.get(k);
        if (list) list.push(word);
        else this.wild.set(k, [word]);
      }
    }
  }

  private common(word: string): boolean {
    const r = this.lexicon.rank(word);
    return r !== undefined && r < COMMON_RANK;
  }

  /** `common(text.slice(from, to))` without the slice. */
  private commonAt(text: string, from: number, to: number): boolean {
    const r = this.lexicon.rankRange(text, from, to);
    return r !== undefined && r < COMMON_RANK;
  }

  /** Finds near-word spans in one text (Han characters are single UTF-16 units in the BMP ranges used). */
  match(text: string): NearWordMatch[] {
    const out: NearWordMatch[] = [];
    this.words = null;
    let lastEnd = -1;
    // per UTF-16 unit: how many BMP Han characters run from it (capped at 4), so a window is checked in O(1);
    // and, lazily, whether the unit and its successor form a common word (each pair is asked about up to 4 times)
    const han = new Uint8Array(text.length + 1);
    for (let p = text.length - 1; p >= 0; p--) {
      const c = text.charCodeAt(p);
      const isHan = isBmpHanFrom3400(c);
      han[p] = isHan ? Math.min(4, han[p + 1]! + 1) : 0;
    }
    const pair = new Int8Array(text.length).fill(-1);
    const commonPair = (p: number): boolean => {
      if (p < 0 || p + 1 >= text.length) return false;
      if (pair[p] === -1) pair[p] = this.commonAt(text, p, p + 2) ? 1 : 0;
      return pair[p] === 1;
    };
    const dotted = /[·•・]/.test(text);
    for (let i = 0; i < text.length; i++) {
      for (let len = 4; len >= 3; len--) {
        if (i < lastEnd) break;
        if (han[i]! < len || this.lexicon.hasRange(text, i, i + len)) continue;
        // the window must not cut a word at its edges (研究院院士 → 研究院院)
        if ((i > 0 && commonPair(i - 1)) || (i + len < text.length && commonPair(i + len - 1))) continue;
        if (dotted && /[·•・]/.test(text.slice(Math.max(0, i - 4), i + len + 4))) continue;
        const m = this.check(text, i, text.slice(i, i + len));
        if (m) {
          out.push(m);
          lastEnd = m.end;
          break;
        }
      }
    }
    return out;
  }

  private check(text: string, at: number, win: string): NearWordMatch | null {
    let best: NearWordMatch | null = null;
    for (let j = 0; j < win.length; j++) {
      const words = this.lexicon.hasNearIndex ? this.lexicon.nearWordsAt(text, at, at + win.length, at + j)
        : this.wild.get(win.slice(0, j) + '*' + win.slice(j + 1));
      if (!words) continue;
      const c = win[j]!;
      if (INTERJECTIONS.has(c) || !this.orphan(text, at, win.length, at + j)) continue;
      // a word plus a stray neighbour is explained already (一个 + 大)
      if ((j === 0 || j === win.length - 1) && this.common(j === 0 ? win.slice(1) : win.slice(0, -1))) continue;
      let found: NearWordMatch | null = null;
      for (const word of words) {
        const m = this.score(at, win, j, word);
        if (m && (!found || m.confidence > found.confidence)) found = m;
      }
      // segmentation is the costliest check: only for a position that has a match
      if (found && (!best || found.confidence > best.confidence) && !this.inSegmenterWord(text, at + j)) best = found;
    }
    return best;
  }

  /** True when Intl.Segmenter reads position `p` as part of a multi-character word (生存之地: 之地). */
  private inSegmenterWord(text: string, p: number): boolean {
    if (!this.words) {
      this.words = new Map();
      if (typeof Intl.Segmenter === 'function') {
        for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
          if (s.segment.length > 1 && s.isWordLike) this.words.set(s.index, s.index + s.segment.length);
        }
      }
    }
    for (let a = Math.max(0, p - 6); a <= p; a++) {
      const end = this.words.get(a);
      if (end !== undefined && end > p) return true;
    }
    return false;
  }

  /** True when no lexicon word covers position `p` together with a neighbour (see the file comment). */
  private orphan(text: string, at: number, len: number, p: number): boolean {
    const prev = text[p - 1] ?? '';
    const next = text[p + 1] ?? '';
    if ((prev && HAN.test(prev) && this.lexicon.hasRange(text, p - 1, p + 1)) || (next && HAN.test(next) && this.lexicon.hasRange(text, p, p + 2))) return false;
    for (let a = Math.max(0, p - 3); a <= p; a++) {
      for (let b = Math.max(p + 1, a + 3); b <= Math.min(text.length, a + 4); b++) {
        if (!(a >= at && b <= at + len) && this.lexicon.hasRange(text, a, b)) return false;
      }
    }
    return true;
  }

  private score(at: number, win: string, j: number, word: string): NearWordMatch | null {
    const oldChar = win[j]!;
    const newChar = word[j]!;
    if (INTERJECTIONS.has(newChar)) return null;
    const homophone = readingsOf(oldChar).some((s) => readingsOf(newChar).includes(s));
    if (!homophone && (FUNCTION_CHARS.has(oldChar) || FUNCTION_CHARS.has(newChar))) return null;
    const frequent = this.common(word);
    if (!homophone && (word.length !== 4 || !frequent || soundDistance(oldChar, newChar) > 0.6)) return null;
    if (homophone && word.length === 3 && !frequent) return null;
    const rt = readPinyin(word);
    let conf = homophone ? 0.45 : 0.35;
    if (frequent) conf += 0.05;
    if (word.length === 4 && homophone) conf += 0.05;
    return {
      start: at + j,
      end: at + j + 1,
      text: oldChar,
      suggestion: newChar,
      word,
      confidence: conf,
      reason: `${win} is not a word; ${word} is one ${homophone ? `homophone (${formatPinyin(rt, j, j + 1)})` : `similar syllable (${formatPinyin(readPinyin(win), j, j + 1)} → ${formatPinyin(rt, j, j + 1)})`} away`,
    };
  }
}
