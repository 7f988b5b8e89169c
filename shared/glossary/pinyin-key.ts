/**
 * Pinyin keys for sound-alike matching.
 *
 * Each Han character becomes a toneless syllable (pinyin-pro, in context so polyphones read right) and a
 * tone digit. A syllable's *fuzzy class* merges the pairs ASR and southern accents confuse: initials zh/z,
 * ch/c, sh/s, n/l, f/h and finals an/ang, en/eng, in/ing. Classes are interned to small integers and written
 * as one UTF-16 unit each, so a run of text becomes a short *key string* and a window's key is a plain
 * `slice` — the matcher's index lookups cost one substring each. Non-Han characters get a sentinel unit that
 * no term key contains, so a window never spans punctuation or Latin text.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
const FUZZY_INITIAL: Record<string, string> = { zh: 'z', ch: 'c', sh: 's', n: 'l', f: 'h' };
const FUZZY_FINAL: Record<string, string> = { ang: 'an', eng: 'en', ing: 'in', iang: 'ian', uang: 'uan' };

/** Not-a-syllable unit: never part of a term key. */
export const NON_HAN = '\u0001';

/** Splits a toneless syllable into initial and final (`zhi` → `zh` + `i`; `an` → `` + `an`). */
export function splitSyllable(syl: string): [string, string] {
  let parts = splits.get(syl);
  if (!parts) {
    if (splits.size > 10_000) {
    splits.clear();
    classes.clear();
  }
    parts = firstSplit(syl);
    splits.set(syl, parts);
  }
  return parts;
}

/** Syllables seen so far, split and classed once (a transcript has a few hundred distinct syllables). */
const splits = new Map<string, [string, string]>();
const classes = new Map<string, string>();

function firstSplit(syl: string): [string, string] {
  for (const ini of INITIALS) if (syl.startsWith(ini) && syl.length > ini.length) return [ini, syl.slice(ini.length)];
  return ['', syl];
}

/** The fuzzy class of a toneless syllable: `zhang` → `zan`, `ling` → `lin`, `nian` → `lian`. */
export function fuzzyClass(syl: string): string {
  let cls = classes.get(syl);
  if (cls === undefined) {
    const [ini, fin] = splitSyllable(syl);
    cls = (FUZZY_INITIAL[ini] ?? ini) + (FUZZY_FINAL[fin] ?? fin);
    classes.set(syl, cls);
  }
  return cls;
}

const classIds = new Map<string, number>();
/** Interned fuzzy class → one UTF-16 unit (from U+0100; ~450 classes exist). */
export function classUnit(syl: string): string {
  const cls = fuzzyClass(syl);
  let id = classIds.get(cls);
  if (id === undefined) {
    id = classIds.size;
    classIds.set(cls, id);
    const [ini, fin] = splitSyllable(syl);
    classParts.push([FUZZY_INITIAL[ini] ?? ini, FUZZY_FINAL[fin] ?? fin]);
  }
  return String.fromCharCode(0x100 + id);
}

/** Fuzzy initial and final of each interned class, by id. */
const classParts: [string, string][] = [];

/**
 * False when no syllables of the two key units can share an initial or a final (so `syllableDistance` is 1):
 * a cheap test on units before reading syllables. Units outside the interned classes count as related.
 */
export function unitsMayShare(u: number, v: number): boolean {
  const a = classParts[u - 0x100];
  const b = classParts[v - 0x100];
  return !a || !b || a[0] === b[0] || a[1] === b[1];
}

/** Pinyin of one text, one item per code point. */
export interface Reading {
  /** Code points of the text. */
  chars: string[];
  /** UTF-16 offset of each code point, plus the text length at the end. */
  offsets: number[];
  /** Toneless syllable per code point ('' for non-Han). */
  syllables: string[];
  /** Tone 0-4 per code point (0: neutral or unknown). */
  tones: number[];
  /** One unit per code point: the fuzzy class, or NON_HAN. */
  key: string;
}

function parseSyllable(s: string): [string, number] {
  const m = /^([a-zü]+)([0-5])?$/.exec(s.toLowerCase());
  if (!m) return ['', 0];
  return [m[1]!.replace(/ü/g, 'v'), Number(m[2] ?? 0) % 5];
}

/**
 * A tone-marked syllable (`zhì`) as pinyin-pro's numbered form (`zhi4`): the same replacements and tone tests
 * as its `toneType: 'num'` option, which costs more per character than the whole cached conversion here.
 */
function numbered(py: string): string {
  const base = py.replace(/[āáǎà]/g, 'a').replace(/[ōóǒò]/g, 'o').replace(/[ēéěè]/g, 'e').replace(/[īíǐì]/g, 'i')
    .replace(/[ūúǔù]/g, 'u').replace(/[ǖǘǚǜ]/g, 'ü').replace(/n̄|ń|ň|ǹ/g, 'n').replace(/m̄|ḿ|m̌|m̀/g, 'm').replace(/ê̄|ế|ê̌|ề/g, 'ê');
  const tone = /ā|ō|ē|ī|ū|ǖ|n̄|m̄|ê̄/.test(py) ? '1' : /á|ó|é|í|ú|ǘ|ń|ḿ|ế/.test(py) ? '2' : /ǎ|ǒ|ě|ǐ|ǔ|ǚ|ň|m̌|ê̌/.test(py) ? '3'
    : /à|ò|è|ì|ù|ǜ|ǹ|m̀|ề/.test(py) ? '4' : /[aoeiuüê]|[nm]$/.test(py) ? '0' : '';
  return base + tone;
}

/** pinyin-pro's `zhì` → syllable, tone and key unit; a few thousand distinct values, so cached. */
const parsed = new Map<string, { syl: string; tone: number; unit: string }>();
function parsedSyllable(py: string): { syl: string; tone: number; unit: string } {
  let p = parsed.get(py);
  if (!p) {
    const [syl, tone] = parseSyllable(numbered(py));
    p = { syl, tone, unit: syl ? classUnit(syl) : NON_HAN };
    parsed.set(py, p);
  }
  return p;
}

/**
 * True for a UTF-16 unit from U+3400 on that has Script=Han: CJK Unified Ideographs and Extension A, and the
 * CJK Compatibility Ideographs (the BMP's only Han code points at or above U+3400). Below U+3400: false.
 */
export function isBmpHanFrom3400(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0xf900 && u <= 0xfa6d) || (u >= 0xfa70 && u <= 0xfad9);
}

/** Reads a text into syllables, tones and a key string (see the file comment). */
export function readPinyin(text: string): Reading {
  const chars = [...text];
  const n = chars.length;
  // arrays of their final length, filled by index (a transcript is read in batches of thousands of characters)
  const offsets = new Array<number>(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    at += chars[i]!.length;
  }
  offsets[n] = at;
  // tone marks, converted through a cache (see `numbered`)
  let py = pinyin(text, { type: 'array' });
  if (py.length !== n) py = chars.map((c) => (HAN.test(c) ? pinyin(c, { type: 'array' })[0] ?? '' : c));
  const syllables = new Array<string>(n);
  const tones = new Array<number>(n);
  const units = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = chars[i]!;
    // Han characters used in practice are single UTF-16 units from U+3400 on, where Script=Han is exactly the
    // ranges in `isBmpHanFrom3400` (checked against the regex over the whole range in a test); the rest by script
    const han = c.length === 1 ? isBmpHanFrom3400(c.charCodeAt(0)) : HAN.test(c);
    const p = han ? parsedSyllable(py[i] ?? '') : null;
    syllables[i] = p ? p.syl : '';
    tones[i] = p ? p.tone : 0;
    units[i] = p ? p.unit : NON_HAN;
  }
  return { chars, offsets, syllables, tones, key: units.join('') };
}

/**
 * Reads many short texts (glossary terms) with one pinyin-pro call: they are joined with a separator that
 * is not Han, read in one pass (each call has a fixed cost: 5,000 terms cost ~0.5 s one by one) and cut
 * apart again. A text containing the separator is read on its own.
 */
export function readPinyinBatch(texts: readonly string[]): Reading[] {
  const SEP = '\n';
  const safe = texts.filter((t) => !t.includes(SEP));
  const whole = safe.length > 0 ? readPinyin(safe.join(SEP)) : null;
  const out: Reading[] = [];
  let at = 0;
  for (const t of texts) {
    if (t.includes(SEP) || !whole) {
      out.push(readPinyin(t));
      continue;
    }
    const n = [...t].length;
    out.push(sliceReading(whole, at, at + n));
    at += n + 1;
  }
  return out;
}

/** The reading of code points [from, to) of a read text, with offsets relative to its own start. */
export function sliceReading(r: Reading, from: number, to: number): Reading {
  const base = r.offsets[from]!;
  return {
    chars: r.chars.slice(from, to),
    offsets: r.offsets.slice(from, to + 1).map((o) => o - base),
    syllables: r.syllables.slice(from, to),
    tones: r.tones.slice(from, to),
    key: r.key.slice(from, to),
  };
}

/** `zhi4 li3` for display in reasons. */
export function formatPinyin(r: Reading, from = 0, to = r.chars.length): string {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(r.syllables[i] ? `${r.syllables[i]}${r.tones[i] || ''}` : r.chars[i]!);
  return out.join(' ');
}

/**
 * Distance between two toneless syllables: 0 identical, 0.3 same fuzzy class, 0.6 same initial or same
 * final, 1 otherwise.
 */
export function syllableDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (fuzzyClass(a) === fuzzyClass(b)) return 0.3;
  // indexed, not destructured: array destructuring allocates an iterator in code not yet optimised
  const x = splitSyllable(a);
  const y = splitSyllable(b);
  return x[0] === y[0] || x[1] === y[1] ? 0.6 : 1;
}
