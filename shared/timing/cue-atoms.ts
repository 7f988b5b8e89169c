/**
 * Atoms for cue and line breaking: the pieces a subtitle may be broken between, each with the cost of
 * breaking after it.
 *
 * `Intl.Segmenter` (word granularity, full ICU) finds word boundaries in Chinese without spaces and
 * in English. Punctuation and spaces stick to the word before them; opening brackets and quotes to
 * the word after. Pieces are then glued so that nothing breaks inside a number or a technical token
 * (`3.5`, `GPT-4`, `2024年`, `50%`). Break costs, lowest first: after a sentence end 0, after a clause
 * mark 1, at a change of script 4, between Latin words 4 (9 between two capitalised words, likely a
 * name), between Chinese words 5 (3.5 before a conjunction that opens a clause, 7 between two single
 * Han characters, which are often a name or a misrecognised word, 9 before a particle such as 的/了).
 *
 * The segmenter splits many terms and names it does not know (人工|智能, 大|模型, 姚|期|智), so runs of
 * plain Han pieces are glued again when they spell a word: the longest run of up to 4 pieces and 8
 * characters, from the left, that the caller's `isWord` (a lexicon lookup, e.g. the compact CEDICT/jieba
 * list the host loads) accepts or that is in a short built-in list of recent compounds the lexicon lacks.
 */

/** A piece of text that is never broken, with the cost of a break after it. */
export interface Atom {
  text: string;
  /** UTF-16 offset of the atom in the source text. */
  start: number;
  end: number;
  /** Display width in columns (Han and full-width characters count 2), trailing spaces excluded. */
  width: number;
  /** Width of trailing whitespace, which disappears at a line end. */
  trailing: number;
  /** Cost of breaking a line or cue after this atom (0 after the last one). */
  breakCost: number;
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]/u;
const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const SENTENCE_END = /[。！？!?…]["'”’」』）)]*\s*$|\.["'”’)]*\s+$|\.$/u;
const SEMI = /[；;]["'”’」』）)]*\s*$/u;
const CLAUSE = /[，、,：:]["'”’」』）)]*\s*$/u;
const OPENING = /^[（(「『“‘"《【[]+$/u;
const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;
const UNIT_AFTER_NUMBER = /^(?:[年月日号时分秒亿万千百十元岁个位名次倍％%]|percent\b)/u;
const CLAUSE_OPENERS = new Set(['但是', '所以', '然后', '因为', '如果', '而且', '那么', '或者', '并且', '以及', '但', '而', '就是', '因此', '同时', '虽然', '不过', '其实', '包括']);
const PARTICLES = new Set(['的', '了', '地', '得', '吗', '呢', '吧', '啊', '着', '过', '们', '之', '等']);

/** Compounds of the conference domain that CEDICT lacks and the segmenter splits. */
const KNOWN_COMPOUNDS = new Set(['大模型', '大语言模型', '语言模型', '多模态', '具身智能', '机器学习', '可解释性', '人形机器人', '自动驾驶', '人工智能', '智能体']);
const MAX_GLUE_PIECES = 4;
const MAX_GLUE_CHARS = 8;
const PLAIN_HAN = /^\p{Script=Han}+$/u;
const LEADING_OPEN = /^[（(「『“‘"《【[]+/u;
const TRAILING_PUNCT = /[\s\p{P}\p{S}]+$/u;

/** Options of {@link atomize}. */
export interface AtomizeOptions {
  /**
   * True when a string is a word (a lexicon lookup). Adjacent Han pieces that spell a word are never
   * broken. Without it only the built-in compound list is used.
   */
  isWord?: (s: string) => boolean;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Display width in columns of a string (code points; wide characters count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

interface Piece {
  text: string;
  start: number;
  word: boolean;
}

function lastChar(s: string): string {
  const cps = Array.from(s.trimEnd());
  return cps[cps.length - 1] ?? '';
}

function firstChar(s: string): string {
  return s.codePointAt(0) !== undefined ? String.fromCodePoint(s.codePointAt(0)!) : '';
}

/** Word pieces with punctuation/space attached, numbers and tokens glued. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let pendingOpen: Piece | null = null;
  for (const s of segmenter.segment(text)) {
    const seg = s.segment;
    const prev = out[out.length - 1];
    if (!s.isWordLike && PUNCT_OR_SPACE.test(seg)) {
      if (OPENING.test(seg.trim()) && !/\s/u.test(seg)) {
        if (pendingOpen) pendingOpen.text += seg;
        else pendingOpen = { text: seg, start: s.index, word: false };
        continue;
      }
      // Hyphen or point between Latin/digits (GPT-4, 3.5) glues; other punctuation attaches backwards.
      if (prev && !pendingOpen) prev.text += seg;
      else if (pendingOpen) pendingOpen.text += seg;
      else out.push({ text: seg, start: s.index, word: false });
      continue;
    }
    const piece: Piece = pendingOpen ? { text: pendingOpen.text + seg, start: pendingOpen.start, word: true } : { text: seg, start: s.index, word: true };
    pendingOpen = null;
    if (prev && shouldGlue(prev.text, seg)) prev.text += piece.text;
    else out.push(piece);
  }
  if (pendingOpen) {
    const prev = out[out.length - 1];
    if (prev) prev.text += pendingOpen.text;
    else out.push(pendingOpen);
  }
  return out;
}

/** True when no break may fall between `before` and the word `next`. */
function shouldGlue(before: string, next: string): boolean {
  if (/\s$/u.test(before)) return false;
  const last = lastChar(before);
  const first = firstChar(next);
  if (/\p{Nd}$/u.test(before) && UNIT_AFTER_NUMBER.test(next)) return true;
  if (/[\p{Nd}][.,:]$/u.test(before) && /^\p{Nd}/u.test(next)) return true;
  if (/[\p{Script=Latin}\p{Nd}][-_/.@'’]$/u.test(before) && LATIN_OR_DIGIT.test(first)) return true;
  if (LATIN_OR_DIGIT.test(last) && LATIN_OR_DIGIT.test(first) && !/[\p{P}]$/u.test(before)) return true;
  return false;
}

function breakCost(cur: string, next: string): number {
  if (SENTENCE_END.test(cur)) return 0;
  if (SEMI.test(cur)) return 0.5;
  if (CLAUSE.test(cur)) return 1;
  const a = lastChar(cur);
  const b = firstChar(next);
  const aHan = HAN.test(a);
  const bHan = HAN.test(b);
  const nextWord = next.trim();
  if (bHan && (PARTICLES.has(nextWord) || PARTICLES.has(firstChar(nextWord)))) return nextWord.length === 1 ? 9 : 6;
  if (aHan !== bHan) return 4;
  if (!aHan) {
    const capitalised = (w: string) => /^\p{Lu}/u.test(w.trim());
    return capitalised(cur) && capitalised(next) ? 9 : 4;
  }
  if (CLAUSE_OPENERS.has(nextWord)) return 3.5;
  if (Array.from(cur.trim()).length === 1 && Array.from(nextWord).length === 1) return 7;
  return 5;
}

/** The Han core of a piece: opening brackets before and punctuation after removed. */
function core(p: Piece): string {
  return p.text.replace(LEADING_OPEN, '').replace(TRAILING_PUNCT, '');
}

/**
 * Glues runs of Han pieces that spell a word (longest first, from the left). Only the last piece of a run
 * may carry punctuation after it and only the first an opening bracket before it.
 */
function glueWords(ps: Piece[], isWord: (s: string) => boolean): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < ps.length;) {
    let best = i;
    if (PLAIN_HAN.test(core(ps[i]!)) && !TRAILING_PUNCT.test(ps[i]!.text)) {
      let joined = core(ps[i]!);
      for (let j = i + 1; j < Math.min(ps.length, i + MAX_GLUE_PIECES); j++) {
        const c = core(ps[j]!);
        if (!PLAIN_HAN.test(c) || LEADING_OPEN.test(ps[j]!.text)) break;
        joined += c;
        if (Array.from(joined).length > MAX_GLUE_CHARS) break;
        if (KNOWN_COMPOUNDS.has(joined) || isWord(joined)) best = j;
        if (TRAILING_PUNCT.test(ps[j]!.text)) break;
      }
    }
    if (best === i) out.push(ps[i]!);
    else out.push({ text: ps.slice(i, best + 1).map((p) => p.text).join(''), start: ps[i]!.start, word: true });
    i = best + 1;
  }
  return out;
}

/** Splits text into atoms with break costs (see the file comment). */
export function atomize(text: string, options: AtomizeOptions = {}): Atom[] {
  const ps = glueWords(pieces(text), options.isWord ?? (() => false));
  return ps.map((p, i) => {
    const trimmed = p.text.trimEnd();
    const next = ps[i + 1];
    return {
      text: p.text,
      start: p.start,
      end: p.start + p.text.length,
      width: displayWidth(trimmed),
      trailing: p.text.length - trimmed.length,
      breakCost: next ? breakCost(p.text, next.text) : 0,
    };
  });
}
