/**
 * Segmentation and context checks of the Chinese glossary matcher (zh-matcher.ts scores candidates and asks
 * these): whether a differing character is already explained by a common word around it, whether a window
 * reads as ordinary words rather than a person's name (crowded glossaries of thousands of names match ordinary
 * text everywhere otherwise), and whether two edits in one long term (zh-two-edits.ts) stand where the text
 * falls apart. All need the lexicon's words and ranks.
 */
import { pinyin } from 'pinyin-pro';
import type { ChineseLexicon } from '../lexicon/types';
import { NON_HAN, splitSyllable, syllableDistance, type Reading } from './pinyin-key';
import { SURNAME_CHARS } from './surnames';
import type { Candidate } from './zh-index';

/** Never the misheard part of a match: interjections, and (for fuzzy matches) function characters. */
export const INTERJECTIONS = new Set([...'啊呃嗯哦吧呢吗哈嘛呀哎诶唉噢']);
export const FUNCTION_CHARS = new Set([...'的了是在和与及或也都就这那我你他她它们个一不有为对从把被将以于等其中上下来去说要会能到时而并但还所如之']);

/**
 * Two edits in one long term (zh-two-edits.ts) need the text to fall apart where they are, with the lexicon:
 * - two syllables changed (芳华卫视 → 凤凰卫视): every other character written as in the term, at least two
 *   of them and half the window; the window is no lexicon word and the changed pair no common word (人工智能战略
 *   is not 人工智能治理); no lexicon word joins a changed character to a neighbour, inside the window or out;
 * - two syllables heard as one (新政重书 → 新征程丛书): inside the window, with the first syllable's initial
 *   and the second's final (程丛 cheng cong → 重 chong, under any reading of the heard character); it forms no
 *   common word at all around it (as for a missing syllable), and at most one other character differs, as a
 *   homophone.
 * Never for a word shared by entries (`part`) or a given name alone (those match only as they sound).
 */
export function twoEditsHold(text: string, r: Reading, c: Candidate, diff: number[], lexicon?: ChineseLexicon): boolean {
  const { term, at, len, shape } = c;
  if (!lexicon || term.givenOf || term.entry.part) return false;
  const window = text.slice(r.offsets[at], r.offsets[at + len]);
  if (lexicon.has(window)) return false;
  const double = shape?.double;
  if (double !== undefined) {
    if (diff.length !== 2 || diff[0] !== double || len - 2 < Math.max(2, len / 2)) return false;
    // a changed pair that is itself a common word is that word (人工智能战略 is not 人工智能治理)
    if (isCommon(lexicon, r.chars[at + double]! + r.chars[at + double + 1]!)) return false;
    if (FUNCTION_CHARS.has(r.chars[at + double]!) || FUNCTION_CHARS.has(r.chars[at + double + 1]!)) return false;
    // the changed pair stands alone: no lexicon word joins it to a neighbour, inside the window or out (解释性指)
    return !explainedOutside(text, r, at + double, at + double + 2, at + double, at + double + 2, lexicon, true);
  }
  const j = shape!.merged!;
  if (j === 0 || j === len - 1 || diff.length > 2) return false;
  if (diff.some((p) => p !== j && r.syllables[at + p] !== term.reading.syllables[p < j ? p : p + 1])) return false;
  // the first syllable's initial and the second's final (程丛 cheng cong → chong), under some reading (重 zhong/chong)
  const [ini] = splitSyllable(term.reading.syllables[j]!);
  const [, fin] = splitSyllable(term.reading.syllables[j + 1]!);
  const slurred = ini + fin;
  if (!readingsOf(r.chars[at + j]!).some((x) => syllableDistance(x, slurred) <= 0.3)) return false;
  return !explainedOutside(text, r, at + j, at + j + 1, -1, -1, lexicon);
}

/**
 * Checks for windows that read as ordinary words, which crowded glossaries of thousands of names (and
 * transliterations) otherwise match everywhere:
 * - a person or shared word before a title does not end like an institution (学院院长, 学系教授); two changed
 *   characters of a two-character name do not follow a surname (严丽丽女士 is not 陆立女士; 谢谢 and 和 are no
 *   surnames there);
 * - a person before a title or a given name: a given name is no common word (中心主任), and the window does
 *   not start inside a common word that begins before it (中国科学院院士 is not 薛远院士);
 * - without a title, the window is not part of a longer transliterated name written with a dot;
 * - without a title, a three-character window all of whose characters differ (or a person's whose first
 *   character changes into no surname) is not a common word plus a stray character: a function character or
 *   one a common word joins to the text outside (和治理 is not 何志丽, 的方式 not 德翰史, 中科院自动 not 袁智冬,
 *   需建立 not 顾建丽);
 * - without a title, a three-character person's name (kind `name`, or an equivalent such as Xiaobo Sun) changes
 *   sounds only into near-homophones (孙晓波 is not 孙新博);
 *   a two-character name keeps one character as written (薛岚 → 薛澜; 陈玲 is not 程凌, 使其 not 史奇), does not
 *   follow another surname (段伟文 is not 魏文), changes no function character (已知和新 is not 贺新) and its
 *   written character belongs to no word reaching outside (健康与可持续 is not 余可).
 */
export function readsAsName(text: string, r: Reading, c: Candidate, diff: number[], titled: boolean, nameLike: boolean,
  lexicon: ChineseLexicon): boolean {
  const { at, len, term } = c;
  const person = nameLike || term.givenOf !== undefined;
  const word = (a: number, b: number): boolean => a >= 0 && b <= r.chars.length && !r.key.slice(a, b).includes(NON_HAN) &&
    isCommon(lexicon, text.slice(r.offsets[a], r.offsets[b]));
  const window = text.slice(r.offsets[at], r.offsets[at + len]);
  // an institution before a title is the institution (学院院长, 研究中心主任, 学系教授)
  if (titled && (person || term.entry.part) && INSTITUTION_END.test(window)) return false;
  // two changed characters after a surname (not one of a word: 谢谢, nor a function character: 和) are that
  // person's given name (严丽丽女士 is not 陆立女士)
  if (person && !term.givenOf && len === 2 && diff.length === 2 && at > 0 && SURNAME_CHARS.has(r.chars[at - 1]!) &&
      !FUNCTION_CHARS.has(r.chars[at - 1]!) && !word(at - 2, at)) return false;
  if (person && (titled || term.givenOf)) {
    // a given name on its own is no common word (中心主任)
    if (term.givenOf && isCommon(lexicon, window)) return false;
    for (let a = Math.max(0, at - 3); a < at; a++) for (let b = at + 1; b <= Math.min(at + len, a + 4); b++) if (word(a, b)) return false;
    return true;
  }
  if (titled) return true;
  // part of a longer transliterated name written with a dot (费利克斯·克鲁齐格 holds no 鲁克斯)
  let lo = at;
  let hi = at + len;
  while (lo > 0 && r.key[lo - 1] !== NON_HAN) lo--;
  while (hi < r.chars.length && r.key[hi] !== NON_HAN) hi++;
  if (hi - lo > len && (DOT.test(r.chars[lo - 1] ?? '') || DOT.test(r.chars[hi] ?? ''))) return false;
  // a stray character: a function character, or one a common word joins to the text outside the window
  const stray = (p: number): boolean => FUNCTION_CHARS.has(r.chars[p]!) || explainedOutside(text, r, p, p + 1, at, at + len, lexicon);
  if (len === 3 && (diff.length === 3 || (person && diff[0] === 0 && !SURNAME_CHARS.has(r.chars[at]!)))) {
    if (word(at + 1, at + 3) && (diff.length < 3 || stray(at))) return false;
    if (word(at, at + 2) && stray(at + 2)) return false;
  }
  // a three-character name without a title changes sounds only into near-homophones (孙晓波 is not 孙新博)
  if (len === 3 && c.wild >= 0 && (term.entry.kind === 'name' || PERSON_LATIN.test(term.entry.equivalent)) && syllableDistance(r.syllables[at + c.wild]!, term.reading.syllables[c.wild]!) >= 0.6) return false;
  if (person && len === 2) {
    // a given name after another surname (段伟文 is not 魏文), the head of a three-character name standing alone
    // between punctuation (马斯克、杨立昆、 is not 杨丽), or a written character that belongs to a word reaching
    // outside (健康与可持续 is not 余可)
    if (diff.length === 2 || (at > 0 && SURNAME_CHARS.has(r.chars[at - 1]!))) return false;
    if ((at === 0 || r.key[at - 1] === NON_HAN) && at + 3 <= r.chars.length && r.key[at + 2] !== NON_HAN &&
        (at + 3 === r.chars.length || r.key[at + 3] === NON_HAN) && !FUNCTION_CHARS.has(r.chars[at + 2]!)) return false;
    const kept = diff[0] === 0 ? at + 1 : at;
    if (FUNCTION_CHARS.has(r.chars[diff[0] === 0 ? at : at + 1]!)) return false;
    if (explainedOutside(text, r, kept, kept + 1, at, at + len, lexicon)) return false;
  }
  return true;
}

/** A window ending like an institution (学院, 学系, 研究室, 中心) before a title names the institution. */
const INSTITUTION_END = /(?:[院系所室部处局厅会]|中心)$/u;
const DOT = /^[·•・]$/u;
/** An equivalent that reads as a person's name (Xiaobo Sun): the entry is a person even without a kind. */
const PERSON_LATIN = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}$/;

const allReadings = new Map<string, string[]>();
/** Every toneless reading of one character (polyphones have several), cached. */
function readingsOf(ch: string): string[] {
  let list = allReadings.get(ch);
  if (list === undefined) {
    list = [...new Set(pinyin(ch, { type: 'array', toneType: 'none', multiple: true, v: true }))];
    allReadings.set(ch, list);
  }
  return list;
}

export function isCommon(lexicon: ChineseLexicon, word: string): boolean {
  if (!lexicon.has(word)) return false;
  const rank = lexicon.rank?.(word);
  return rank === undefined || rank < 60000;
}

/**
 * True when a common word of 2-4 characters (any lexicon word with `anyWord`) covers a character of [lo, hi)
 * and reaches outside [from, to).
 */
export function explainedOutside(text: string, r: Reading, lo: number, hi: number, from: number, to: number, lexicon: ChineseLexicon,
  anyWord = false): boolean {
  const n = r.chars.length;
  for (let p = lo; p < hi; p++) {
    for (let a = Math.max(0, p - 3); a <= p; a++) {
      for (let b = p + 1; b <= Math.min(n, a + 4); b++) {
        if (b - a < 2 || (a >= from && b <= to)) continue;
        if (r.key.slice(a, b).includes(NON_HAN)) continue;
        const word = text.slice(r.offsets[a], r.offsets[b]);
        if (anyWord ? lexicon.has(word) : isCommon(lexicon, word)) return true;
      }
    }
  }
  return false;
}

/** True when the character at `p` forms a common two-character word with a neighbour inside [from, to). */
export function formsWordInside(r: Reading, p: number, from: number, to: number, lexicon: ChineseLexicon): boolean {
  const c = r.chars[p]!;
  return (p - 1 >= from && isCommon(lexicon, r.chars[p - 1]! + c)) || (p + 1 < to && isCommon(lexicon, c + r.chars[p + 1]!));
}

/** True when the window character at `at + p` (of two) forms a common two-character word with its outer neighbour. */
export function straddles(r: Reading, at: number, p: number, lexicon: ChineseLexicon): boolean {
  const q = at + p;
  const o = p === 0 ? q - 1 : q + 1;
  if (o < 0 || o >= r.chars.length || r.key[o] === NON_HAN) return false;
  return isCommon(lexicon, p === 0 ? r.chars[o]! + r.chars[q]! : r.chars[q]! + r.chars[o]!);
}

