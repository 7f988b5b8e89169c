/**
 * English glossary matcher: garbled or misheard Latin names and terms (`Qinhua University`, `tech mark`,
 * `sver Russellll`, `Benjo`, `Yoshi Banjo`, `GBT`) against the glossary's Latin forms. Candidates come from
 * en-index.ts (phonetic key and spelling-end buckets); acronyms are en-acronym.ts; this file scores.
 *
 * Scan: Latin tokens that touch (only spaces or a hyphen between) form runs; every window of one to four
 * tokens (never inside a URL or e-mail address) is compared with its candidates by a bounded edit distance
 * over collapsed letters: spelling similarity ≥ 0.8, or the same phonetic key and similarity ≥ 0.6. Windows
 * made only of ordinary English words need more: several words fusing into one name by sound (`tech mark`),
 * or a single word that grows into the rest of the name (`start` alone is not Stuart). A hit on one word of a
 * longer name grows leftwards over tokens whose first sound matches the name's earlier words (`sver
 * Russellll` → `Stuart Russell`); when every word has the key of the name's word (`Yoshi Banjo` → Yoshua
 * Bengio) spelling may differ more. A window is the misrecognised words only: when dropping its first or last
 * word loses no similarity (`of Tsinghua`, `Tsinghua and`), the word is real and the window is rejected, so
 * a suggestion never deletes it. A window that differs from a glossary form only in case is left alone
 * (TSINGHUA is not misheard); overlaps keep the most confident match.
 */
import { matchAcronym, matchSpelled } from './en-acronym';
import { EnIndex, joinCollapsed, letterMask, popCount, tokenize, type EnMatch, type Target, type Token, type TokenInfo } from './en-index';
import type { GlossaryForm } from './glossary';
import { editDistance, editDistanceWithin, phoneticKey } from './phonetic';

export type { EnMatch } from './en-index';

export interface EnMatcherOptions {
  /** Ordinary English words (lower case); such tokens need stronger evidence. */
  isWord?: (word: string) => boolean;
}

/** Lowest confidence the matcher reports. */
export const EN_MIN_CONFIDENCE = 0.4;

/** Phonetic/spelling matcher over the Latin forms of a glossary (the index is en-index.ts). */
export class EnMatcher {
  private readonly index: EnIndex;
  /** Per distinct `left`: the window stamp of the last growLeft, and its result (-1: null). */
  private leftStamp = new Int32Array(0);
  private leftFirst = new Int32Array(0);
  readonly size: number;

  constructor(forms: readonly GlossaryForm[], options: EnMatcherOptions = {}) {
    const isWord = options.isWord ?? (() => false);
    this.index = new EnIndex(forms, isWord);
    this.size = this.index.forms.size;
    this.leftStamp = new Int32Array(this.index.leftIds.size).fill(-1);
    this.leftFirst = new Int32Array(this.index.leftIds.size);
  }

  private info(text: string): TokenInfo {
    return this.index.info(text);
  }

  /** Finds garbled spellings of glossary forms in one text. */
  match(text: string): EnMatch[] {
    if (this.size === 0) return [];
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const out: EnMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= 4 && n <= this.index.maxWords && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1]!;
        if (n > 1 && !last.joinsPrev) break;
        const windowText = text.slice(tokens[i]!.start, last.end).toLowerCase();
        if (this.index.lowerForms.has(windowText)) break;
        // a window that holds a correctly spelled form plus a neighbour (`of AI governance`) is not garbled
        if (n > 1 && this.index.lowerForms.has(text.slice(tokens[i + 1]!.start, last.end).toLowerCase())) continue;
        this.compareWindow(text, tokens, i, tokens.slice(i, i + n), out);
      }
      matchAcronym(tokens, i, this.index.acronyms, this.index.forms, out);
      matchSpelled(text, tokens, i, this.index.acronyms, out);
    }
    return pickBest(out);
  }

  private compareWindow(text: string, tokens: Token[], i: number, win: Token[], out: EnMatch[]): void {
    // an all-caps token is an acronym: only the acronym rule may correct it (MIT is not Matt)
    if (win.length === 1 && /^[A-Z]{2,6}$/.test(win[0]!.text)) return;
    let raw = '';
    let ordinary = true;
    const infos: TokenInfo[] = [];
    for (const w of win) {
      const inf = this.info(w.text);
      infos.push(inf);
      raw += w.text;
      ordinary &&= inf.word;
    }
    const joined = joinCollapsed(infos);
    if (joined.length < 4) return;
    const key = win.length === 1 ? this.info(raw).key : phoneticKey(raw);
    const letters = letterMask(joined);
    const single = ordinary && win.length === 1;
    for (const g of this.index.candidates(joined, key)) {
      if (win.length > g.minWords + 1 || (single && !g.grows)) continue;
      const longer = Math.max(joined.length, g.joined.length);
      const phonEq = key.length >= 2 && key === g.key;
      // a word that sounds like a name's word may grow into the whole name sounding alike: more spelling slack
      const max = Math.floor((phonEq ? (g.grows ? 0.5 : 0.4) : 0.2) * longer);
      if ((popCount(letters ^ g.letters) + 1) >> 1 > max) continue;
      let d = -1;
      for (const t of g.targets) {
        if (win.length > t.words.length + 1) continue;
        // one ordinary word can only be the word of a longer name that grows leftwards (see below): check that
        // cheap condition before the edit distance
        const first = t.left ? this.grownFrom(tokens, i, t) : null;
        if (ordinary && win.length === 1 && first === null) continue;
        if (d < 0) d = editDistanceWithin(joined, g.joined, max);
        if (d > max) break;
        this.accept(text, win, t, first, { joined, key, ordinary, phonEq, sim: 1 - d / longer }, tokens, out);
      }
    }
  }

  private accept(text: string, win: Token[], t: Target, first: number | null, w: WindowFacts, tokens: Token[], out: EnMatch[]): void {
    const { joined, key, ordinary, phonEq, sim } = w;
    let start = win[0]!.start;
    let suggestion = t.form;
    const grown = t.partOf !== undefined && first !== null;
    if (grown) {
      start = tokens[first]!.start;
      suggestion = t.partOf!.form;
    }
    // every word sounds like the name's word (`Yoshi Banjo` → Yoshua Bengio): the whole name, very likely
    const soundsAll = grown && phonEq && t.leftKeys!.every((k, j) => k.length >= 2 && this.info(tokens[first + j]!.text).key === k);
    if (sim < 0.6 && !soundsAll) return;
    if (ordinary) {
      // ordinary words are a misrecognised name only when several fuse into it by sound, or a word grows
      // into the rest of the name
      const fused = win.length > 1 && phonEq && sim >= 0.7;
      if (!(fused || (grown && sim >= 0.8) || soundsAll || (!t.partOf && sim >= 0.85 && win.length > 1))) return;
    }
    const original = text.slice(start, win[win.length - 1]!.end);
    if (original.toLowerCase() === suggestion.toLowerCase()) return;
    // the span must be the misrecognised words only: a window whose edge word can go without losing similarity
    // (`of Tsinghua`, `Tsinghua and`) would delete a real word, and the shorter window is compared on its own
    if (!grown && win.length > 1 && (this.simOf(win.slice(1), t) >= sim || this.simOf(win.slice(0, -1), t) >= sim)) return;
    let conf = 0.45 + 0.45 * sim + (phonEq ? 0.1 : 0) - (ordinary ? 0.2 : 0);
    if (joined === t.joined) conf = Math.max(conf, 0.6);
    if (soundsAll) conf = Math.max(conf, 0.88);
    conf = Math.min(0.92, conf);
    if (conf < EN_MIN_CONFIDENCE) return;
    const reasonTerm = t.partOf ? `${t.form} (${t.partOf.form})` : t.form;
    const how = soundsAll ? `sounds like ${t.partOf!.form} word by word` : phonEq ? `sounds like ${reasonTerm} (${key})` :
      `spelled ${Math.round(sim * 100)}% like ${reasonTerm}`;
    const end = win[win.length - 1]!.end;
    out.push({
      start, end, text: text.slice(start, end), suggestion, term: t.partOf?.form ?? t.form, entry: t.entry,
      confidence: conf, reason: `${how} in glossary`,
    });
  }

  /** Spelling similarity of some tokens to a target (as in `compareWindow`, without a bound). */
  private simOf(win: Token[], t: Target): number {
    const joined = joinCollapsed(win.map((w) => this.info(w.text)));
    return 1 - editDistance(joined, t.joined) / Math.max(joined.length, t.joined.length, 1);
  }

  /** `growLeft` for a target, once per distinct `left` and window. */
  private grownFrom(tokens: Token[], at: number, t: Target): number | null {
    const id = t.leftId!;
    if (this.leftStamp[id] !== this.index.stamp) {
      this.leftStamp[id] = this.index.stamp;
      this.leftFirst[id] = this.growLeft(tokens, at, t.left!) ?? -1;
    }
    const first = this.leftFirst[id]!;
    return first < 0 ? null : first;
  }

  /**
   * When a word of a longer name matched token `at`, grows the match leftwards over tokens whose first sound
   * matches the name's earlier words (`left`); returns the first token index, or null when nothing fits.
   */
  private growLeft(tokens: Token[], at: number, left: { letter: string; unit: string }[]): number | null {
    if (left.length === 0) return null;
    let first = at;
    for (let w = left.length - 1; w >= 0; w--) {
      const tok = tokens[first - 1];
      if (!tok || !tokens[first]!.joinsPrev) return null;
      const inf = this.info(tok.text);
      if (inf.collapsed[0] !== left[w]!.letter && inf.key[0] !== left[w]!.unit) return null;
      first--;
    }
    return first;
  }
}

/** Facts about one window shared by its comparisons. */
interface WindowFacts {
  joined: string;
  key: string;
  ordinary: boolean;
  phonEq: boolean;
  sim: number;
}

function pickBest(matches: EnMatch[]): EnMatch[] {
  matches.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: EnMatch[] = [];
  for (const m of matches) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}
