/**
 * Candidate search for the English glossary matcher (en-matcher.ts scores what this finds).
 *
 * Targets: every Latin form, plus each distinctive word of a multi-word name (a capitalised word of four
 * letters or more that is not an ordinary English word), so a lone `Benjo` still finds `Bengio`; all-caps
 * forms of 2-6 letters are acronyms (en-acronym.ts). Targets with the same collapsed spelling and key form one
 * group, so one edit distance serves 300 Zhangs. Index: an exact map from phonetic key (sound-alikes), and
 * buckets by the first two and by the last two collapsed letters (spelling near-misses keep one end intact),
 * keyed by numbers; a window is compared with a handful of groups.
 *
 * Tokens: Latin words (a possessive `'s` is not part of the name), with URLs, e-mail addresses and dotted host
 * names masked out; `joinsPrev` says only spaces or a hyphen separate a token from the previous one.
 */
import type { GlossaryEntry, GlossaryForm, GlossaryMatch } from './glossary';
import { collapse, phoneticKey } from './phonetic';

/** A proposed correction (the shared glossary match shape). */
export type EnMatch = GlossaryMatch;

/** One matchable Latin form, or one distinctive word of a longer name. */
export interface Target {
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
  /** Phonetic keys of the earlier words (`Yoshi Banjo` is Yoshua Bengio word by word). */
  leftKeys?: string[];
}

/** Targets with the same collapsed spelling and key: one edit distance serves them all (Zhang of 300 names). */
export interface Group {
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
export interface TokenInfo {
  collapsed: string;
  key: string;
  word: boolean;
}

/** One Latin token of the searched text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when only spaces or a hyphen separate this token from the previous one. */
  joinsPrev: boolean;
}

const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;

/** The phonetic and spelling index over a glossary's Latin forms (see the file comment). */
export class EnIndex {
  private readonly byKey = new Map<string, Group[]>();
  private readonly byEnds = new Map<number, Group[]>();
  private readonly groups = new Map<string, Group>();
  private readonly tokenInfo = new Map<string, TokenInfo>();
  /** Counts `candidates` calls: one per window (the matcher caches per-window work by it). */
  stamp = 0;
  /** Distinct `left` signatures of name words (see `Target.leftId`). */
  readonly leftIds = new Map<string, number>();
  readonly acronyms: Target[] = [];
  readonly forms = new Set<string>();
  readonly lowerForms = new Set<string>();
  private readonly isWord: (w: string) => boolean;
  /** Most tokens a window needs (longest target plus one). */
  maxWords = 1;

  constructor(forms: readonly GlossaryForm[], isWord: (word: string) => boolean) {
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
          const leftKeys = infos.slice(0, index).map((x) => x.key);
          this.add({ form: w, words: [w], joined: inf.collapsed, key: inf.key, entry: f.entry, partOf: { form: f.text, index }, left, leftId, leftKeys });
        }
      });
    }
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
  info(text: string): TokenInfo {
    let i = this.tokenInfo.get(text);
    if (!i) {
      if (this.tokenInfo.size > 50_000) this.tokenInfo.clear();
      i = { collapsed: collapse(text), key: phoneticKey(text), word: this.isWord(text.toLowerCase()) };
      this.tokenInfo.set(text, i);
    }
    return i;
  }

  /**
   * Groups of targets that may be within reach: same phonetic key, or a length that allows similarity 0.8 and
   * the same first or last two letters (three from six letters on): a near miss keeps one end intact. The
   * list is valid until the next call.
   */
  candidates(joined: string, key: string): readonly Group[] {
    // one list reused per call (a window's groups are read before the next window asks), no closure per call
    const list = this.found;
    list.length = 0;
    ++this.stamp;
    if (key.length >= 2) this.collect(this.byKey.get(key));
    const n = joined.length;
    for (let len = Math.ceil(n * 0.8); len <= Math.floor(n / 0.8); len++) {
      const e = endLength(len);
      this.collect(this.byEnds.get(endCode(len, 0, joined, 0, e)));
      this.collect(this.byEnds.get(endCode(len, 1, joined, n - e, n)));
    }
    return list;
  }

  private readonly found: Group[] = [];

  private collect(gs: Group[] | undefined): void {
    if (!gs) return;
    const stamp = this.stamp;
    for (const g of gs) {
      if (g.stamp === stamp) continue;
      g.stamp = stamp;
      this.found.push(g);
    }
  }

}

/** A number standing for (length, which end, the letters s[from, to) of a collapsed a-z spelling). */
function endCode(len: number, end: 0 | 1, s: string, from: number, to: number): number {
  let code = len * 2 + end;
  for (let i = from; i < to; i++) code = code * 32 + (s.charCodeAt(i) - 96);
  return code;
}

/** Collapsing joined words equals joining their collapsed spellings, minus a letter repeated across a seam. */
export function joinCollapsed(infos: readonly TokenInfo[]): string {
  let joined = '';
  for (const { collapsed: c } of infos) joined += joined !== '' && c !== '' && joined[joined.length - 1] === c[0] ? c.slice(1) : c;
  return joined;
}

/** Bit set of the letters a-z in a collapsed spelling. */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) - 97);
  return m;
}

export function popCount(x: number): number {
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

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const masked = /[@./]/.test(text) ? text.replace(NOT_SPEECH, (m) => ' '.repeat(m.length)) : text;
  let prevEnd = -1;
  for (const m of masked.matchAll(TOKEN)) {
    const start = m.index;
    const gap = prevEnd >= 0 ? text.slice(prevEnd, start) : null;
    // a possessive is not part of the name (`Tsinghua's` is Tsinghua as written)
    const word = m[0].replace(/['’]s$/, '');
    out.push({ text: word, start, end: start + word.length, joinsPrev: gap !== null && /^[ \t\-‐]{1,3}$/.test(gap) });
    prevEnd = start + m[0].length;
  }
  return out;
}
