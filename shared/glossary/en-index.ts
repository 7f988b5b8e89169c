/**
 * Candidate search for the English glossary matcher (en-matcher.ts scores what this finds).
 *
 * Targets: every Latin form, plus each distinctive word of a multi-word name (a capitalised word of four
 * letters or more that is not an ordinary English word), so a lone `Benjo` still finds `Bengio`; all-caps
 * forms of 2-6 letters are acronyms (en-acronym.ts). Targets with the same collapsed spelling and key form one
 * group, so one edit distance serves 300 Zhangs. Index: an exact map from phonetic key (sound-alikes), and
 * buckets by the first and by the last collapsed letters (two, or three from six letters on: spelling
 * near-misses keep one end intact), keyed by numbers, each holding its groups by length, so a window reads the
 * lengths it can reach from four buckets; a window is compared with a handful of groups. A name's words share
 * one list of their infos, and the first letters and key units before a word are one small trie
 * (`NamePart.leftId`). Whether a window may equal a form is first asked of the set of the forms' leading
 * letters (`mayStartForm`).
 *
 * Tokens, forms' words and leading letters are en-tokens.ts.
 */
import type { GlossaryEntry, GlossaryForm, GlossaryMatch } from './glossary';
import { formWords, leadingLetters } from './en-tokens';
import { collapse, joinKeys, phoneticKey, phoneticKeyOfWords } from './phonetic';

/** A proposed correction (the shared glossary match shape). */
export type EnMatch = GlossaryMatch;

/** One matchable Latin form, or one distinctive word of a longer name. */
export interface Target {
  form: string;
  /** How many words the form has (one for a word taken from a longer name). */
  wordCount: number;
  joined: string;
  key: string;
  entry: GlossaryEntry;
  /** For a word taken from a longer name: that name. */
  partOf?: NamePart;
}

/** The longer name a target word was taken from. */
export interface NamePart {
  form: string;
  /** The word's index in the name. */
  index: number;
  /**
   * Every word of the name (shared by its targets): the earlier words' first letters and key units let a match
   * grow leftwards, and their keys let `Yoshi Banjo` sound like Yoshua Bengio word by word (see en-matcher.ts).
   */
  words: readonly TokenInfo[];
  /** Id of the earlier words' first letters and key units among the distinct ones (names share them: Wei Zhang,
   * Wen Zhang), so the matcher grows each leftwards once per window. */
  leftId: number;
}

/** Targets with the same collapsed spelling and key: one edit distance serves them all (Zhang of 300 names). */
export interface Group {
  joined: string;
  key: string;
  targets: Target[];
  /** The window that last collected this group (dedupes candidates without a Set). */
  stamp: number;
  /** Letters present (bit 0 = a): a window lacking k of them, or having k others, is ≥ k edits away. */
  letters: number;
  /** Fewest words of a target, and whether some target can grow leftwards. */
  minWords: number;
  grows: boolean;
  /** Another group with the same spelling and another key (the index finds groups by spelling). */
  sameSpelling: Group | null;
}

/** What the matcher needs of one token's text, computed once per distinct text. */
export interface TokenInfo {
  text: string;
  collapsed: string;
  key: string;
  /** Letters present in `collapsed` (bit 0 = a). */
  letters: number;
  /** An ordinary English word; asked of the word list on first need (`EnIndex.ordinary`). */
  word: boolean | undefined;
  /** Whether some form begins with this token's letters; known on first need (`EnIndex.mayStartForm`). */
  startsForm: boolean | undefined;
}

/** A node of the trie of name words' `left` signatures (see `NamePart.leftId`). */
interface LeftNode {
  id: number;
  next: Map<number, LeftNode>;
}

/** The phonetic and spelling index over a glossary's Latin forms (see the file comment). */
export class EnIndex {
  private readonly byKey = new Map<string, Group[]>();
  /** Per end bucket, the groups of each length (indexed by length). */
  private readonly byEnds = new Map<number, Group[][]>();
  /** Groups by collapsed spelling (each the head of its `sameSpelling` chain). */
  private readonly groups = new Map<string, Group>();
  private readonly tokenInfo = new Map<string, TokenInfo>();
  /** Counts `candidates` calls: one per window (the matcher caches per-window work by it). */
  stamp = 0;
  /** How many distinct `NamePart.leftId`s there are. */
  leftIdCount = 0;
  private readonly leftTrie: LeftNode = { id: -1, next: new Map() };
  readonly acronyms: Target[] = [];
  readonly forms = new Set<string>();
  readonly lowerForms = new Set<string>();
  /** The leading letters of every lower-cased form: a window starting with other letters is no form. */
  private readonly formLeads = new Set<string>();
  private readonly isWord: (w: string) => boolean;
  /** Most tokens a window needs (longest target plus one). */
  maxWords = 1;

  constructor(forms: readonly GlossaryForm[], isWord: (word: string) => boolean) {
    this.isWord = isWord;
    for (let i = 0; i < forms.length; i++) {
      const f = forms[i]!;
      if (f.lang === 'en' && !this.forms.has(f.text)) this.addForm(f);
    }
  }

  /** Indexes one Latin form (see the file comment). */
  private addForm(f: GlossaryForm): void {
    this.forms.add(f.text);
    const lower = f.text.toLowerCase();
    this.lowerForms.add(lower);
    this.formLeads.add(leadingLetters(lower));
    const words = formWords(f.text);
    if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0]!)) {
      this.acronyms.push({ form: f.text, wordCount: 1, joined: collapse(words[0]!), key: phoneticKey(words[0]!), entry: f.entry });
      return;
    }
    // names share words (Zhang, Institute): each word's spelling and key are computed once
    // (loops by index: for-of makes an iterator result per word in code not yet optimised)
    const infos: TokenInfo[] = [];
    for (let i = 0; i < words.length; i++) infos.push(this.info(words[i]!));
    const key = keyOfWords(words, infos);
    // joining only drops a letter repeated across a seam, so the words' letters are the form's
    let letters = 0;
    for (let i = 0; i < infos.length; i++) letters |= infos[i]!.letters;
    this.add({ form: f.text, wordCount: words.length, joined: joinCollapsed(infos), key, entry: f.entry }, letters);
    if (words.length >= 2) this.addNameWords(f, words, infos);
  }

  /** Each distinctive word of a longer name (see the file comment) as a target of its own. */
  private addNameWords(f: GlossaryForm, words: readonly string[], infos: readonly TokenInfo[]): void {
    // the trie node of the words before `depth`: walked only as far as a distinctive word needs
    let node = this.leftTrie;
    let depth = 0;
    for (let index = 0; index < words.length; index++) {
      const w = words[index]!;
      const inf = infos[index]!;
      if (w.length < 4 || !/^[A-Z][a-z]/.test(w) || this.ordinary(inf)) continue;
      for (; depth < index; depth++) {
        const prev = infos[depth]!;
        const code = firstCode(prev.collapsed) * 128 + firstCode(prev.key);
        let next = node.next.get(code);
        if (!next) node.next.set(code, (next = { id: -1, next: new Map() }));
        node = next;
      }
      if (node.id < 0) node.id = this.leftIdCount++;
      this.add({ form: w, wordCount: 1, joined: inf.collapsed, key: inf.key, entry: f.entry, partOf: { form: f.text, index, words: infos, leftId: node.id } }, inf.letters);
    }
  }

  /** Files a target in its group (`letters`: those of its collapsed spelling), making the group if new. */
  private add(t: Target, letters: number): void {
    this.maxWords = Math.max(this.maxWords, t.wordCount + 1);
    const grows = (t.partOf?.index ?? 0) > 0;
    const first = this.groups.get(t.joined);
    for (let g: Group | null | undefined = first; g; g = g.sameSpelling) {
      if (g.key !== t.key) continue;
      g.targets.push(t);
      g.minWords = Math.min(g.minWords, t.wordCount);
      g.grows ||= grows;
      return;
    }
    const g: Group = {
      joined: t.joined, key: t.key, targets: [t], stamp: -1, letters, minWords: t.wordCount,
      grows, sameSpelling: first ?? null,
    };
    this.groups.set(t.joined, g);
    if (t.key.length >= 2) push(this.byKey, t.key, g);
    const n = t.joined.length;
    if (n < 4) return;
    const e = endLength(n);
    fileByLength(this.byEnds, endCode(0, e, lettersCode(t.joined, 0, e)), g);
    fileByLength(this.byEnds, endCode(1, e, lettersCode(t.joined, n - e, n)), g);
  }

  /** Collapsed spelling, key and letters of a token's text, cached. */
  info(text: string): TokenInfo {
    let i = this.tokenInfo.get(text);
    if (!i) {
      if (this.tokenInfo.size > 50_000) this.tokenInfo.clear();
      const collapsed = collapse(text);
      i = { text, collapsed, key: phoneticKey(text), letters: letterMask(collapsed), word: undefined, startsForm: undefined };
      this.tokenInfo.set(text, i);
    }
    return i;
  }

  /** Whether a token is an ordinary English word (asked once per distinct text). */
  ordinary(i: TokenInfo): boolean {
    return (i.word ??= this.isWord(i.text.toLowerCase()));
  }

  /**
   * False when no form can begin with this token: a window (tokens joined by spaces or hyphens) that equals a
   * lower-cased form begins with that form's leading letters, so the window needs no text of its own to check.
   */
  mayStartForm(i: TokenInfo): boolean {
    return (i.startsForm ??= this.formLeads.has(leadingLetters(i.text.toLowerCase())));
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
    const lo = Math.ceil(n * 0.8);
    const hi = Math.floor(n / 0.8);
    // targets shorter than six letters are filed under two letters of each end, longer ones under three
    if (lo < 6) this.collectEnds(lo, Math.min(hi, 5), 2, joined);
    if (hi >= 6) this.collectEnds(Math.max(lo, 6), hi, 3, joined);
    return list;
  }

  private readonly found: Group[] = [];

  private collect(gs: Group[] | undefined): void {
    if (!gs) return;
    for (const g of gs) this.collectOne(g);
  }

  private collectOne(g: Group): void {
    if (g.stamp === this.stamp) return;
    g.stamp = this.stamp;
    this.found.push(g);
  }

  /**
   * The groups of lengths lo..hi filed under the first and under the last `e` letters of `joined`: length by
   * length, those of the first letters before those of the last.
   */
  private collectEnds(lo: number, hi: number, e: number, joined: string): void {
    const n = joined.length;
    const heads = this.byEnds.get(endCode(0, e, lettersCode(joined, 0, e))) ?? NONE;
    const tails = this.byEnds.get(endCode(1, e, lettersCode(joined, n - e, n))) ?? NONE;
    for (let len = lo; len <= hi; len++) {
      this.collect(heads[len]);
      this.collect(tails[len]);
    }
  }

}

/** The first char code of a string, 0 for an empty one. */
function firstCode(s: string): number {
  return s.length > 0 ? s.charCodeAt(0) : 0;
}

/** The phonetic key of a form's words joined: from their keys where no rule reads across a seam (joinKeys). */
function keyOfWords(words: readonly string[], infos: readonly TokenInfo[]): string {
  if (words.length === 0) return '';
  let key = infos[0]!.key;
  for (let i = 1; i < words.length; i++) {
    const joined = joinKeys(key, words[i - 1]!, infos[i]!.key);
    if (joined === null) return phoneticKeyOfWords(words);
    key = joined;
  }
  return key;
}

/** A number standing for (which end, `e` end letters given by `lettersCode`) of a collapsed spelling. */
function endCode(end: 0 | 1, e: number, letters: number): number {
  return (end * 4 + e) * 32768 + letters;
}

const NONE: readonly (Group[] | undefined)[] = [];

/** Files a group in an end bucket, under its length. */
function fileByLength(map: Map<number, Group[][]>, key: number, g: Group): void {
  let byLength = map.get(key);
  if (!byLength) map.set(key, (byLength = []));
  const len = g.joined.length;
  const list = byLength[len];
  if (list) list.push(g);
  else byLength[len] = [g];
}

/** The letters s[from, to) of a collapsed a-z spelling as a number, five bits a letter. */
function lettersCode(s: string, from: number, to: number): number {
  let code = 0;
  for (let i = from; i < to; i++) code = code * 32 + (s.charCodeAt(i) - 96);
  return code;
}

/** Collapsing joined words equals joining their collapsed spellings, minus a letter repeated across a seam. */
export function joinCollapsed(infos: readonly TokenInfo[], from = 0, to = infos.length): string {
  let joined = '';
  for (let i = from; i < to; i++) joined = appendCollapsed(joined, infos[i]!.collapsed);
  return joined;
}

/** A collapsed spelling with one more word's collapsed spelling joined on (see `joinCollapsed`). */
export function appendCollapsed(joined: string, c: string): string {
  return joined + (joined !== '' && c !== '' && joined.charCodeAt(joined.length - 1) === c.charCodeAt(0) ? c.slice(1) : c);
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
