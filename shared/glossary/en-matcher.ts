/**
 * English glossary matcher: garbled or misheard Latin names and terms (`Qinhua University`, `tech mark`,
 * `sver Russellll`, `Benjo`, `Yoshi Banjo`, `GBT`) against the glossary's Latin forms.
 *
 * Targets: every Latin form, plus each distinctive word of a multi-word name (a capitalised word of four
 * letters or more that is not an ordinary English word), so a lone `Benjo` still finds `Bengio`; all-caps
 * forms of 2-6 letters are acronyms. Index: an exact map from phonetic key (sound-alikes), and buckets by
 * the first two and by the last two collapsed letters (spelling near-misses keep one end intact), so a
 * window is compared with a handful of targets, and each comparison is a bounded edit distance that stops
 * as soon as the window cannot reach the threshold.
 *
 * Scan: Latin tokens that touch (only spaces or a hyphen between) form runs; every window of one to four
 * tokens (never inside a URL or e-mail address) is compared with its candidates: spelling similarity ≥ 0.8
 * (edit distance over collapsed letters), or the same phonetic key and similarity ≥ 0.6. Windows made only
 * of ordinary English words need more: several words fusing into one name by sound (`tech mark`), or a
 * single word that grows into the rest of the name (`start` alone is not Stuart). A hit on one word of a
 * longer name grows leftwards over tokens whose first sound matches the name's earlier words
 * (`sver Russellll` → `Stuart Russell`). Acronyms match a token one confusable letter, one swap or one
 * missing letter away (GBT → GPT, WIAC → WAIC, ITO → ITU, UU → UNU). A window that differs from a glossary
 * form only in case is left alone (TSINGHUA is not misheard); overlaps keep the most confident match.
 */
import type { GlossaryEntry, GlossaryForm } from './glossary';
import { acronymRelation, collapse, editDistanceWithin, phoneticKey } from './phonetic';

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

/** Words a recogniser writes for spoken letter names (`you and you` is U-N-U; `new` is N-U). */
const LETTER_WORDS: Record<string, string> = Object.fromEntries(
  ('a:A ay:A bee:B be:B see:C sea:C dee:D ee:E ef:F eff:F gee:G ji:G aitch:H eye:I jay:J kay:K el:L ell:L em:M ' +
    'and:N en:N an:N new:NU knew:NU nu:NU oh:O owe:O pee:P pea:P cue:Q queue:Q are:R ar:R es:S ess:S tee:T tea:T ' +
    'you:U yu:U vee:V ex:X why:Y zee:Z zed:Z').split(' ').map((p) => p.split(':') as [string, string]),
);

/** The letters a token stands for when spoken letter by letter, or null. */
function lettersOf(token: string): string | null {
  if (/^[A-Z]$/.test(token)) return token;
  return LETTER_WORDS[token.toLowerCase()] ?? null;
}

export interface EnMatcherOptions {
  /** Ordinary English words (lower case); such tokens need stronger evidence. */
  isWord?: (word: string) => boolean;
}

/** Lowest confidence the matcher reports. */
export const EN_MIN_CONFIDENCE = 0.4;

/** Phonetic/spelling index over the Latin forms of a glossary. */
export class EnMatcher {
  private readonly byKey = new Map<string, Target[]>();
  private readonly byEnds = new Map<string, Target[]>();
  private readonly acronyms: Target[] = [];
  private readonly forms = new Set<string>();
  private readonly lowerForms = new Set<string>();
  private readonly isWord: (w: string) => boolean;
  private maxWords = 1;
  readonly size: number;

  constructor(forms: readonly GlossaryForm[], options: EnMatcherOptions = {}) {
    this.isWord = options.isWord ?? (() => false);
    for (const f of forms) {
      if (f.lang !== 'en' || this.forms.has(f.text)) continue;
      this.forms.add(f.text);
      this.lowerForms.add(f.text.toLowerCase());
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
    this.maxWords = Math.max(this.maxWords, t.words.length + 1);
    if (t.key.length >= 2) push(this.byKey, t.key, t);
    if (t.joined.length < 4) return;
    const e = endLength(t.joined.length);
    push(this.byEnds, `<${t.joined.length}${t.joined.slice(0, e)}`, t);
    push(this.byEnds, `>${t.joined.length}${t.joined.slice(-e)}`, t);
  }

  /** Finds garbled spellings of glossary forms in one text. */
  match(text: string): EnMatch[] {
    if (this.size === 0) return [];
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const out: EnMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= 4 && n <= this.maxWords && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1]!;
        if (n > 1 && !last.joinsPrev) break;
        const windowText = text.slice(tokens[i]!.start, last.end).toLowerCase();
        if (this.lowerForms.has(windowText)) break;
        // a window that holds a correctly spelled form plus a neighbour (`of AI governance`) is not garbled
        if (n > 1 && this.lowerForms.has(text.slice(tokens[i + 1]!.start, last.end).toLowerCase())) continue;
        this.compareWindow(text, tokens, i, tokens.slice(i, i + n), out);
      }
      this.compareAcronym(tokens, i, out);
      this.compareSpelled(text, tokens, i, out);
    }
    return pickBest(out);
  }

  /**
   * Targets that may be within reach: same phonetic key, or a length that allows similarity 0.8 and the same
   * first or last two letters (three from six letters on): a near miss keeps one end intact.
   */
  private candidates(joined: string, key: string): Target[] {
    const list: Target[] = [];
    const seen = new Set<Target>();
    const add = (ts: Target[] | undefined): void => {
      if (ts) for (const t of ts) if (!seen.has(t)) (seen.add(t), list.push(t));
    };
    if (key.length >= 2) add(this.byKey.get(key));
    for (let len = Math.ceil(joined.length * 0.8); len <= Math.floor(joined.length / 0.8); len++) {
      const e = endLength(len);
      add(this.byEnds.get(`<${len}${joined.slice(0, e)}`));
      add(this.byEnds.get(`>${len}${joined.slice(-e)}`));
    }
    return list;
  }

  private compareWindow(text: string, tokens: Token[], i: number, win: Token[], out: EnMatch[]): void {
    // an all-caps token is an acronym: only the acronym rule may correct it (MIT is not Matt)
    if (win.length === 1 && /^[A-Z]{2,6}$/.test(win[0]!.text)) return;
    const raw = win.map((t) => t.text).join('');
    const joined = collapse(raw);
    if (joined.length < 4) return;
    const key = phoneticKey(raw);
    const ordinary = win.every((w) => this.isWord(w.text.toLowerCase()));
    for (const t of this.candidates(joined, key)) {
      if (win.length > t.words.length + 1) continue;
      const longer = Math.max(joined.length, t.joined.length);
      const phonEq = key.length >= 2 && key === t.key;
      // one ordinary word can only be the word of a longer name that grows leftwards (see below): check that
      // cheap condition before the edit distance
      if (ordinary && win.length === 1 && (!t.partOf || growLeft(tokens, i, t.partOf.form, t.partOf.index) === null)) continue;
      const max = Math.floor((phonEq ? 0.4 : 0.2) * longer);
      const d = editDistanceWithin(joined, t.joined, max);
      if (d > max) continue;
      const sim = 1 - d / longer;
      let start = win[0]!.start;
      let suggestion = t.form;
      let grown = false;
      if (t.partOf) {
        const first = growLeft(tokens, i, t.partOf.form, t.partOf.index);
        if (first !== null) {
          start = tokens[first]!.start;
          suggestion = t.partOf.form;
          grown = true;
        }
      }
      if (ordinary) {
        // ordinary words are a misrecognised name only when several fuse into it by sound, or a word grows
        // into the rest of the name
        const fused = win.length > 1 && phonEq && sim >= 0.7;
        if (!(fused || (grown && sim >= 0.8) || (!t.partOf && sim >= 0.85 && win.length > 1))) continue;
      }
      const original = text.slice(start, win[win.length - 1]!.end);
      if (original.toLowerCase() === suggestion.toLowerCase()) continue;
      let conf = 0.45 + 0.45 * sim + (phonEq ? 0.1 : 0) - (ordinary ? 0.2 : 0);
      if (joined === t.joined) conf = Math.max(conf, 0.6);
      conf = Math.min(0.92, conf);
      if (conf < EN_MIN_CONFIDENCE) continue;
      const reasonTerm = t.partOf ? `${t.form} (${t.partOf.form})` : t.form;
      const how = phonEq ? `sounds like ${reasonTerm} (${key})` : `spelled ${Math.round(sim * 100)}% like ${reasonTerm}`;
      const end = win[win.length - 1]!.end;
      out.push({
        start, end, text: text.slice(start, end), suggestion, term: t.partOf?.form ?? t.form, entry: t.entry,
        confidence: conf, reason: `${how} in glossary`,
      });
    }
  }

  /**
   * An acronym spoken letter by letter and written as words (`you and you` → UNU): two to four touching
   * tokens whose letter names spell a glossary acronym of three letters or more, at least one of them a word.
   */
  private compareSpelled(text: string, tokens: Token[], i: number, out: EnMatch[]): void {
    if (this.acronyms.length === 0) return;
    let letters = '';
    let words = 0;
    for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
      const tok = tokens[i + n - 1]!;
      if (n > 1 && !tok.joinsPrev) return;
      const l = lettersOf(tok.text);
      if (l === null) return;
      letters += l;
      if (tok.text.length > 1) words++;
      if (n < 2 || words === 0 || letters.length < 3) continue;
      const t = this.acronyms.find((a) => a.form === letters);
      if (!t) continue;
      const end = tok.end;
      const start = tokens[i]!.start;
      out.push({
        start, end, text: text.slice(start, end), suggestion: t.form, term: t.form, entry: t.entry,
        confidence: 0.6, reason: `${text.slice(start, end)} spells ${letters.split('').join('-')}: ${t.form} in glossary`,
      });
      return;
    }
  }

  private compareAcronym(tokens: Token[], i: number, out: EnMatch[]): void {
    let tok = tokens[i]!;
    // spelled-out letters (`U U system`) read as one acronym
    const next = tokens[i + 1];
    if (/^[A-Z]$/.test(tok.text) && next && next.joinsPrev && /^[A-Z]$/.test(next.text)) {
      tok = { text: tok.text + next.text, start: tok.start, end: next.end, joinsPrev: tok.joinsPrev };
    }
    if (!/^[A-Z]{2,6}$/.test(tok.text) || this.forms.has(tok.text)) return;
    // a well-known acronym is corrected only to a glossary acronym it lacks a letter of (IEA → IAEA)
    const known = KNOWN_ACRONYMS.has(tok.text);
    for (const t of this.acronyms) {
      const rel = acronymRelation(tok.text, t.form);
      if (!rel || (known && !(rel === 'gap' && tok.text.length >= 3 && tok.text.length < t.form.length))) continue;
      const conf = known ? 0.4 : rel === 'gap' ? 0.45 : 0.6;
      const why = rel === 'confusable' ? 'one letter misheard' : rel === 'swap' ? 'two letters swapped' : 'one letter missing or extra';
      out.push({
        start: tok.start, end: tok.end, text: tok.text, suggestion: t.form, term: t.form, entry: t.entry,
        confidence: conf, reason: `${tok.text} is ${t.form} in glossary with ${why}`,
      });
    }
  }
}

/** How many letters of each end index a target of this many letters. */
function endLength(len: number): number {
  return len >= 6 ? 3 : 2;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** URLs, e-mail addresses and dotted host names: their letters are not speech. */
const NOT_SPEECH = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+){2,}/g;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const masked = /[@./]/.test(text) ? text.replace(NOT_SPEECH, (m) => ' '.repeat(m.length)) : text;
  let prevEnd = -1;
  for (const m of masked.matchAll(TOKEN)) {
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
