/**
 * Chinese glossary matcher: finds spans that *sound like* a glossary term but are written differently
 * (姚继志 → 姚期智, 智理 → 治理, 高温院士 → 高文院士).
 *
 * Index (built once): each Han-only term's key string (one unit per syllable's fuzzy class, see pinyin-key)
 * goes into an exact map; terms of three or more syllables also go into a wildcard map once per position
 * with that syllable replaced by `*` (one syllable of slack), and two-syllable names too, used only when a
 * title such as 院士/教授 follows. The given name of a three-character person's name is indexed as well,
 * matched only before a title (卓昇老师 → 倬胜老师). Numeric gates on the fixed syllables (length, two units)
 * keep wildcard lookups rare, so thousands of terms cost a few set lookups per position.
 *
 * Scan: the segment is read into pinyin once; for every Han position and every indexed term length, the
 * window's key is a `slice` of the segment's key; hits become candidates unless the window already reads as
 * a glossary term. Each candidate is scored: a base by length (longer is more distinctive), minus the pinyin
 * distance (0 identical, 0.3 fuzzy pair, 0.6 half-syllable, 1 unrelated), tone agreement, plus a title after
 * a name. With the lexicon, segmentation decides: a differing character that belongs to a common word
 * reaching outside the window (组织里 is not 治理, 花言巧语 is not 乔宇, 形成一 is not 曾毅) is already
 * explained and is dropped unless a title follows a name; a changed syllable that is not a near-homophone
 * and forms a common word inside the window (通过人工智能 is not 通用人工智能, 人工智能机理 is not
 * 人工智能治理) is dropped; a window that is itself a common word is
 * penalised. Interjections, and function characters unless near-homophones (的模型 is not 大模型), are never
 * the misheard part of a match. Overlapping candidates: most confident wins. The flag covers only the differing characters,
 * so 国际智理研究院 becomes 智 → 治.
 *
 * Beyond substitutions (see docs/glossary.md): terms of 4+ syllables (and 3-syllable names) are indexed with
 * one syllable deleted (国际理研究院 → 国际治理研究院; accepted only where a character beside the gap forms no
 * word, never at the start, at the end only for a titled name), terms of 3+ syllables with two neighbours
 * swapped (郭可义教授 → 郭毅可); both cost one map lookup per window and score below 0.9. Surname-only mentions
 * (徐老师 → 薛老师) are zh-surname.ts.
 */
import type { ChineseLexicon } from '../lexicon/types';
import type { GlossaryEntry, GlossaryForm } from './glossary';
import { formatPinyin, NON_HAN, readPinyin, readPinyinBatch, sliceReading, syllableDistance, unitsMayShare, type Reading } from './pinyin-key';
import { looksLikeName } from './surnames';
import { SurnameMatcher } from './zh-surname';

const HAN_ONLY = /^\p{Script=Han}{2,16}$/u;
const TITLE = /^(?:副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|研究员|部长|秘书长|总裁)/;
/** Never the misheard part of a match: interjections, and (for fuzzy matches) function characters. */
const INTERJECTIONS = new Set([...'啊呃嗯哦吧呢吗哈嘛呀哎诶唉噢']);
const FUNCTION_CHARS = new Set([...'的了是在和与及或也都就这那我你他她它们个一不有为对从把被将以于等其中上下来去说要会能到时而并但还所如之']);

interface ZhTerm {
  text: string;
  chars: string[];
  reading: Reading;
  entry: GlossaryEntry;
  /** For a given name indexed on its own: the full name (matched only before a title). */
  givenOf?: string;
}

/** A proposed correction found by the matcher; offsets are UTF-16 units of the searched text. */
export interface ZhMatch {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  term: string;
  entry: GlossaryEntry;
  confidence: number;
  reason: string;
}

interface Candidate {
  term: ZhTerm;
  at: number;
  len: number;
  /** Wildcarded term position (one syllable of slack), or -1. */
  wild: number;
  /** How the window lines up with the term (see `alignOf`). */
  shape?: { swap?: number; missing?: number };
}

/** Lowest confidence the matcher reports. */
export const ZH_MIN_CONFIDENCE = 0.4;

/** Pinyin index over the Chinese forms of a glossary (see the file comment). */
export class ZhMatcher {
  /** All four maps are keyed by `hashKey` of a key's units (see `KeyHash`); hits are verified unit by unit. */
  private readonly exact = new Map<number, ZhTerm[]>();
  private readonly wild = new Map<number, { term: ZhTerm; pos: number }[]>();
  /** Keys with one syllable deleted (terms of 4+ syllables, and 3-syllable names before a title). */
  private readonly deleted = new Map<number, { term: ZhTerm; pos: number }[]>();
  /** Keys with two neighbouring syllables swapped (郭可义 → 郭毅可). */
  private readonly swapped = new Map<number, { term: ZhTerm; pos: number }[]>();
  private readonly shortLengths = new Set<number>();
  /**
   * Length masks by two units (bit L: some key of L syllables fits): `plain` by the first two units of every
   * exact, deleted and swapped key; `slots` for wildcard keys by the units beside the wildcard (slot 0: units
   * 1 and 2; slot 1: units 0 and 2; slot 2 for a wildcard from position 2 on: units 0 and 1; a missing third
   * unit reads 0). A position costs a few lookups, and only lengths some key can reach are tried.
   */
  private readonly plain = new Map<number, number>();
  private readonly slots = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
  private readonly terms = new Set<string>();
  private readonly lengths: number[];
  private readonly surnames: SurnameMatcher;
  readonly size: number;

  constructor(forms: readonly GlossaryForm[]) {
    const lengths = new Set<number>();
    const zh: GlossaryForm[] = [];
    for (const f of forms) {
      if (f.lang !== 'zh' || !HAN_ONLY.test(f.text) || this.terms.has(f.text)) continue;
      this.terms.add(f.text);
      zh.push(f);
    }
    const readings = readPinyinBatch(zh.map((f) => f.text));
    const byText = new Map(zh.map((f, n) => [f.text, readings[n]!]));
    zh.forEach((f, n) => {
      const term = this.addTerm(f.text, f.entry, lengths, readings[n]!);
      const given = [...f.text].slice(1).join('');
      if (term && [...f.text].length === 3 && (f.entry.kind === 'name' || (f.entry.kind === undefined && looksLikeName(f.text)))) {
        this.addTerm(given, f.entry, lengths, sliceReading(readings[n]!, 1, 3), f.text);
      }
    });
    for (const l of this.shortLengths) lengths.add(l);
    this.lengths = [...lengths].sort((a, b) => b - a);
    this.size = this.terms.size;
    this.surnames = new SurnameMatcher(forms, (t) => byText.get(t));
  }

  private addTerm(text: string, entry: GlossaryEntry, lengths: Set<number>, reading: Reading, givenOf?: string): ZhTerm | null {
    const key = reading.key;
    if (key.includes(NON_HAN)) return null;
    const term: ZhTerm = { text, chars: reading.chars, reading, entry, givenOf };
    const h = KeyHash.of(key);
    push(this.exact, hashKey(h, key.length, 0), term);
    orMask(this.plain, pairOf(key, 0, 1), key.length);
    lengths.add(key.length);
    if (givenOf) return term;
    for (let j = 0; j < key.length; j++) {
      push(this.wild, hashKey(KeyHash.without(h, key, 0, key.length, j), key.length, j + 1), { term, pos: j });
      orMask(this.slots[Math.min(j, 2)]!, j === 0 ? pairOf(key, 1, 2) : j === 1 ? pairOf(key, 0, 2) : pairOf(key, 0, 1), key.length);
    }
    const name = entry.kind === 'name' || (entry.kind === undefined && looksLikeName(text));
    if (key.length >= 4 || (key.length === 3 && name)) {
      for (let j = 0; j < key.length; j++) {
        const del = key.slice(0, j) + key.slice(j + 1);
        push(this.deleted, hashKey(KeyHash.of(del), del.length, 0), { term, pos: j });
        orMask(this.plain, pairOf(del, 0, 1), del.length);
      }
      this.shortLengths.add(key.length - 1);
    }
    if (key.length >= 3) {
      for (let j = 0; j + 1 < key.length; j++) {
        const sw = key.slice(0, j) + key[j + 1] + key[j] + key.slice(j + 2);
        if (key[j] !== key[j + 1]) {
          push(this.swapped, hashKey(KeyHash.of(sw), key.length, 0), { term, pos: j });
          orMask(this.plain, pairOf(sw, 0, 1), sw.length);
        }
      }
    }
    return term;
  }

  /** True when the text is itself a Chinese glossary term. */
  isTerm(text: string): boolean {
    return this.terms.has(text);
  }

  /**
   * Finds sound-alike spans in one text. The lexicon, when given, sharpens precision; `titled` (transcript-wide
   * counts of a character before a title, see `titledCounts`) enables surname-only matches (徐老师 → 薛老师).
   */
  match(text: string, lexicon?: ChineseLexicon, titled?: ReadonlyMap<string, number>): ZhMatch[] {
    if (this.size === 0 || !/\p{Script=Han}/u.test(text)) return [];
    const r = readPinyin(text);
    const { cands, correct } = this.candidates(text, r);
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

  private candidates(text: string, r: Reading): { cands: Candidate[]; correct: [number, number][] } {
    const cands: Candidate[] = [];
    const correct: [number, number][] = [];
    const { key, offsets } = r;
    const n = key.length;
    const kh = new KeyHash(key);
    let runEnd = 0;
    // two-syllable terms get slack only before a title (轩兰教授 → 薛澜): where titles start, computed once
    let titled: boolean[] | undefined;
    for (let i = 0; i < n; i++) {
      if (key.charCodeAt(i) === 1) continue;
      if (runEnd <= i) {
        runEnd = i;
        while (runEnd < n && key.charCodeAt(runEnd) !== 1) runEnd++;
      }
      const pm = this.plain.get(pairOf(key, i, i + 1)) ?? 0;
      const [s0, s1, s2] = this.slots as [Map<number, number>, Map<number, number>, Map<number, number>];
      const m0 = (s0.get(pairOf(key, i + 1, i + 2)) ?? 0) | ((s0.get(pairOf(key, i + 1, -1)) ?? 0) & 4);
      const m1 = (s1.get(pairOf(key, i, i + 2)) ?? 0) | ((s1.get(pairOf(key, i, -1)) ?? 0) & 4);
      const m2 = s2.get(pairOf(key, i, i + 1)) ?? 0;
      const any = pm | m0 | m1 | m2;
      if (any === 0) continue;
      for (const len of this.lengths) {
        if (i + len > runEnd || ((any >> len) & 1) === 0) continue;
        const bit = 1 << len;
        const plainHead = (pm & bit) !== 0;
        const h = kh.at(i, len);
        const hits = plainHead ? this.exact.get(hashKey(h, len, 0)) : undefined;
        if (hits) {
          let isCorrect = false;
          for (const term of hits) {
            if (term.reading.key.length !== len || !sameUnits(key, i, term.reading.key, -1)) continue;
            // a correctly written term has its own key: only then can the window be one
            if (isCorrect || this.terms.has(text.slice(offsets[i], offsets[i + len]))) {
              isCorrect = true;
              break;
            }
            cands.push({ term, at: i, len, wild: -1 });
          }
          if (isCorrect) {
            correct.push([i, i + len]);
            continue;
          }
        }
        const plain = hashKey(h, len, 0);
        const dh = plainHead && this.shortLengths.has(len) ? this.deleted.get(plain) : undefined;
        if (dh) for (const d of dh) if (d.term.reading.key.length === len + 1 && sameUnitsDeleted(key, i, d.term.reading.key, d.pos)) cands.push({ term: d.term, at: i, len, wild: -1, shape: { missing: d.pos } });
        const sh = plainHead && len >= 3 ? this.swapped.get(plain) : undefined;
        if (sh) for (const w of sh) if (w.term.reading.key.length === len && sameUnitsSwapped(key, i, w.term.reading.key, w.pos)) cands.push({ term: w.term, at: i, len, wild: -1, shape: { swap: w.pos } });
        if (len === 2) {
          titled ??= titleStarts(text, r);
          if (!titled[i + 2]) continue;
        }
        for (let j = 0; j < len; j++) {
          if (((j === 0 ? m0 : j === 1 ? m1 : m2) & bit) === 0) continue;
          const wh = this.wild.get(hashKey(KeyHash.without(h, key, i, len, j), len, j + 1));
          if (!wh) continue;
          for (const w of wh) {
            const tk = w.term.reading.key;
            if (tk.length !== len || tk.charCodeAt(j) === key.charCodeAt(i + j) || !sameUnits(key, i, tk, j)) continue;
            // up to three syllables, the wildcarded one must share an initial or a final (see `score`)
            if (len <= 3 && !unitsMayShare(tk.charCodeAt(j), key.charCodeAt(i + j))) continue;
            cands.push({ term: w.term, at: i, len, wild: j });
          }
        }
      }
    }
    return { cands, correct };
  }

  private score(text: string, r: Reading, c: Candidate, lexicon?: ChineseLexicon): ZhMatch | null {
    const { term, at, len, wild, shape } = c;
    const t = term.reading;
    const align = alignOf(c);
    const diff: number[] = [];
    let dist = 0;
    let toneMiss = 0;
    let functionChange = false;
    for (let p = 0; p < len; p++) {
      const q = align[p]!;
      const d = syllableDistance(r.syllables[at + p]!, t.syllables[q]!);
      if (r.chars[at + p] !== term.chars[q] || (shape?.swap !== undefined && q !== p)) {
        diff.push(p);
        const ch = r.chars[at + p]!;
        if (INTERJECTIONS.has(ch)) return null;
        if (d >= 0.6 && FUNCTION_CHARS.has(ch)) functionChange = true;
      }
      dist += d;
      if (r.tones[at + p] !== t.tones[q]) toneMiss++;
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
    const nameLike = term.entry.kind === 'name' || looksLikeName(term.givenOf ?? term.text);
    if (term.givenOf && !(titled && dist === 0)) return null;
    const window = r.chars.slice(at, at + len).join('');
    if (wild >= 0) {
      const d = syllableDistance(r.syllables[at + wild]!, t.syllables[wild]!);
      if (len <= 2 && !(titled && d <= 0.6 && dist === d && nameLike)) return null;
      if (len === 3 && (d > 0.6 || diff.length > 2)) return null;
    }
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
    conf -= (len <= 2 ? 0.08 : 0.05) * toneMiss;
    if (toneMiss === 0) conf += 0.05;
    if (titled) conf += 0.1;
    // a gap only where the text falls apart: a character beside it forms no word (国际理研究院: 理), so 当前人工智能
    // is not 前沿人工智能 missing 沿 and 人工智能理论 not 人工智能治理 missing 治
    if (missing !== undefined && !lexicon && !(titled && nameLike)) return null;
    if (lexicon && missing !== undefined && !(titled && nameLike) &&
        ![missing - 1, missing].some((p) => p >= 0 && p < len && !explainedOutside(text, r, at + p, at + p + 1, -1, -1, lexicon))) return null;
    if (lexicon && diff.length > 0) {
      const lo = at + diff[0]!;
      const hi = at + diff[diff.length - 1]! + 1;
      const strong = titled && nameLike;
      // segmentation: a differing character inside a common word that reaches outside the window is explained
      // (a same-key match of three or more syllables is strong enough on its own: 姚旗志愿士, 香港深城市)
      if (!strong && !(wild < 0 && !shape && len >= 3) && explainedOutside(text, r, lo, hi, at, at + len, lexicon)) return null;
      // a changed syllable that forms a common word inside the window is that word (人工智能机理, 通过), unless
      // the term is opaque there (华信有道 for 华信永道: 永 forms no word inside the term)
      if (!strong && len - diff.length < 6 && diff.some((p) => syllableDistance(r.syllables[at + p]!, t.syllables[align[p]!]!) >= 0.6 &&
          formsWordInside(r, at + p, at, at + len, lexicon) && !opaque)) return null;
    }
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
      thi = Math.max(thi, align[p]! + 1);
    }
    if (missing !== undefined && missing >= lo && missing <= hi) {
      tlo = Math.min(tlo, missing);
      thi = Math.max(thi, missing + 1);
    }
    const sign = dist === 0 && !shape ? '=' : '≈';
    const name = term.givenOf ? `${term.text} (given name of ${term.givenOf})` : term.text;
    const how = missing !== undefined ? ', one syllable missing' : shape?.swap !== undefined ? ', two syllables swapped' : '';
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
    out.push(m !== undefined ? (p < m ? p : p + 1) : s === p ? p + 1 : s !== undefined && s + 1 === p ? p - 1 : p);
  }
  return out;
}

function isCommon(lexicon: ChineseLexicon, word: string): boolean {
  if (!lexicon.has(word)) return false;
  const rank = lexicon.rank?.(word);
  return rank === undefined || rank < 60000;
}

/** True when a common word of 2-4 characters covers a character of [lo, hi) and reaches outside [from, to). */
function explainedOutside(text: string, r: Reading, lo: number, hi: number, from: number, to: number, lexicon: ChineseLexicon): boolean {
  const n = r.chars.length;
  for (let p = lo; p < hi; p++) {
    for (let a = Math.max(0, p - 3); a <= p; a++) {
      for (let b = p + 1; b <= Math.min(n, a + 4); b++) {
        if (b - a < 2 || (a >= from && b <= to)) continue;
        if (r.key.slice(a, b).includes(NON_HAN)) continue;
        if (isCommon(lexicon, text.slice(r.offsets[a], r.offsets[b]))) return true;
      }
    }
  }
  return false;
}

/** True when the character at `p` forms a common two-character word with a neighbour inside [from, to). */
function formsWordInside(r: Reading, p: number, from: number, to: number, lexicon: ChineseLexicon): boolean {
  const c = r.chars[p]!;
  return (p - 1 >= from && isCommon(lexicon, r.chars[p - 1]! + c)) || (p + 1 < to && isCommon(lexicon, c + r.chars[p + 1]!));
}

function orMask(map: Map<number, number>, pair: number, len: number): void {
  map.set(pair, (map.get(pair) ?? 0) | (1 << len));
}

/** Two units of a key as one number (position -1 or past the end reads 0, as gates do for short keys). */
function pairOf(key: string, a: number, b: number): number {
  const v = b >= 0 && b < key.length ? key.charCodeAt(b) : 0;
  return key.charCodeAt(a) * 65536 + v;
}

const BASE = 0x2f0b3;
/** BASE^k modulo 2^32, grown on demand. */
const POW: number[] = [1];
function pow(k: number): number {
  while (POW.length <= k) POW.push(Math.imul(POW[POW.length - 1]!, BASE));
  return POW[k]!;
}

/**
 * Polynomial hashes of a key's windows (modulo 2^32, from prefix hashes), so a window's hash and its hash with
 * one unit wildcarded are a few multiplications, and no substring is built per window.
 */
class KeyHash {
  private readonly prefix: Int32Array;
  constructor(key: string) {
    this.prefix = new Int32Array(key.length + 1);
    for (let i = 0; i < key.length; i++) this.prefix[i + 1] = (Math.imul(this.prefix[i]!, BASE) + key.charCodeAt(i)) | 0;
  }
  /** Hash of key[i, i + len). */
  at(i: number, len: number): number {
    return (this.prefix[i + len]! - Math.imul(this.prefix[i]!, pow(len))) | 0;
  }
  static of(key: string): number {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, BASE) + key.charCodeAt(i)) | 0;
    return h;
  }
  /** Hash `h` of key[at, at + len) with unit j counted as 0 (the wildcard). */
  static without(h: number, key: string, at: number, len: number, j: number): number {
    return (h - Math.imul(key.charCodeAt(at + j), pow(len - 1 - j))) | 0;
  }
}

/** A map key from a hash, a length and a slot (0 plain, j + 1 wildcard at j); kept a small integer. */
function hashKey(h: number, len: number, slot: number): number {
  return (Math.imul(h ^ (len * 0x45d9f3b + slot * 0x27d4eb2d), 0x9e3779b1) >>> 2) & 0x3fffffff;
}

/** key[at, at + term.length) equals `term`, except position `skip` (or nowhere when -1). */
function sameUnits(key: string, at: number, term: string, skip: number): boolean {
  for (let p = 0; p < term.length; p++) if (p !== skip && key.charCodeAt(at + p) !== term.charCodeAt(p)) return false;
  return true;
}

/** key[at, at + term.length - 1) equals `term` without its unit `pos`. */
function sameUnitsDeleted(key: string, at: number, term: string, pos: number): boolean {
  for (let p = 0, q = 0; q < term.length; q++) {
    if (q === pos) continue;
    if (key.charCodeAt(at + p++) !== term.charCodeAt(q)) return false;
  }
  return true;
}

/** key[at, at + term.length) equals `term` with units pos and pos + 1 exchanged. */
function sameUnitsSwapped(key: string, at: number, term: string, pos: number): boolean {
  for (let p = 0; p < term.length; p++) {
    const q = p === pos ? pos + 1 : p === pos + 1 ? pos : p;
    if (key.charCodeAt(at + p) !== term.charCodeAt(q)) return false;
  }
  return true;
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** For each code point position (and the end): true when a title such as 教授 starts there. */
function titleStarts(text: string, r: Reading): boolean[] {
  const out: boolean[] = new Array<boolean>(r.chars.length + 1).fill(false);
  const first = /[副院教老先女博校主书社董理研部秘总]/;
  for (let i = 0; i < r.chars.length; i++) {
    if (first.test(r.chars[i]!) && TITLE.test(text.slice(r.offsets[i], r.offsets[i]! + 4))) out[i] = true;
  }
  return out;
}

/** A candidate lying inside a correctly written glossary term is noise. */
function inside(correct: [number, number][], c: Candidate): boolean {
  for (const [a, b] of correct) if (c.at >= a && c.at + c.len <= b) return true;
  return false;
}

function pickBest(matches: ZhMatch[]): ZhMatch[] {
  matches.sort((a, b) => b.confidence - a.confidence || b.term.length - a.term.length || a.start - b.start);
  const chosen: ZhMatch[] = [];
  for (const m of matches) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}
