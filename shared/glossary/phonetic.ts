/**
 * Spelling and sound distances for Latin words, tuned for names heard by a recogniser that also knows
 * pinyin: `Qinhua`/`Tsinghua`, `Benjo`/`Bengio`, `tech mark`/`Tegmark`.
 *
 * The phonetic key is a small consonant skeleton (in the spirit of Soundex/Metaphone, written from scratch):
 * soft g/c before e/i/y become J/S, ch/ts/tz/q become one affricate C (ch before a consonant is K, as in
 * "tech"), voiced and voiceless pairs merge (b/p, d/t, g/k, v/f, s/z), h/w/y and vowels after the first letter
 * vanish, and repeated units collapse. The rules are written as the regular expressions they were first
 * (test/glossary/phonetic-key.test.ts keeps those as the oracle) and run as passes over a byte buffer; a key of
 * words joined is often their keys joined (`joinKeys`: when no rule reads across the seam). Edit distance is
 * optimal string alignment (adjacent swaps cost one), counted over code points; `countsApart` is a cheap lower
 * bound of it from letter counts.
 */

/** Lower-cases, keeps letters and collapses runs of one letter (`Russellll` → `rusel`). */
export function collapse(word: string): string {
  // most words are ASCII letters without a doubled one: lower-casing is all they need
  let prev = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c < 97 || c > 122 || c === prev) return word.toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
    prev = c;
  }
  return word.toLowerCase();
}

/** Bit of a lower-case letter in a letter set. */
const bit = (letters: string): number => [...letters].reduce((m, c) => m | (1 << (c.charCodeAt(0) - 97)), 0);

/** Which letter may follow an alternative: a table over char codes, index 0 standing for the end of the word. */
type Next = Uint8Array;
const nextTable = (allowed: (code: number) => boolean): Next => Uint8Array.from({ length: 128 }, (_, c) => (allowed(c) ? 1 : 0));
/** `(?=[set])`: one of these letters follows. */
const before = (set: string): Next => nextTable((c) => c !== 0 && set.includes(String.fromCharCode(c)));
/** `(?=[^set]|$)` and `(?!x)`: the word ends or another letter (also an upper-case unit) follows. */
const notBefore = (set: string): Next => nextTable((c) => c === 0 || !set.includes(String.fromCharCode(c)));
/** `(?=$)`: the word ends. */
const atEnd: Next = nextTable((c) => c === 0);

/**
 * A sound rule: one left-to-right pass over the word that, at each position, tries its alternatives in order
 * and writes `to` (an upper-case unit, or nothing) for the first that matches, as a global regular-expression
 * replacement of `alt1|alt2|…` would. Later rules see earlier rules' units. `needs` lists letter sets one of
 * which the word must hold for the rule to be able to match: a bit test on the word's letters (rules only
 * remove lower-case letters) skips most passes.
 */
interface SoundRule {
  /** Letters of each alternative (char codes), and which letter may follow it (null: any, or the end). */
  seqs: Uint8Array[];
  nexts: (Next | null)[];
  to: number;
  /** Char codes that start some alternative (a quick test per position). */
  starts: Uint8Array;
  needs: Int32Array;
}

function rule(to: string, alts: (string | [string, Next])[], needs: string[]): SoundRule {
  const parsed = alts.map((a) => (typeof a === 'string' ? [a, null] as const : a));
  const seqs = parsed.map(([letters]) => Uint8Array.from(letters, (c) => c.charCodeAt(0)));
  const starts = new Uint8Array(128);
  for (const seq of seqs) starts[seq[0]!] = 1;
  return { seqs, nexts: parsed.map(([, next]) => next), to: to === '' ? 0 : to.charCodeAt(0), starts, needs: Int32Array.from(needs, bit) };
}

/** The rules in order, each written as the regular expression it stands for. */
const RULES: SoundRule[] = [
  rule('S', ['tsch', 'sch'], ['sch']), // /tsch|sch/
  rule('K', [['ch', notBefore('aeiouy')]], ['ch']), // /ch(?=[^aeiouy]|$)/
  rule('C', ['ch', 'tsh', 'ts', 'tz', ['q', notBefore('u')]], ['ch', 'ts', 'tz', 'q']), // /ch|tsh|ts|tz|q(?!u)/
  rule('K', ['qu', 'ck', 'kh', ['x', atEnd]], ['qu', 'ck', 'kh', 'x']), // /qu|ck|kh|x(?=$)/
  rule('F', ['ph'], ['ph']), // /ph/
  rule('S', ['sh', 'x'], ['sh', 'x']), // /sh|x/
  rule('J', ['zh', 'dg', 'j', ['g', before('eiy')]], ['zh', 'j', 'g']), // /zh|dg|j|g(?=[eiy])/
  rule('T', ['th'], ['th']), // /th/
  rule('', ['gh'], ['gh']), // /gh/ (silent)
  rule('S', [['c', before('eiy')]], ['c']), // /c(?=[eiy])/
  rule('N', ['ng'], ['ng']), // /ng/
];

/** Unit of a letter left over after the rules ('': it vanishes), and of each upper-case unit itself. */
const UNIT: string[] = Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? String.fromCharCode(c) : ''));
for (const [from, to] of Object.entries({
  b: 'P', p: 'P', d: 'T', t: 'T', g: 'K', k: 'K', c: 'K', v: 'F', f: 'F', s: 'S', z: 'S', m: 'M', n: 'N', l: 'L', r: 'R',
})) UNIT[from.charCodeAt(0)] = to;

/** The word being keyed, as char codes, rewritten in place by the rules (each writes no more than it reads). */
let letters = new Uint8Array(64);

/**
 * Consonant skeleton of a word or of several words joined (`tech mark` → `TKMRK`). Not cached: keys are cheap
 * and most texts asked for are new (windows of a transcript), so a map would hash each text for nothing.
 */
export function phoneticKey(text: string): string {
  return keyOfLetters(appendLetters(text, 0));
}

/** `phoneticKey` of `words[from, to)` joined, without joining them (a form's words, a window's tokens). */
export function phoneticKeyOfWords(words: readonly string[], from = 0, to = words.length): string {
  let n = 0;
  for (let i = from; i < to; i++) n = appendLetters(words[i]!, n);
  return keyOfLetters(n);
}

/**
 * Letters no sound rule reads across: none begins or continues a rule's letters (t s c q k p z d g n), ends one
 * whose rule looks at the next letter (h of ch, q, x, g, c), or is deleted (g h). Rules write only upper-case
 * units, which no rule reads, so a text ending in one of these keeps its rules to itself, whatever follows.
 */
const SEAM_SAFE = bit('abefijlmoruvwy');

/**
 * `phoneticKey(left + right)` from the keys of both sides when `leftText` ends in a letter no rule reads across
 * (SEAM_SAFE): the rules then run on each side as on its own, so the joined key is the left key followed by the
 * right key's units, less the right key's leading-vowel unit and a unit repeated across the seam. Null when a
 * rule might reach across (the caller keys the join itself).
 */
export function joinKeys(leftKey: string, leftText: string, rightKey: string): string | null {
  const last = leftText.charCodeAt(leftText.length - 1) | 32;
  if (last < 97 || last > 122 || (SEAM_SAFE & (1 << (last - 97))) === 0) return null;
  let from = 0;
  // A and Y only ever stand first, for a leading vowel or y/w
  if (from < rightKey.length && (rightKey.charCodeAt(from) === 65 || rightKey.charCodeAt(from) === 89)) from++;
  if (from < rightKey.length && leftKey.length > 0 && rightKey.charCodeAt(from) === leftKey.charCodeAt(leftKey.length - 1)) from++;
  return from === 0 ? leftKey + rightKey : leftKey + rightKey.slice(from);
}

/** The key of the `n` letters in `letters` (rewritten in place by the rules). */
function keyOfLetters(n: number): string {
  if (n === 0) return '';
  const buf = letters;
  let mask = 0;
  for (let i = 0; i < n; i++) mask |= 1 << (buf[i]! - 97);
  const first = buf[0]!;
  // a leading vowel or y/w is kept as one unit (`Evans` AFNS, `Wang` YN)
  let out = first === 97 || first === 101 || first === 105 || first === 111 || first === 117 ? 'A' : first === 119 || first === 121 ? 'Y' : '';
  let len = n;
  for (let r = 0; r < RULES.length; r++) {
    const needs = RULES[r]!.needs;
    for (let j = 0; j < needs.length; j++) {
      if ((mask & needs[j]!) === needs[j]) {
        len = applyRule(RULES[r]!, len);
        break;
      }
    }
  }
  let last = out;
  for (let i = 0; i < len; i++) {
    const unit = UNIT[buf[i]!]!;
    if (unit !== '' && unit !== last) {
      out += unit;
      last = unit;
    }
  }
  return out;
}

/**
 * Writes the lower-cased letters a-z of `text` into `letters` from `at` on and returns the new count. ASCII is
 * read directly; other text goes through `toLowerCase`, which can make a-z of non-ASCII letters (the Kelvin
 * sign K is k). Lower-casing is per character here, so words appended one by one read as their join.
 */
function appendLetters(text: string, at: number): number {
  reserve(at + text.length);
  const buf = letters;
  let n = at;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) buf[n++] = c;
    else if (c >= 65 && c <= 90) buf[n++] = c + 32;
    else if (c >= 128) return appendLowerLetters(text.toLowerCase(), at);
  }
  return n;
}

function appendLowerLetters(lower: string, at: number): number {
  reserve(at + lower.length);
  let n = at;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) letters[n++] = c;
  }
  return n;
}

/** Grows `letters` to hold `size` codes, keeping what it holds. */
function reserve(size: number): void {
  if (letters.length >= size) return;
  const grown = new Uint8Array(size * 2);
  grown.set(letters);
  letters = grown;
}

/** One pass of a sound rule over `letters[0, len)`, in place; returns the new length. */
function applyRule(r: SoundRule, len: number): number {
  const buf = letters;
  const { seqs, nexts, starts, to } = r;
  let w = 0;
  let i = 0;
  scan: while (i < len) {
    const c = buf[i]!;
    if (starts[c] === 1) {
      for (let a = 0; a < seqs.length; a++) {
        const seq = seqs[a]!;
        const end = i + seq.length;
        if (seq[0] !== c || end > len) continue;
        let k = 1;
        while (k < seq.length && buf[i + k] === seq[k]) k++;
        if (k < seq.length) continue;
        const next = nexts[a]!;
        if (next !== null && next[end < len ? buf[end]! : 0] !== 1) continue;
        if (to !== 0) buf[w++] = to;
        i = end;
        continue scan;
      }
    }
    buf[w++] = c;
    i++;
  }
  return w;
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

/** Scratch counts for `countsApart`. */
const spareCounts = new Int32Array(26);

/** Counts of the letters a-z in a collapsed spelling (for `countsApart`). */
export function countLetters(s: string, into: Int32Array): void {
  into.fill(0);
  for (let i = 0; i < s.length; i++) into[s.charCodeAt(i) - 97]!++;
}

/**
 * True when collapsed spellings `a` (given by its letter counts and length) and `b` are surely more than `max`
 * edits apart: each edit (insertion, deletion, substitution, swap) removes at most one letter a has more of than
 * b and adds at most one letter b has more of than a, so the edit distance is at least the larger of those
 * two surpluses. Much cheaper than `editDistanceWithin`, and enough to rule out most far-off pairs.
 */
export function countsApart(counts: Int32Array, aLength: number, b: string, max: number): boolean {
  const spare = spareCounts;
  spare.set(counts);
  let bSurplus = 0;
  for (let i = 0; i < b.length; i++) if (--spare[b.charCodeAt(i) - 97]! < 0 && ++bSurplus > max) return true;
  // the counts differ by the lengths in total, so a's surplus is b's plus the length difference
  return bSurplus + aLength - b.length > max;
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
