/**
 * Candidate search for the Chinese glossary matcher (zh-matcher.ts scores what this finds).
 *
 * Index (built once): each Han-only term's key string (one unit per syllable's fuzzy class, see pinyin-key)
 * goes into an exact map; terms of three or more syllables also go into a wildcard map once per position
 * with that syllable replaced by `*` (one syllable of slack), and two-syllable names too, used only when a
 * title such as 院士/教授 follows. The given name of a three-character person's name is indexed as well,
 * matched only before a title (卓昇老师 → 倬胜老师). Terms of 4+ syllables (and 3-syllable names) are indexed
 * with one syllable deleted (国际理研究院 → 国际治理研究院), terms of 3+ syllables with two neighbours swapped
 * (郭可义 → 郭毅可), and long terms with two edits (zh-two-edits.ts). Keys the scorer would reject are not
 * made (a gap at a window's start, a swap of a three-syllable term that is no person …). Keys are polynomial
 * hashes (zh-hash.ts: from prefix sums, a wildcard by subtraction; hits are verified unit by unit), and
 * numeric gates on two units (length masks in flat tables) keep lookups rare, so thousands of terms cost a
 * few table reads per position.
 *
 * Scan: the segment is read into pinyin once; for every Han position and every indexed term length, the
 * window's hash is looked up; hits become candidates unless the window already reads as a glossary term
 * (then it is recorded as correct). Wildcard hits of up to three syllables whose units cannot share an initial
 * or final are dropped here, before scoring, and so are hits the scorer keeps only before a title when none
 * follows (a given name alone, a gap in a two-syllable window or at a window's end): with thousands of names
 * these were three in four candidates.
 */
import type { GlossaryEntry, GlossaryForm } from './glossary';
import { NON_HAN, readPinyin, sliceReading, unitsMayShare, type Reading } from './pinyin-key';
import { looksLikeName } from './surnames';
import { HitMap, KeyHash, PairMask, hashKey, keySlots, sameUnits, sameUnitsDeleted, sameUnitsSwapped } from './zh-hash';
import { TwoEditIndex } from './zh-two-edits';

const HAN_ONLY = /^\p{Script=Han}{2,16}$/u;
export const TITLE = /^(?:副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|研究员|部长|秘书长|总裁)/;

/**
 * One indexed Chinese form. Its key is a slice of the batch reading of all forms; the full reading (syllables,
 * tones, characters) is cut from the batch on first use, as only candidates being scored need it (thousands of
 * per-term arrays otherwise live as long as the index and cost collection time in a cold run).
 */
export class ZhTerm {
  private cut: Reading | undefined;
  /**
   * A person (kind `name`, or shaped like a Chinese name; a given name by its full name), as the scorer reads
   * one; set when indexed.
   */
  person = false;
  constructor(
    readonly text: string,
    /** One unit per syllable (see pinyin-key). */
    readonly key: string,
    readonly entry: GlossaryEntry,
    private readonly batch: Reading,
    private readonly from: number,
    /** For a given name indexed on its own: the full name (matched only before a title). */
    readonly givenOf?: string,
  ) {}

  get reading(): Reading {
    return (this.cut ??= sliceReading(this.batch, this.from, this.from + this.key.length));
  }

  get chars(): string[] {
    return this.reading.chars;
  }
}

/** A window of the text that may be a misheard term. */
export interface Candidate {
  term: ZhTerm;
  at: number;
  len: number;
  /** Wildcarded term position (one syllable of slack), or -1. */
  wild: number;
  /** How the window lines up with the term (see `alignOf`). */
  shape?: { swap?: number; missing?: number; double?: number; merged?: number };
}

/** Pinyin index over the Chinese forms of a glossary (see the file comment). */
export class ZhIndex {
  /** All four maps are keyed by `hashKey` of a key's units (see `KeyHash`); hits are verified unit by unit. */
  private readonly exact = new HitMap<ZhTerm>();
  /** Wildcard keys: the slot in the hash tells the position, so the lists hold terms. */
  private readonly wild = new HitMap<ZhTerm>();
  /**
   * Keys with one syllable deleted (terms of 4+ syllables, and 3-syllable names before a title), and with two
   * neighbouring syllables swapped (郭可义 → 郭毅可). A term is listed once per key; the scan finds which
   * positions give the window (`gapRange`, `swapRange`), so no object per position lives in the index.
   */
  private readonly deleted = new HitMap<ZhTerm>();
  private readonly swapped = new HitMap<ZhTerm>();
  private readonly shortLengths = new Set<number>();
  /**
   * Length masks by two units (bit L: some key of L syllables fits): `plain` by the first two units of every
   * exact, deleted and swapped key; `slots` for wildcard keys by units beside the wildcard (slot 0: units 1 and
   * 2; slot 1: units 0 and 2; slot 2 for a last wildcard from position 2 on: units 0 and 1; a missing third
   * unit reads 0); `ends` for a wildcard inside, from position 2 to the last but one: the first and last units,
   * asked per length only where `endsFirst` (the first unit alone) allows. A position costs a few table reads,
   * and only lengths some key can reach are tried.
   */
  private readonly plain = new PairMask();
  private readonly slots = [new PairMask(), new PairMask(), new PairMask()] as const;
  private readonly ends = new PairMask();
  private readonly endsFirst = new PairMask();
  readonly terms = new Set<string>();
  /** Bit L set: some key has L syllables. */
  private lengthMask = 0;
  private readonly byText = new Map<string, ZhTerm>();
  /** Two-edit keys of long terms (zh-two-edits.ts). */
  private readonly two = new TwoEditIndex();

  constructor(forms: readonly GlossaryForm[]) {
    const lengths = new Set<number>();
    const zh: GlossaryForm[] = [];
    for (const f of forms) {
      if (f.lang !== 'zh' || !HAN_ONLY.test(f.text) || this.terms.has(f.text)) continue;
      this.terms.add(f.text);
      zh.push(f);
    }
    // one pinyin-pro call for all forms (as readPinyinBatch: a newline keeps each form's context its own; the
    // forms are Han only), each form a range of the batch reading
    const batch = readPinyin(zh.map((f) => f.text).join('\n'));
    let at = 0;
    for (const f of zh) {
      const chars = [...f.text];
      const key = batch.key.slice(at, at + chars.length);
      const term = new ZhTerm(f.text, key, f.entry, batch, at);
      this.byText.set(f.text, term);
      if (!key.includes(NON_HAN)) {
        this.addTerm(term, lengths);
        if (chars.length === 3 && (f.entry.kind === 'name' || (f.entry.kind === undefined && looksLikeName(f.text)))) {
          this.addTerm(new ZhTerm(chars.slice(1).join(''), key.slice(1), f.entry, batch, at + 1, f.text), lengths);
        }
      }
      at += chars.length + 1;
    }
    for (const l of this.shortLengths) lengths.add(l);
    for (const l of lengths) this.lengthMask |= 1 << l;
  }

  /** The reading of an indexed term (for the surname matcher). */
  readingOf(text: string): Reading | undefined {
    return this.byText.get(text)?.reading;
  }

  private addTerm(term: ZhTerm, lengths: Set<number>): void {
    const { key, text, entry, givenOf } = term;
    const shaped = looksLikeName(givenOf ?? text);
    const person = entry.kind === 'name' || shaped;
    term.person = person;
    const h = KeyHash.of(key);
    this.exact.add(hashKey(h, key.length, 0), term);
    this.plain.or(key, 0, 1, key.length);
    lengths.add(key.length);
    if (givenOf) return;
    // keys the scorer (zh-matcher.ts) would reject for this term are not made: a two-syllable term's slack, a
    // swap of three syllables and a swap of the first two are for people (as `score` reads a person); a gap never
    // starts a window, nor ends one but in a person's name; a shared word (`part`) has no gap or swap
    for (let j = 0; j < key.length && (key.length > 2 || person); j++) {
      this.wild.add(hashKey(KeyHash.without(h, key, 0, key.length, j), key.length, j + 1), term);
      if (j === 0) this.slots[0].or(key, 1, 2, key.length);
      else if (j === 1) this.slots[1].or(key, 0, 2, key.length);
      else if (j === key.length - 1) this.slots[2].or(key, 0, 1, key.length);
      else {
        this.ends.or(key, 0, key.length - 1, key.length);
        this.endsFirst.or(key, 0, -1, key.length);
      }
    }
    if (entry.part) return;
    this.two.add(term);
    const name = entry.kind === 'name' || (entry.kind === undefined && shaped);
    if (key.length >= 4 || (key.length === 3 && name)) {
      for (let j = 1; j <= gapLast(term); j++) {
        const del = key.slice(0, j) + key.slice(j + 1);
        this.deleted.add(hashKey(KeyHash.of(del), del.length, 0), term, true);
        this.plain.or(del, 0, 1, del.length);
      }
      this.shortLengths.add(key.length - 1);
    }
    if (key.length >= (person ? 3 : 4)) {
      for (let j = swapFirst(term); j + 1 < key.length; j++) {
        const sw = key.slice(0, j) + key[j + 1] + key[j] + key.slice(j + 2);
        if (key[j] !== key[j + 1]) {
          this.swapped.add(hashKey(KeyHash.of(sw), key.length, 0), term, true);
          this.plain.or(sw, 0, 1, sw.length);
        }
      }
    }
  }

  /** True when the text is itself a Chinese glossary term. */
  isTerm(text: string): boolean {
    return this.terms.has(text);
  }

  candidates(text: string, r: Reading): { cands: Candidate[]; correct: [number, number][] } {
    const cands: Candidate[] = [];
    const correct: [number, number][] = [];
    const { key, offsets } = r;
    const n = key.length;
    const kh = new KeyHash(key);
    const sl = keySlots(key);
    // read once, not destructured per position (array destructuring allocates an iterator in cold code)
    const s0 = this.slots[0];
    const s1 = this.slots[1];
    const s2 = this.slots[2];
    let runEnd = 0;
    // two-syllable terms get slack only before a title (轩兰教授 → 薛澜): where titles start, computed once
    let titled: boolean[] | undefined;
    for (let i = 0; i < n; i++) {
      if (key.charCodeAt(i) === 1) continue;
      if (runEnd <= i) {
        runEnd = i;
        while (runEnd < n && key.charCodeAt(runEnd) !== 1) runEnd++;
      }
      this.two.scan(key, sl, kh, i, runEnd, cands);
      const x = sl[i]!;
      const pm = this.plain.read(x, sl[i + 1]!);
      const m0 = s0.read(sl[i + 1]!, sl[i + 2]!) | (s0.read(sl[i + 1]!, 0) & 4);
      const m1 = s1.read(x, sl[i + 2]!) | (s1.read(x, 0) & 4);
      const m2 = s2.read(x, sl[i + 1]!);
      const ef = this.endsFirst.read(x, 0);
      const any = pm | m0 | m1 | m2 | ef;
      if (any === 0) continue;
      // the lengths some key allows, longest first
      for (let rest = any & this.lengthMask; rest !== 0;) {
        const len = 31 - Math.clz32(rest);
        const bit = 1 << len;
        rest ^= bit;
        if (i + len > runEnd) continue;
        const plainHead = (pm & bit) !== 0;
        const h = kh.at(i, len);
        const hits = plainHead ? this.exact.get(hashKey(h, len, 0)) : undefined;
        if (hits) {
          let isCorrect = false;
          for (let k = 0; k < hits.length; k++) {
            const term = hits[k]!;
            if (term.key.length !== len || !sameUnits(key, i, term.key, -1)) continue;
            // a correctly written term has its own key: only then can the window be one
            if (isCorrect || this.terms.has(text.slice(offsets[i], offsets[i + len]))) {
              isCorrect = true;
              break;
            }
            // a given name on its own is a match only before a title (as `score` reads it): thousands of names make
            // two-syllable given names that ordinary words share
            if (term.givenOf && !(titled ??= titleStarts(text, r))[i + len]) continue;
            cands.push({ term, at: i, len, wild: -1 });
          }
          if (isCorrect) {
            correct.push([i, i + len]);
            continue;
          }
        }
        const plain = hashKey(h, len, 0);
        const dh = plainHead && this.shortLengths.has(len) ? this.deleted.get(plain) : undefined;
        if (dh) {
          for (let k = 0; k < dh.length; k++) {
            const term = dh[k]!;
            if (term.key.length !== len + 1) continue;
            for (let pos = 1; pos <= gapLast(term); pos++) {
              // a gap in a window of two, or at its end, is kept by `score` only before a title
              if ((len <= 2 || pos === len) && !(titled ??= titleStarts(text, r))[i + len]) continue;
              if (sameUnitsDeleted(key, i, term.key, pos)) cands.push({ term, at: i, len, wild: -1, shape: { missing: pos } });
            }
          }
        }
        const sh = plainHead && len >= 3 ? this.swapped.get(plain) : undefined;
        if (sh) {
          for (let k = 0; k < sh.length; k++) {
            const term = sh[k]!;
            const tk = term.key;
            if (tk.length !== len) continue;
            for (let pos = swapFirst(term); pos + 1 < len; pos++) {
              if (tk[pos] !== tk[pos + 1] && sameUnitsSwapped(key, i, tk, pos)) cands.push({ term, at: i, len, wild: -1, shape: { swap: pos } });
            }
          }
        }
        if (len === 2) {
          titled ??= titleStarts(text, r);
          if (!titled[i + 2]) continue;
        }
        const me = (ef & bit) !== 0 ? this.ends.read(x, sl[i + len - 1]!) : 0;
        for (let j = 0; j < len; j++) {
          if (((j === 0 ? m0 : j === 1 ? m1 : j === len - 1 ? m2 : me) & bit) === 0) continue;
          const wh = this.wild.get(hashKey(KeyHash.without(h, key, i, len, j), len, j + 1));
          if (!wh) continue;
          for (let k = 0; k < wh.length; k++) {
            const term = wh[k]!;
            const tk = term.key;
            if (tk.length !== len || tk.charCodeAt(j) === key.charCodeAt(i + j) || !sameUnits(key, i, tk, j)) continue;
            // up to three syllables, the wildcarded one must share an initial or a final (see `score`)
            if (len <= 3 && !unitsMayShare(tk.charCodeAt(j), key.charCodeAt(i + j))) continue;
            cands.push({ term, at: i, len, wild: j });
          }
        }
      }
    }
    return { cands, correct };
  }
}

/** For each code point position (and the end): true when a title such as 教授 starts there. */
export function titleStarts(text: string, r: Reading): boolean[] {
  const out: boolean[] = new Array<boolean>(r.chars.length + 1).fill(false);
  const first = /[副院教老先女博校主书社董理研部秘总]/;
  for (let i = 0; i < r.chars.length; i++) {
    if (first.test(r.chars[i]!) && TITLE.test(text.slice(r.offsets[i], r.offsets[i]! + 4))) out[i] = true;
  }
  return out;
}

/** Last term position indexed as a gap: never the first; the last only in a person's name (as `score` reads them). */
function gapLast(term: ZhTerm): number {
  return term.key.length - (term.person ? 1 : 2);
}

/** First term position indexed as a swap: a swap of the first two syllables only in a person's name. */
function swapFirst(term: ZhTerm): number {
  return term.person ? 0 : 1;
}
