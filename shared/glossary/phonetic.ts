/**
 * Spelling and sound distances for Latin words, tuned for names heard by a recogniser that also knows
 * pinyin: `Qinhua`/`Tsinghua`, `Benjo`/`Bengio`, `tech mark`/`Tegmark`.
 *
 * The phonetic key is a small consonant skeleton (in the spirit of Soundex/Metaphone, written from scratch):
 * soft g/c before e/i/y become J/S, ch/ts/tz/q become one affricate C (ch before a consonant is K, as in
 * "tech"), voiced and voiceless pairs merge (b/p, d/t, g/k, v/f, s/z), h/w/y and vowels after the first letter
 * vanish, and repeated units collapse. Edit distance is optimal string alignment (adjacent swaps cost one),
 * counted over code points.
 */

/** Lower-cases, keeps letters and collapses runs of one letter (`Russellll` → `rusel`). */
export function collapse(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
}

/** Bit of a lower-case letter in a letter set. */
const bit = (letters: string): number => [...letters].reduce((m, c) => m | (1 << (c.charCodeAt(0) - 97)), 0);

/**
 * Sound rules in order; each runs only when its trigger letters occur (most words need few of them). The last
 * item lists letter sets one of which the word must hold for the trigger to be possible: a bit test on the
 * word's letters (replacements only remove lower-case letters) skips most regular-expression tests.
 */
const RULES: [RegExp, string, RegExp, number[]][] = [
  [/tsch|sch/g, 'S', /sch/, [bit('sch')]],
  [/ch(?=[^aeiouy]|$)/g, 'K', /ch/, [bit('ch')]],
  [/ch|tsh|ts|tz|q(?!u)/g, 'C', /ch|ts|tz|q/, [bit('ch'), bit('ts'), bit('tz'), bit('q')]],
  [/qu|ck|kh|x(?=$)/g, 'K', /qu|ck|kh|x/, [bit('qu'), bit('ck'), bit('kh'), bit('x')]],
  [/ph/g, 'F', /ph/, [bit('ph')]],
  [/sh|x/g, 'S', /sh|x/, [bit('sh'), bit('x')]],
  [/zh|dg|j|g(?=[eiy])/g, 'J', /zh|dg|j|g/, [bit('zh'), bit('j'), bit('g')]],
  [/th/g, 'T', /th/, [bit('th')]],
  [/gh/g, '', /gh/, [bit('gh')]],
  [/c(?=[eiy])/g, 'S', /c/, [bit('c')]],
  [/ng/g, 'N', /ng/, [bit('ng')]],
];
const SINGLE: Record<string, string> = {
  b: 'P', p: 'P', d: 'T', t: 'T', g: 'K', k: 'K', c: 'K', v: 'F', f: 'F', s: 'S', z: 'S',
  m: 'M', n: 'N', l: 'L', r: 'R',
};

/** Keys already computed (the same words and windows recur across a transcript and a glossary). */
const keyCache = new Map<string, string>();

/** Consonant skeleton of a word or of several words joined (`tech mark` → `TKMRK`). */
export function phoneticKey(text: string): string {
  const cached = keyCache.get(text);
  if (cached !== undefined) return cached;
  let w = text.toLowerCase().replace(/[^a-z]/g, '');
  let out = '';
  if (w !== '') {
    out = /^[aeiou]/.test(w) ? 'A' : /^[yw]/.test(w) ? 'Y' : '';
    let letters = 0;
    for (let i = 0; i < w.length; i++) letters |= 1 << (w.charCodeAt(i) - 97);
    for (const [re, to, trigger, needs] of RULES) {
      if (needs.some((n) => (letters & n) === n) && trigger.test(w)) w = w.replace(re, to);
    }
    for (const ch of w) {
      const unit = ch >= 'A' && ch <= 'Z' ? ch : (SINGLE[ch] ?? '');
      if (unit && out[out.length - 1] !== unit) out += unit;
    }
  }
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(text, out);
  return out;
}

/** Optimal-string-alignment edit distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** 1 − distance / longer length, over collapsed spellings. */
export function spellingSimilarity(a: string, b: string): number {
  const x = collapse(a);
  const y = collapse(b);
  const n = Math.max(x.length, y.length);
  return n === 0 ? 0 : 1 - editDistance(x, y) / n;
}

/** Letters a recogniser confuses inside spoken acronyms (GBT/GPT, ITO/ITU). */
const CONFUSABLE = new Set(['BP', 'PB', 'DT', 'TD', 'MN', 'NM', 'OU', 'UO', 'GJ', 'JG', 'CZ', 'ZC', 'BD', 'DB', 'BV', 'VB', 'EI', 'IE', 'AE', 'EA']);

/**
 * How an all-caps token relates to an acronym: `confusable` (one confusable letter swapped), `swap`
 * (two adjacent letters swapped), `gap` (one letter missing or extra, three letters or more), or null.
 */
export function acronymRelation(token: string, acronym: string): 'confusable' | 'swap' | 'gap' | null {
  if (token === acronym) return null;
  if (token.length === acronym.length) {
    const diff: number[] = [];
    for (let i = 0; i < token.length; i++) if (token[i] !== acronym[i]) diff.push(i);
    if (diff.length === 1) return CONFUSABLE.has(token[diff[0]!]! + acronym[diff[0]!]!) ? 'confusable' : null;
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && token[diff[0]!] === acronym[diff[1]] && token[diff[1]] === acronym[diff[0]!]) return 'swap';
    return null;
  }
  if (Math.abs(token.length - acronym.length) === 1 && Math.max(token.length, acronym.length) >= 3) {
    return editDistance(token, acronym) === 1 ? 'gap' : null;
  }
  return null;
}

/** Scratch rows for `editDistanceWithin` (grown on demand; the function is not re-entrant). */
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance (optimal string alignment) when it is at most `max`, otherwise `max + 1`; stops early once
 * every cell of a row exceeds `max`, so comparing a window with a far-off target costs a few rows. Works on
 * UTF-16 units (callers pass collapsed Latin letters) and allocates nothing.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const ap = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && ap === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, max + 1);
}
