/**
 * English glossary matcher: garbled or misheard Latin names and terms (`Qinhua University`, `tech mark`,
 * `sver Russellll`, `Benjo`, `Yoshi Banjo`, `GBT`) against the glossary's Latin forms.
 *
 * Targets: every Latin form, plus each distinctive word of a multi-word name (a capitalised word of four
 * letters or more that is not an ordinary English word), so a lone `Benjo` still finds `Bengio`; all-caps
 * forms of 2-6 letters are acronyms. Targets are bucketed by the first two units of their phonetic key and by
 * their first three collapsed letters, so a window is compared with a handful of targets, not all of them.
 *
 * Scan: Latin tokens that touch (only spaces or a hyphen between) form runs; every window of one to four
 * tokens is compared with the targets in its buckets by spelling similarity (edit distance over collapsed
 * letters) and phonetic-key equality. A hit on one word of a longer name grows leftwards over tokens whose
 * first sound matches the name's earlier words (`sver Russellll` → `Stuart Russell`). Acronyms match a token
 * one confusable letter, one swap or one missing letter away (GBT → GPT, WIAC → WAIC, ITO → ITU).
 * Windows already spelled as a glossary form are left alone; overlaps keep the most confident match.
 */
import type { GlossaryEntry, GlossaryForm } from './glossary';
import { acronymRelation, collapse, editDistance, phoneticKey } from './phonetic';

/** A proposed correction; offsets are UTF-16 units of the searched text. */
export interface EnMatch {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  term: string;
  entry: GlossaryEntry;
  confidence: number;
  reason: string;
}

interface Target {
  form: string;
  words: string[];
  joined: string;
  key: string;
  entry: GlossaryEntry;
  /** For a word taken from a longer name: the full form and the word's index in it. */
  partOf?: { form: string; index: number };
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** True when only spaces or a hyphen separate this token from the previous one. */
  joinsPrev: boolean;
}

/** Acronyms common enough in AI talk that a near-miss of a glossary acronym is probably meant as written. */
const KNOWN_ACRONYMS = new Set(
  'AI AGI ASI API GPU CPU TPU LLM NLP CEO CTO CFO GDP UN EU US UK USA PPT ID IT ICT IEA IAEA IPCC ICC OECD UNDP UNESCO WHO WTO ITU NGO R&D PR HR QA IoT VR AR XR OK'.split(' '),
);

const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;

export interface EnMatcherOptions {
  /** Ordinary English words (lower case); such tokens need stronger evidence. */
  isWord?: (word: string) => boolean;
}

/** Lowest confidence the matcher reports. */
export const EN_MIN_CONFIDENCE = 0.4;

/** Phonetic/spelling index over the Latin forms of a glossary. */
export class EnMatcher {
  private readonly buckets = new Map<string, Target[]>();
  private readonly acronyms: Target[] = [];
  private readonly forms = new Set<string>();
  private readonly isWord: (w: string) => boolean;
  readonly size: number;

  constructor(forms: readonly GlossaryForm[], options: EnMatcherOptions = {}) {
    this.isWord = options.isWord ?? (() => false);
    for (const f of forms) {
      if (f.lang !== 'en' || this.forms.has(f.text)) continue;
      this.forms.add(f.text);
      const words = f.text.split(/[\s\-‐]+/).filter((w) => /[A-Za-z]/.test(w));
      if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0]!)) {
        this.acronyms.push(this.target(f.text, words, f.entry));
        continue;
      }
      this.add(this.target(f.text, words, f.entry));
      if (words.length < 2) continue;
      words.forEach((w, index) => {
        if (w.length >= 4 && /^[A-Z][a-z]/.test(w) && !this.isWord(w.toLowerCase())) {
          this.add({ ...this.target(w, [w], f.entry), partOf: { form: f.text, index } });
        }
      });
    }
    this.size = this.forms.size;
  }

  private target(form: string, words: string[], entry: GlossaryEntry): Target {
    return { form, words, joined: collapse(words.join('')), key: phoneticKey(words.join('')), entry };
  }

  private add(t: Target): void {
    for (const b of bucketKeys(t.joined, t.key)) {
      const list = this.buckets.get(b);
      if (!list) this.buckets.set(b, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }

  /** Finds garbled spellings of glossary forms in one text. */
  match(text: string): EnMatch[] {
    if (this.size === 0) return [];
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const out: EnMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let windowText = '';
      for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1]!;
        if (n > 1 && !last.joinsPrev) break;
        windowText = text.slice(tokens[i]!.start, last.end);
        if (this.forms.has(windowText)) break;
        const win = tokens.slice(i, i + n);
        this.compareWindow(text, tokens, i, win, out);
      }
      this.compareAcronym(tokens[i]!, out);
    }
    return pickBest(out);
  }

  private compareWindow(text: string, tokens: Token[], i: number, win: Token[], out: EnMatch[]): void {
    // an all-caps token is an acronym: only the acronym rule may correct it (MIT is not Matt)
    if (win.length === 1 && /^[A-Z]{2,6}$/.test(win[0]!.text)) return;
    const joined = collapse(win.map((t) => t.text).join(''));
    if (joined.length < 3) return;
    const key = phoneticKey(win.map((t) => t.text).join(''));
    const seen = new Set<Target>();
    for (const b of bucketKeys(joined, key)) {
      for (const t of this.buckets.get(b) ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        if (win.length > t.words.length + 1) continue;
        const longer = Math.max(joined.length, t.joined.length);
        if (Math.abs(joined.length - t.joined.length) > longer / 2) continue;
        const sim = 1 - editDistance(joined, t.joined) / longer;
        const phonEq = key.length >= 2 && key === t.key;
        if (!(sim >= 0.8 || (phonEq && sim >= 0.5))) continue;
        const original = text.slice(win[0]!.start, win[win.length - 1]!.end);
        if (original === t.form) continue;
        let conf = 0.45 + 0.45 * sim + (phonEq ? 0.1 : 0);
        const common = win.filter((w) => this.isWord(w.text.toLowerCase())).length;
        if (common === win.length) conf -= win.length === 1 && !/^[A-Z]/.test(win[0]!.text) ? 0.4 : 0.2;
        if (joined === t.joined) conf = Math.max(conf, 0.6);
        let start = win[0]!.start;
        let suggestion = t.form;
        let reasonTerm = t.form;
        if (t.partOf) {
          const grown = growLeft(tokens, i, t.partOf.form, t.partOf.index);
          if (grown !== null) {
            start = tokens[grown]!.start;
            suggestion = t.partOf.form;
          }
          reasonTerm = `${t.form} (${t.partOf.form})`;
        }
        conf = Math.min(0.92, conf);
        if (conf < EN_MIN_CONFIDENCE) continue;
        const end = win[win.length - 1]!.end;
        const how = phonEq ? `sounds like ${reasonTerm} (${key})` : `spelled ${Math.round(sim * 100)}% like ${reasonTerm}`;
        out.push({
          start, end, text: text.slice(start, end), suggestion, term: t.partOf?.form ?? t.form, entry: t.entry,
          confidence: conf, reason: `${how} in glossary`,
        });
      }
    }
  }

  private compareAcronym(tok: Token, out: EnMatch[]): void {
    if (!/^[A-Z]{2,6}$/.test(tok.text) || KNOWN_ACRONYMS.has(tok.text) || this.forms.has(tok.text)) return;
    for (const t of this.acronyms) {
      const rel = acronymRelation(tok.text, t.form);
      if (!rel) continue;
      const conf = rel === 'gap' ? 0.45 : 0.6;
      const why = rel === 'confusable' ? 'one letter misheard' : rel === 'swap' ? 'two letters swapped' : 'one letter missing or extra';
      out.push({
        start: tok.start, end: tok.end, text: tok.text, suggestion: t.form, term: t.form, entry: t.entry,
        confidence: conf, reason: `${tok.text} is ${t.form} in glossary with ${why}`,
      });
    }
  }
}

function bucketKeys(joined: string, key: string): string[] {
  const keys = [`s:${joined.slice(0, 3)}`];
  if (key.length >= 2) keys.push(`p:${key.slice(0, 3)}`);
  return keys;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const gap = prevEnd >= 0 ? text.slice(prevEnd, start) : null;
    out.push({ text: m[0], start, end: start + m[0].length, joinsPrev: gap !== null && /^[ \t\-‐]{1,3}$/.test(gap) });
    prevEnd = start + m[0].length;
  }
  return out;
}

/**
 * When word `index` of `form` matched token `at`, grows the match leftwards over tokens whose first sound
 * matches the form's earlier words; returns the first token index, or null when nothing fits.
 */
function growLeft(tokens: Token[], at: number, form: string, index: number): number | null {
  if (index === 0) return null;
  const words = form.split(/[\s\-‐]+/);
  let first = at;
  for (let w = index - 1; w >= 0; w--) {
    const tok = tokens[first - 1];
    if (!tok || !tokens[first]!.joinsPrev) return null;
    const a = phoneticKey(tok.text);
    const b = phoneticKey(words[w]!);
    if (collapse(tok.text)[0] !== collapse(words[w]!)[0] && a[0] !== b[0]) return null;
    first--;
  }
  return first;
}

function pickBest(matches: EnMatch[]): EnMatch[] {
  matches.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: EnMatch[] = [];
  for (const m of matches) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}
