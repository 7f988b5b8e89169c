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

const RULES: [RegExp, string][] = [
  [/tsch|sch/g, 'S'],
  [/ch(?=[^aeiouy]|$)/g, 'K'],
  [/ch|tsh|ts|tz|q(?!u)/g, 'C'],
  [/qu|ck|kh|x(?=$)/g, 'K'],
  [/ph/g, 'F'],
  [/sh|x/g, 'S'],
  [/zh|dg|j|g(?=[eiy])/g, 'J'],
  [/th/g, 'T'],
  [/gh/g, ''],
  [/c(?=[eiy])/g, 'S'],
  [/ng/g, 'N'],
];
const SINGLE: Record<string, string> = {
  b: 'P', p: 'P', d: 'T', t: 'T', g: 'K', k: 'K', c: 'K', v: 'F', f: 'F', s: 'S', z: 'S',
  m: 'M', n: 'N', l: 'L', r: 'R',
};

/** Consonant skeleton of a word or of several words joined (`tech mark` → `TKMRK`). */
export function phoneticKey(text: string): string {
  let w = text.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return '';
  const first = /^[aeiou]/.test(w) ? 'A' : /^[yw]/.test(w) ? 'Y' : '';
  for (const [re, to] of RULES) w = w.replace(re, to);
  let out = first;
  for (const ch of w) {
    const unit = /[A-Z]/.test(ch) ? ch : (SINGLE[ch] ?? '');
    if (unit && out[out.length - 1] !== unit) out += unit;
  }
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
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && token[diff[0]!] === acronym[diff[1]!] && token[diff[1]!] === acronym[diff[0]!]) return 'swap';
    return null;
  }
  if (Math.abs(token.length - acronym.length) === 1 && Math.max(token.length, acronym.length) >= 3) {
    return editDistance(token, acronym) === 1 ? 'gap' : null;
  }
  return null;
}

/**
 * Edit distance (optimal string alignment) when it is at most `max`, otherwise `max + 1`; stops early once
 * every cell of a row exceeds `max`, so comparing a window with a far-off target costs a few rows.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[n]!, max + 1);
}
