/**
 * Lexicon check without a glossary: a three- or four-character span that is not a word but becomes a
 * well-known word or idiom when one character changes (莫顶之灾 → 灭顶之灾, 快率增长 → 快速增长, 插分隐私 →
 * 差分隐私 when the lexicon knows it).
 *
 * Index: target words of length 4 (any lexicon word) and of length 3 (frequent words only), stored once per
 * position with that character replaced by `*`. Scan: every Han window of length 3-4 that is not itself a word
 * is looked up with each position wildcarded. A hit must pass precision checks, because ordinary text is full
 * of non-word windows that straddle two words: the changed character must not form a common word with either
 * neighbour (inside or outside the window), the window must not start or end inside a longer lexicon word
 * that covers it, and a non-homophone change is allowed only into a four-character word that is frequent or
 * a CEDICT entry. Confidence stays low (0.3-0.55): these are suggestions for review, precision first.
 */
import type { CompactChineseLexicon } from '../lexicon/chinese';
import { formatPinyin, readPinyin } from './pinyin-key';

const HAN = /\p{Script=Han}/u;
const FUNCTION_CHARS = new Set([...'的了是在和与及或也都就这那我你他她它们个一不有为对从把被将以于等其中上下来去说要会能到时而并但还所如之']);

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

const syllables = new Map<string, string>();
/** Toneless reading of one character, cached. */
function syllableOf(ch: string): string {
  let s = syllables.get(ch);
  if (s === undefined) {
    s = readPinyin(ch).syllables[0] ?? '';
    syllables.set(ch, s);
  }
  return s;
}

/** Rank below which a word counts as common. */
const COMMON_RANK = 60000;

/** One-character-away index over a compact lexicon's three- and four-character words. */
export class NearWordIndex {
  private readonly wild = new Map<string, string[]>();

  constructor(private readonly lexicon: CompactChineseLexicon) {
    for (const word of lexicon.words) {
      if (word.length !== 3 && word.length !== 4) continue;
      if (!/^\p{Script=Han}+$/u.test(word)) continue;
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

  /** Finds near-word spans in one text (Han characters are single UTF-16 units in the BMP ranges used). */
  match(text: string): NearWordMatch[] {
    const out: NearWordMatch[] = [];
    let lastEnd = -1;
    for (let i = 0; i < text.length; i++) {
      for (const len of [4, 3]) {
        if (i < lastEnd) break;
        const win = text.slice(i, i + len);
        if (win.length !== len || ![...win].every((c) => HAN.test(c)) || [...win].length !== len) continue;
        if (this.lexicon.has(win)) continue;
        // the window must not cut a word at its edges (研究院院士 → 研究院院)
        const prev = text[i - 1] ?? '';
        const next = text[i + len] ?? '';
        if ((prev && this.common(prev + win[0]!)) || (next && this.common(win[len - 1]! + next))) continue;
        const m = this.check(text, i, win);
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
      const words = this.wild.get(win.slice(0, j) + '*' + win.slice(j + 1));
      if (!words) continue;
      const c = win[j]!;
      if (FUNCTION_CHARS.has(c)) continue;
      // the changed character must be an orphan: no common word with its neighbours
      const prev = text[at + j - 1] ?? '';
      const next = text[at + j + 1] ?? '';
      if ((prev && this.common(prev + c)) || (next && this.common(c + next))) continue;
      if (prev && next && this.lexicon.has(prev + c + next)) continue;
      for (const word of words) {
        const m = this.score(text, at, win, j, word);
        if (m && (!best || m.confidence > best.confidence)) best = m;
      }
    }
    return best;
  }

  private score(text: string, at: number, win: string, j: number, word: string): NearWordMatch | null {
    const newChar = word[j]!;
    if (FUNCTION_CHARS.has(newChar)) return null;
    const frequent = this.common(word);
    const homophone = syllableOf(win[j]!) === syllableOf(newChar);
    if (!homophone && (word.length !== 4 || !frequent)) return null;
    const rt = readPinyin(word);
    // a window glued to a longer word (外部性外 …) is a segmentation accident, not an error
    const before = text.slice(Math.max(0, at - 2), at);
    if (before.length === 2 && this.lexicon.has(before + win.slice(0, 2))) return null;
    let conf = homophone ? 0.45 : 0.35;
    if (frequent) conf += 0.05;
    if (word.length === 4 && homophone) conf += 0.05;
    return {
      start: at + j,
      end: at + j + 1,
      text: win[j]!,
      suggestion: word[j]!,
      word,
      confidence: conf,
      reason: `${win} is not a word; ${word} is one ${homophone ? `homophone (${formatPinyin(rt, j, j + 1)})` : 'syllable'} away`,
    };
  }
}
