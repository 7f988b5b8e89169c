/**
 * Chinese glossary matcher: finds spans that *sound like* a glossary term but are written differently
 * (姚继志 → 姚期智, 智理 → 治理, 高温院士 → 高文院士). Candidates come from zh-index.ts (pinyin keys, one
 * syllable of slack, a missing or swapped syllable) and zh-two-edits.ts (two edits in a long term); this file
 * scores them, with the segmentation and context checks of zh-checks.ts.
 *
 * Each candidate is scored: a base by length (longer is more distinctive), minus the pinyin distance (0
 * identical, 0.3 fuzzy pair, 0.6 half-syllable, 1 unrelated; one unrelated syllable weighs less in a long
 * term), tone agreement, plus a title after a name. With the lexicon, segmentation decides: a differing
 * character that belongs to a common word reaching outside the window (组织里 is not 治理, 花言巧语 is not 乔宇,
 * 形成一 is not 曾毅) is already explained and is dropped unless a title follows a name; a changed syllable
 * that is not a near-homophone and forms a common word inside the window (通过人工智能 is not 通用人工智能,
 * 人工智能机理 is not 人工智能治理) is dropped; a window that is itself a common word is penalised.
 * Interjections, and function characters unless near-homophones (的模型 is not 大模型), are never the
 * misheard part of a match. A missing syllable is accepted only where a character beside the gap forms no
 * word, never at the start, at the end only for a titled name; a swap only for a titled name or a longer
 * term whose first character is as written; both score below 0.9. Overlapping candidates: most confident
 * wins. The flag covers only the differing characters, so 国际智理研究院 becomes 智 → 治. Two edits in a long
 * term (芳华卫视 → 凤凰卫视, 新政重书 → 新征程丛书) need the text to fall apart where they are and stay below
 * 0.7 (review). A person's window that reads as ordinary words (学院院士, 和治理, 的方式) is dropped, so a
 * glossary of thousands of names stays quiet on clean text (`readsAsName`). Surname-only mentions (徐老师 →
 * 薛老师) are zh-surname.ts.
 */
import type { ChineseLexicon } from '../lexicon/types';
import type { GlossaryForm, GlossaryMatch } from './glossary';
import { formatPinyin, readPinyin, syllableDistance, type Reading } from './pinyin-key';
import {
  explainedOutside, formsWordInside, FUNCTION_CHARS, INTERJECTIONS, isCommon, readsAsName, straddles, twoEditsHold,
} from './zh-checks';
import { TITLE, ZhIndex, type Candidate } from './zh-index';
import { SurnameMatcher } from './zh-surname';

/** A proposed correction (the shared glossary match shape). */
export type ZhMatch = GlossaryMatch;

/** Lowest confidence the matcher reports. */
export const ZH_MIN_CONFIDENCE = 0.4;

/** Sound-alike matcher over the Chinese forms of a glossary (see the file comment). */
export class ZhMatcher {
  private readonly index: ZhIndex;
  private readonly surnames: SurnameMatcher;
  readonly size: number;

  constructor(forms: readonly GlossaryForm[]) {
    this.index = new ZhIndex(forms);
    this.size = this.index.terms.size;
    this.surnames = new SurnameMatcher(forms, (t) => this.index.readingOf(t));
  }

  /** True when the text is itself a Chinese glossary term. */
  isTerm(text: string): boolean {
    return this.index.terms.has(text);
  }

  /**
   * Finds sound-alike spans in one text. The lexicon, when given, sharpens precision; `titled` (transcript-wide
   * counts of a character before a title, see `titledCounts`) enables surname-only matches (徐老师 → 薛老师);
   * `reading` supplies the text's pinyin when the caller reads ahead (read-ahead.ts).
   */
  match(text: string, lexicon?: ChineseLexicon, titled?: ReadonlyMap<string, number>, reading?: (text: string) => Reading): ZhMatch[] {
    if (this.size === 0 || !/\p{Script=Han}/u.test(text)) return [];
    const r = reading ? reading(text) : readPinyin(text);
    const { cands, correct } = this.index.candidates(text, r);
    const scored: ZhMatch[] = [];
    for (const c of cands) {
      if (inside(correct, c)) continue;
      const m = this.score(text, r, c, lexicon);
      if (m) scored.push(m);
    }
    if (titled) {
      for (const m of this.surnames.match(text, titled, lexicon)) scored.push({ ...m, entry: m.form.entry });
    }
    return pickBest(scored);
  }

  private score(text: string, r: Reading, c: Candidate, lexicon?: ChineseLexicon): ZhMatch | null {
    const { term, at, len, wild, shape } = c;
    const t = term.reading;
    const align = alignOf(c);
    const diff: number[] = [];
    let dist = 0;
    let toneMiss = 0;
    let functionChange = false;
    const merged = shape?.merged;
    for (let p = 0; p < len; p++) {
      const q = align[p]!;
      let d = syllableDistance(r.syllables[at + p]!, t.syllables[q]!);
      // two syllables heard as one: the nearer of the two (重 chong for 程丛 cheng cong)
      if (p === merged) d = Math.min(d, syllableDistance(r.syllables[at + p]!, t.syllables[q + 1]!));
      if (r.chars[at + p] !== term.chars[q] || (shape?.swap !== undefined && q !== p) || p === merged) {
        diff.push(p);
        const ch = r.chars[at + p]!;
        if (INTERJECTIONS.has(ch)) return null;
        if (d >= 0.6 && FUNCTION_CHARS.has(ch)) functionChange = true;
      }
      dist += d;
      if (r.tones[at + p] !== t.tones[q] && p !== merged) toneMiss++;
    }
    const missing = shape?.missing;
    if (diff.length === 0 && missing === undefined) return null;
    // an opaque name of four or more characters with one sound changed (华信有道 → 华信永道) may change 有 or 的
    // (inside the window, and forming no word of the term: 研究的 is not 研究所)
    const opaque = len >= 4 && diff.length === 1 && diff[0]! > 0 && diff[0]! < len - 1 &&
      (!lexicon || !formsWordInside(t, align[diff[0]!]!, 0, t.chars.length, lexicon));
    if (functionChange && !opaque) return null;
    const after = text.slice(r.offsets[at + len], r.offsets[at + len]! + 3);
    const titled = TITLE.test(after);
    const nameLike = term.person;
    if (term.givenOf && !(titled && dist === 0)) return null;
    const window = r.chars.slice(at, at + len).join('');
    if (lexicon && !shape && !readsAsName(text, r, c, diff, titled, nameLike, lexicon)) return null;
    if (wild >= 0) {
      const d = syllableDistance(r.syllables[at + wild]!, t.syllables[wild]!);
      if (len <= 2 && !(titled && d <= 0.6 && dist === d && nameLike)) return null;
      if (len === 3 && (d > 0.6 || diff.length > 2)) return null;
    }
    // a word shared by several entries is matched as it sounds, never with a gap or a swap (对人工智能 is no 对抗人工智能)
    if (shape && term.entry.part) return null;
    const twoEdits = shape?.double !== undefined || merged !== undefined;
    if (twoEdits && !twoEditsHold(text, r, c, diff, lexicon)) return null;
    if (shape) {
      // a missing syllable: short windows need the other characters as written (高奇教授, 马瓦拉先生) or a title;
      // a swap: a name before a title, or a longer term with its first character as written
      // a syllable missing at either end is a truncation, usually meant (…研究 of …研究所), except in a titled name
      const edge = missing === len;
      if (missing === 0) return null;
      if (missing !== undefined && (dist > 0.6 || ((len <= 2 || edge) && !(titled && diff.length === 0 && nameLike)) ||
          (len === 3 && !(titled || diff.length === 0)))) return null;
      if (shape.swap !== undefined && (dist > 0.6 || !(titled && nameLike || (len >= 4 && r.chars[at] === term.chars[0])))) return null;
    }
    const tlen = t.syllables.length;
    let conf = tlen >= 4 ? 0.9 : tlen === 3 ? 0.85 : 0.72;
    // one unrelated syllable weighs less in a long term (现代化新政治丛书 → 现代化新征程丛书)
    conf -= 0.5 * dist * Math.min(1, 5 / tlen);
    if (shape) conf = Math.min(conf, 0.75) - 0.05;
    // two changed syllables are weaker evidence than one: review only
    if (shape?.double !== undefined) conf = 0.5 + 0.05 * Math.min(2, tlen - 4) - 0.1 * Math.max(0, dist - 1.2);
    if (merged !== undefined) conf = Math.min(conf, 0.65);
    conf -= (len <= 2 ? 0.08 : 0.05) * toneMiss;
    if (toneMiss === 0) conf += 0.05;
    if (titled && !term.entry.part) conf += 0.1;
    // a word shared by several entries (治理 of 人工智能治理) yields to a whole term over the same characters
    if (term.entry.part) conf = Math.min(conf, 0.8);
    // a gap only where the text falls apart: a character beside it forms no word (国际理研究院: 理), so 当前人工智能
    // is not 前沿人工智能 missing 沿 and 人工智能理论 not 人工智能治理 missing 治
    if (missing !== undefined && !lexicon && !(titled && nameLike)) return null;
    if (lexicon && missing !== undefined && !(titled && nameLike) &&
        ![missing - 1, missing].some((p) => p >= 0 && p < len && !FUNCTION_CHARS.has(r.chars[at + p]!) &&
          !explainedOutside(text, r, at + p, at + p + 1, -1, -1, lexicon))) return null;
    if (lexicon && diff.length > 0) {
      const lo = at + diff[0]!;
      const hi = at + diff[diff.length - 1]! + 1;
      const strong = titled && nameLike;
      // segmentation: a differing character inside a common word that reaches outside the window is explained
      // (a same-key match of three or more syllables is strong enough on its own: 姚旗志愿士, 香港深城市)
      if (!strong && !(wild < 0 && !shape && len >= 3) && explainedOutside(text, r, lo, hi, at, at + len, lexicon)) return null;
      // a changed syllable that forms a common word inside the window is that word (人工智能机理, 通过), unless
      // the term is opaque there (华信有道 for 华信永道: 永 forms no word inside the term)
      if (!strong && !twoEdits && len - diff.length < 6 && diff.some((p) => syllableDistance(r.syllables[at + p]!, t.syllables[align[p]!]!) >= 0.6 &&
          formsWordInside(r, at + p, at, at + len, lexicon) && !opaque)) return null;
      // in a long window too when it is the term's head word (an institution's place or owner, a term's first word:
      // another word there is another name or phrase): 国际人工智能协会 is not 国家人工智能协会, 引领人工智能安全 not
      // 隐私人工智能安全 (现代化新政治丛书 → 征程 keeps its head)
      if (!strong && !twoEdits && !opaque && len - diff.length >= 6 && diff.some((p) => align[p]! <= 1 &&
          syllableDistance(r.syllables[at + p]!, t.syllables[align[p]!]!) >= 0.6 && formsWordInside(r, at + p, at, at + Math.min(len, 2), lexicon))) return null;
    }
    // a two-character window whose written character forms a common word across its edge straddles two
    // words (是指能力 is not 智能: 指 | 能力)
    if (lexicon && len === 2 && diff.length === 1 && !(titled && nameLike) && straddles(r, at, diff[0] === 0 ? 1 : 0, lexicon)) return null;
    if (lexicon && isCommon(lexicon, window)) conf -= titled ? 0.1 : len <= 3 ? 0.35 : 0.15;
    conf = Math.min(0.97, conf);
    if (conf < ZH_MIN_CONFIDENCE) return null;
    return this.toMatch(r, c, align, diff, dist, conf, titled ? after.match(TITLE)![0] : '');
  }

  private toMatch(r: Reading, c: Candidate, align: number[], diff: number[], dist: number, conf: number, title: string): ZhMatch {
    const { term, at, len, shape } = c;
    const missing = shape?.missing;
    let lo = diff.length > 0 ? diff[0]! : len;
    let hi = diff.length > 0 ? diff[diff.length - 1]! + 1 : 0;
    if (missing !== undefined) {
      // the flag must touch the gap: the character after it, or the last one when the gap is at the end
      lo = Math.min(lo, missing < len ? missing : len - 1);
      hi = Math.max(hi, missing < len ? missing + 1 : len);
    }
    let tlo = Infinity;
    let thi = -1;
    for (let p = lo; p < hi; p++) {
      tlo = Math.min(tlo, align[p]!);
      thi = Math.max(thi, align[p]! + (p === shape?.merged ? 2 : 1));
    }
    if (missing !== undefined && missing >= lo && missing <= hi) {
      tlo = Math.min(tlo, missing);
      thi = Math.max(thi, missing + 1);
    }
    const sign = dist === 0 && !shape ? '=' : '≈';
    const name = term.givenOf ? `${term.text} (given name of ${term.givenOf})` : term.text;
    const how = missing !== undefined ? ', one syllable missing' : shape?.swap !== undefined ? ', two syllables swapped'
      : shape?.double !== undefined ? ', two syllables changed' : shape?.merged !== undefined ? ', two syllables heard as one' : '';
    return {
      start: r.offsets[at + lo]!,
      end: r.offsets[at + hi]!,
      text: r.chars.slice(at + lo, at + hi).join(''),
      suggestion: term.chars.slice(tlo, thi).join(''),
      term: term.givenOf ?? term.text,
      entry: term.entry,
      confidence: conf,
      reason: `pinyin ${formatPinyin(r, at, at + len)} ${sign} ${name} (${formatPinyin(term.reading)}) in glossary${how}` +
        (title ? `, before ${title}` : ''),
    };
  }
}

/** Term position of each window position: identity, two neighbours swapped, or skipping a missing syllable. */
function alignOf(c: Candidate): number[] {
  const out: number[] = [];
  for (let p = 0; p < c.len; p++) {
    const m = c.shape?.missing;
    const s = c.shape?.swap;
    const j = c.shape?.merged;
    out.push(m !== undefined ? (p < m ? p : p + 1) : j !== undefined ? (p <= j ? p : p + 1)
      : s === p ? p + 1 : s !== undefined && s + 1 === p ? p - 1 : p);
  }
  return out;
}

/** A candidate lying inside a correctly written glossary term is noise. */
function inside(correct: [number, number][], c: Candidate): boolean {
  for (let k = 0; k < correct.length; k++) if (c.at >= correct[k]![0] && c.at + c.len <= correct[k]![1]) return true;
  return false;
}

function pickBest(matches: ZhMatch[]): ZhMatch[] {
  matches.sort((a, b) => b.confidence - a.confidence || b.term.length - a.term.length || a.start - b.start);
  const chosen: ZhMatch[] = [];
  for (const m of matches) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}
