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
  /** For such a word: first collapsed letter and first key unit of each earlier word of the name (see growLeft). */
  left?: { letter: string; unit: string }[];
  /** Id of `left` among the distinct ones (names share them: Wei Zhang, Wen Zhang), to grow once per window. */
  leftId?: number;
}

/** Targets with the same collapsed spelling and key: one edit distance serves them all (Zhang of 300 names). */
interface Group {
  joined: string;
  key: string;
  targets: Target[];
  /** The window that last collected this group (dedupes candidates without a Set). */
  stamp: number;
  /** Letters present (bit 0 = a): a window lacking k of them, or having k others, is ≥ ⌈k / 2⌉ edits away. */
  letters: number;
  /** Fewest words of a target, and whether some target can grow leftwards. */
  minWords: number;
  grows: boolean;
}

/** What the matcher needs of one token's text, computed once per distinct text. */
interface TokenInfo {
  collapsed: string;
  key: string;
  word: boolean;
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
  private readonly byKey = new Map<string, Group[]>();
  private readonly byEnds = new Map<number, Group[]>();
  private readonly groups = new Map<string, Group>();
  private readonly tokenInfo = new Map<string, TokenInfo>();
  private stamp = 0;
  private readonly leftIds = new Map<string, number>();
  /** Per distinct `left`: the window stamp of the last growLeft, and its result (-1: null). */
  private leftStamp = new Int32Array(0);
  private leftFirst = new Int32Array(0);
  private readonly acronyms: Target[] = [];
  private readonly forms = new Set<string>();
  private readonly lowerForms = new Set<string>();
  private readonly isWord: (w: string) => boolean;
  private maxWords = 1;
  readonly size: number;

  constructor(forms: readonly GlossaryForm[], options: EnMatcherOptions = {}) {
    const isWord = options.isWord ?? (() => false);
    const known = new Map<string, boolean>();
    // thousands of names repeat the same words (Zhang, Institute): ask the word list once per word
    this.isWord = (w) => {
      let v = known.get(w);
      if (v === undefined) {
        if (known.size > 100_000) known.clear();
        known.set(w, (v = isWord(w)));
      }
      return v;
    };
    for (const f of forms) {
      if (f.lang !== 'en' || this.forms.has(f.text)) continue;
      this.forms.add(f.text);
      this.lowerForms.add(f.text.toLowerCase());
      const words = f.text.split(/[\s\-‐]+/).filter((w) => /[A-Za-z]/.test(w));
      if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0]!)) {
        this.acronyms.push(this.target(f.text, words, f.entry));
        continue;
      }
      // names share words (Zhang, Institute): each word's spelling, key and ordinariness are computed once
      const infos = words.map((w) => this.info(w));
      this.add({ form: f.text, words, joined: joinCollapsed(infos), key: phoneticKey(words.join('')), entry: f.entry });
      if (words.length < 2) continue;
      words.forEach((w, index) => {
        const inf = infos[index]!;
        if (w.length >= 4 && /^[A-Z][a-z]/.test(w) && !inf.word) {
          const left = infos.slice(0, index).map((x) => ({ letter: x.collapsed[0] ?? '', unit: x.key[0] ?? '' }));
          const sig = left.map((l) => l.letter + l.unit).join(' ');
          let leftId = this.leftIds.get(sig);
          if (leftId === undefined) this.leftIds.set(sig, (leftId = this.leftIds.size));
          this.add({ form: w, words: [w], joined: inf.collapsed, key: inf.key, entry: f.entry, partOf: { form: f.text, index }, left, leftId });
        }
      });
    }
    this.size = this.forms.size;
    this.leftStamp = new Int32Array(this.leftIds.size).fill(-1);
    this.leftFirst = new Int32Array(this.leftIds.size);
  }

  private target(form: string, words: string[], entry: GlossaryEntry): Target {
    return { form, words, joined: collapse(words.join('')), key: phoneticKey(words.join('')), entry };
  }

  private add(t: Target): void {
    this.maxWords = Math.max(this.maxWords, t.words.length + 1);
    const id = `${t.joined}|${t.key}`;
    const known = this.groups.get(id);
    if (known) {
      known.targets.push(t);
      known.minWords = Math.min(known.minWords, t.words.length);
      known.grows ||= (t.left?.length ?? 0) > 0;
      return;
    }
    const g: Group = {
      joined: t.joined, key: t.key, targets: [t], stamp: -1, letters: letterMask(t.joined), minWords: t.words.length,
      grows: (t.left?.length ?? 0) > 0,
    };
    this.groups.set(id, g);
    if (t.key.length >= 2) push(this.byKey, t.key, g);
    const n = t.joined.length;
    if (n < 4) return;
    const e = endLength(n);
    push(this.byEnds, endCode(n, 0, t.joined, 0, e), g);
    push(this.byEnds, endCode(n, 1, t.joined, n - e, n), g);
  }

  /** Collapsed spelling, key and ordinariness of a token's text, cached. */
  private info(text: string): TokenInfo {
    let i = this.tokenInfo.get(text);
    if (!i) {
      if (this.tokenInfo.size > 50_000) this.tokenInfo.clear();
      i = { collapsed: collapse(text), key: phoneticKey(text), word: this.isWord(text.toLowerCase()) };
      this.tokenInfo.set(text, i);
    }
    return i;
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
   * Groups of targets that may be within reach: same phonetic key, or a length that allows similarity 0.8 and
   * the same first or last two letters (three from six letters on): a near miss keeps one end intact.
   */
  private candidates(joined: string, key: string): Group[] {
    const list: Group[] = [];
    const stamp = ++this.stamp;
    const add = (gs: Group[] | undefined): void => {
      if (gs) for (const g of gs) if (g.stamp !== stamp) {
        g.stamp = stamp;
        list.push(g);
      }
    };
    if (key.length >= 2) add(this.byKey.get(key));
    const n = joined.length;
    for (let len = Math.ceil(n * 0.8); len <= Math.floor(n / 0.8); len++) {
      const e = endLength(len);
      add(this.byEnds.get(endCode(len, 0, joined, 0, e)));
      add(this.byEnds.get(endCode(len, 1, joined, n - e, n)));
    }
    return list;
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
    for (const g of this.candidates(joined, key)) {
      if (win.length > g.minWords + 1 || (single && !g.grows)) continue;
      const longer = Math.max(joined.length, g.joined.length);
      const phonEq = key.length >= 2 && key === g.key;
      const max = Math.floor((phonEq ? 0.4 : 0.2) * longer);
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
    if (ordinary) {
      // ordinary words are a misrecognised name only when several fuse into it by sound, or a word grows
      // into the rest of the name
      const fused = win.length > 1 && phonEq && sim >= 0.7;
      if (!(fused || (grown && sim >= 0.8) || (!t.partOf && sim >= 0.85 && win.length > 1))) return;
    }
    const original = text.slice(start, win[win.length - 1]!.end);
    if (original.toLowerCase() === suggestion.toLowerCase()) return;
    let conf = 0.45 + 0.45 * sim + (phonEq ? 0.1 : 0) - (ordinary ? 0.2 : 0);
    if (joined === t.joined) conf = Math.max(conf, 0.6);
    conf = Math.min(0.92, conf);
    if (conf < EN_MIN_CONFIDENCE) return;
    const reasonTerm = t.partOf ? `${t.form} (${t.partOf.form})` : t.form;
    const how = phonEq ? `sounds like ${reasonTerm} (${key})` : `spelled ${Math.round(sim * 100)}% like ${reasonTerm}`;
    const end = win[win.length - 1]!.end;
    out.push({
      start, end, text: text.slice(start, end), suggestion, term: t.partOf?.form ?? t.form, entry: t.entry,
      confidence: conf, reason: `${how} in glossary`,
    });
  }

  /** `growLeft` for a target, once per distinct `left` and window. */
  private grownFrom(tokens: Token[], at: number, t: Target): number | null {
    const id = t.leftId!;
    if (this.leftStamp[id] !== this.stamp) {
      this.leftStamp[id] = this.stamp;
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

/** Facts about one window shared by its comparisons. */
interface WindowFacts {
  joined: string;
  key: string;
  ordinary: boolean;
  phonEq: boolean;
  sim: number;
}

/** A number standing for (length, which end, the letters s[from, to) of a collapsed a-z spelling). */
function endCode(len: number, end: 0 | 1, s: string, from: number, to: number): number {
  let code = len * 2 + end;
  for (let i = from; i < to; i++) code = code * 32 + (s.charCodeAt(i) - 96);
  return code;
}

/** Collapsing joined words equals joining their collapsed spellings, minus a letter repeated across a seam. */
function joinCollapsed(infos: readonly TokenInfo[]): string {
  let joined = '';
  for (const { collapsed: c } of infos) joined += joined !== '' && c !== '' && joined[joined.length - 1] === c[0] ? c.slice(1) : c;
  return joined;
}

/** Bit set of the letters a-z in a collapsed spelling. */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) - 97);
  return m;
}

function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** How many letters of each end index a target of this many letters. */
function endLength(len: number): number {
  return len >= 6 ? 3 : 2;
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
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

function pickBest(matches: EnMatch[]): EnMatch[] {
  matches.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: EnMatch[] = [];
  for (const m of matches) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}
