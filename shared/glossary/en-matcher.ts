/**
 * English glossary matcher: garbled or misheard Latin names and terms (`Qinhua University`, `tech mark`,
 * `sver Russellll`, `Benjo`, `Yoshi Banjo`, `GBT`) against the glossary's Latin forms. Candidates come from
 * en-index.ts (phonetic key and spelling-end buckets); acronyms are en-acronym.ts; this file scores.
 *
 * Scan: Latin tokens that touch (only spaces or a hyphen between) form runs; every window of one to four
 * tokens (never inside a URL or e-mail address) is compared with its candidates by a bounded edit distance
 * over collapsed letters (letters present and letter counts rule out most groups before it): spelling
 * similarity ≥ 0.8, or the same phonetic key and similarity ≥ 0.6. A window's spelling and letters grow one
 * token at a time; only a window starting with a form's leading letters is looked up among the forms. Windows
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
import { appendCollapsed, EnIndex, joinCollapsed, popCount, type EnMatch, type NamePart, type Target, type TokenInfo } from './en-index';
import { tokenize, type Token } from './en-tokens';
import type { GlossaryForm } from './glossary';
import { countLetters, countsApart, editDistance, editDistanceWithin, joinKeys, phoneticKeyOfWords } from './phonetic';

export type { EnMatch } from './en-index';

export interface EnMatcherOptions {
  /** Ordinary English words (lower case); such tokens need stronger evidence. */
  isWord?: (word: string) => boolean;
}

/** Lowest confidence the matcher reports. */
export const EN_MIN_CONFIDENCE = 0.4;

/** The tokens of one text with their infos and texts (index-aligned), as the scan reads them. */
interface Scan {
  text: string;
  tokens: Token[];
  infos: TokenInfo[];
  texts: string[];
}

/** Phonetic/spelling matcher over the Latin forms of a glossary (the index is en-index.ts). */
export class EnMatcher {
  private readonly index: EnIndex;
  /** Per distinct `NamePart.leftId`: the window stamp of the last growLeft, and its result (-1: null). */
  private leftStamp = new Int32Array(0);
  private leftFirst = new Int32Array(0);
  /** Letter counts of the window being compared (for `countsApart`), and whether they are filled yet. */
  private readonly counts = new Int32Array(26);
  private countsReady = false;
  readonly size: number;

  constructor(forms: readonly GlossaryForm[], options: EnMatcherOptions = {}) {
    const isWord = options.isWord ?? (() => false);
    this.index = new EnIndex(forms, isWord);
    this.size = this.index.forms.size;
    this.leftStamp = new Int32Array(this.index.leftIdCount).fill(-1);
    this.leftFirst = new Int32Array(this.index.leftIdCount);
  }

  /** Finds garbled spellings of glossary forms in one text. */
  match(text: string): EnMatch[] {
    if (this.size === 0) return [];
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const index = this.index;
    // arrays built by push, as everywhere else in the matcher: V8 then sees one kind of array (map() may not)
    const scan: Scan = { text, tokens, infos: [], texts: [] };
    for (const t of tokens) {
      scan.infos.push(index.info(t.text));
      scan.texts.push(t.text);
    }
    const out: EnMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      // the window's collapsed spelling, letters and (mostly) key grow one token at a time
      let joined = '';
      let letters = 0;
      let key: string | null = null;
      for (let n = 1; n <= 4 && n <= index.maxWords && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1]!;
        if (n > 1 && !last.joinsPrev) break;
        const inf = scan.infos[i + n - 1]!;
        joined = appendCollapsed(joined, inf.collapsed);
        letters |= inf.letters;
        if (index.mayStartForm(scan.infos[i]!) && index.lowerForms.has(text.slice(tokens[i]!.start, last.end).toLowerCase())) break;
        // a window that holds a correctly spelled form plus a neighbour (`of AI governance`) is not garbled
        if (n > 1 && index.mayStartForm(scan.infos[i + 1]!) && index.lowerForms.has(text.slice(tokens[i + 1]!.start, last.end).toLowerCase())) {
          key = null;
          continue;
        }
        key = n === 1 ? inf.key : windowKey(scan, i, n, key);
        this.compareWindow(scan, i, n, joined, letters, key, out);
      }
      matchAcronym(tokens, i, index.acronyms, index.forms, out);
      matchSpelled(text, tokens, i, index.acronyms, out);
    }
    return pickBest(out);
  }

  /** Compares the window of `n` tokens from `at` (spelled `joined`, holding `letters`) with its candidates. */
  private compareWindow(scan: Scan, at: number, n: number, joined: string, letters: number, key: string, out: EnMatch[]): void {
    // an all-caps token is an acronym: only the acronym rule may correct it (MIT is not Matt)
    if (n === 1 && /^[A-Z]{2,6}$/.test(scan.texts[at]!)) return;
    if (joined.length < 4) return;
    let ordinary = true;
    for (let k = at; k < at + n && ordinary; k++) ordinary = this.index.ordinary(scan.infos[k]!);
    const single = ordinary && n === 1;
    this.countsReady = false;
    for (const g of this.index.candidates(joined, key)) {
      if (n > g.minWords + 1 || (single && !g.grows)) continue;
      const longer = Math.max(joined.length, g.joined.length);
      const phonEq = key.length >= 2 && key === g.key;
      // a word that sounds like a name's word may grow into the whole name sounding alike: more spelling slack
      const max = Math.floor((phonEq ? (g.grows ? 0.5 : 0.4) : 0.2) * longer);
      // each letter one spelling has and the other lacks costs an edit of its own
      if (Math.max(popCount(letters & ~g.letters), popCount(g.letters & ~letters)) > max) continue;
      let d = -1;
      for (const t of g.targets) {
        if (n > t.wordCount + 1) continue;
        // one ordinary word can only be the word of a longer name that grows leftwards (see below): check that
        // cheap condition before the edit distance
        const first = t.partOf ? this.grownFrom(scan, at, t.partOf) : null;
        if (single && first === null) continue;
        if (d < 0) d = this.distanceWithin(joined, g.joined, max);
        if (d > max) break;
        this.accept(scan, at, n, t, first, { joined, key, ordinary, phonEq, sim: 1 - d / longer }, out);
      }
    }
  }

  /** `editDistanceWithin` of the window's spelling and a group's, ruling most out by letter counts first. */
  private distanceWithin(joined: string, other: string, max: number): number {
    if (!this.countsReady) {
      countLetters(joined, this.counts);
      this.countsReady = true;
    }
    return countsApart(this.counts, joined.length, other, max) ? max + 1 : editDistanceWithin(joined, other, max);
  }

  private accept(scan: Scan, at: number, n: number, t: Target, first: number | null, w: WindowFacts, out: EnMatch[]): void {
    const { text, tokens, infos } = scan;
    const { joined, key, ordinary, phonEq, sim } = w;
    const part = t.partOf;
    let start = tokens[at]!.start;
    let suggestion = t.form;
    const grown = part !== undefined && first !== null;
    if (grown) {
      start = tokens[first]!.start;
      suggestion = part.form;
    }
    // every word sounds like the name's word (`Yoshi Banjo` → Yoshua Bengio): the whole name, very likely
    const soundsAll = grown && phonEq && soundsWordByWord(part, infos, first);
    if (sim < 0.6 && !soundsAll) return;
    if (ordinary) {
      // ordinary words are a misrecognised name only when several fuse into it by sound, or a word grows
      // into the rest of the name
      const fused = n > 1 && phonEq && sim >= 0.7;
      if (!(fused || (grown && sim >= 0.8) || soundsAll || (!part && sim >= 0.85 && n > 1))) return;
    }
    const end = tokens[at + n - 1]!.end;
    const original = text.slice(start, end);
    if (original.toLowerCase() === suggestion.toLowerCase()) return;
    // the span must be the misrecognised words only: a window whose edge word can go without losing similarity
    // (`of Tsinghua`, `Tsinghua and`) would delete a real word, and the shorter window is compared on its own
    if (!grown && n > 1 && (simOf(infos, at + 1, at + n, t) >= sim || simOf(infos, at, at + n - 1, t) >= sim)) return;
    let conf = 0.45 + 0.45 * sim + (phonEq ? 0.1 : 0) - (ordinary ? 0.2 : 0);
    if (joined === t.joined) conf = Math.max(conf, 0.6);
    if (soundsAll) conf = Math.max(conf, 0.88);
    conf = Math.min(0.92, conf);
    if (conf < EN_MIN_CONFIDENCE) return;
    const reasonTerm = part ? `${t.form} (${part.form})` : t.form;
    const how = soundsAll ? `sounds like ${part.form} word by word` : phonEq ? `sounds like ${reasonTerm} (${key})` :
      `spelled ${Math.round(sim * 100)}% like ${reasonTerm}`;
    out.push({
      start, end, text: text.slice(start, end), suggestion, term: part?.form ?? t.form, entry: t.entry,
      confidence: conf, reason: `${how} in glossary`,
    });
  }

  /** `growLeft` for a name's word, once per distinct `leftId` and window. */
  private grownFrom(scan: Scan, at: number, part: NamePart): number | null {
    const id = part.leftId;
    if (this.leftStamp[id] !== this.index.stamp) {
      this.leftStamp[id] = this.index.stamp;
      this.leftFirst[id] = growLeft(scan, at, part) ?? -1;
    }
    const first = this.leftFirst[id]!;
    return first < 0 ? null : first;
  }
}

/**
 * The phonetic key of tokens [at, at + n): from the key of the window one token shorter (`prev`, null when not
 * known) when no sound rule reads across the seam (joinKeys), else keyed from the token texts.
 */
function windowKey(scan: Scan, at: number, n: number, prev: string | null): string {
  const joined = prev === null ? null : joinKeys(prev, scan.texts[at + n - 2]!, scan.infos[at + n - 1]!.key);
  return joined ?? phoneticKeyOfWords(scan.texts, at, at + n);
}

/**
 * When a word of a longer name matched token `at`, grows the match leftwards over tokens whose first sound
 * matches the name's earlier words (first collapsed letter or first key unit); returns the first token index,
 * or null when nothing fits.
 */
function growLeft({ tokens, infos }: Scan, at: number, part: NamePart): number | null {
  if (part.index === 0) return null;
  let first = at;
  for (let w = part.index - 1; w >= 0; w--) {
    if (first === 0 || !tokens[first]!.joinsPrev) return null;
    const inf = infos[first - 1]!;
    const word = part.words[w]!;
    if (inf.collapsed[0] !== (word.collapsed[0] ?? '') && inf.key[0] !== (word.key[0] ?? '')) return null;
    first--;
  }
  return first;
}

/** Whether the tokens from `first` have, word by word, the keys of the name's words before the matched one. */
function soundsWordByWord(part: NamePart, infos: readonly TokenInfo[], first: number): boolean {
  for (let j = 0; j < part.index; j++) {
    const k = part.words[j]!.key;
    if (k.length < 2 || infos[first + j]!.key !== k) return false;
  }
  return true;
}

/** Spelling similarity of tokens [from, to) to a target (as in `compareWindow`, without a bound). */
function simOf(infos: readonly TokenInfo[], from: number, to: number, t: Target): number {
  const joined = joinCollapsed(infos, from, to);
  return 1 - editDistance(joined, t.joined) / Math.max(joined.length, t.joined.length, 1);
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
