/**
 * Sentence splitting for Chinese and English with offsets kept (UTF-16 code units of the input), so every
 * sentence maps back to its segment, its characters and, through them, its time.
 *
 * Chinese: a sentence ends after 。！？；… (also ASCII ! ? ; and a full stop) plus any closing quotes or
 * brackets that follow. English: after . ! ? (and the full-width 。！？ that Chinese ASR puts into English
 * text), unless the period belongs to an abbreviation (`Mr.`, `Dr.`, `U.S.`, `e.g.`), an initial (`J. K.`),
 * a decimal or a domain (`3.14`, `example.com`: no space after it), or the next word starts in lower case.
 * Line breaks always end a sentence. Unpunctuated ASR text is cut by length: a sentence longer than
 * `maxLength` code points is cut at the clause mark or space nearest its middle, recursively.
 */

/** A sentence: `start`/`end` are offsets into the input; `text` is the trimmed slice. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

export interface SplitOptions {
  /** Longest sentence (code points) kept whole; longer ones are cut at clause marks or spaces. */
  maxLength?: number;
}

const ZH_END = new Set(['。', '！', '？', '；', '…', '!', '?', ';', '．']);
const EN_END = new Set(['.', '!', '?', '。', '！', '？', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', '）', ')', '】', '》', ']', '〉']);
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sr jr st mt vs etc eg ie e.g i.e u.s u.k u.n a.m p.m no nos vol fig inc ltd co corp '
    + 'jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sgt rev hon approx dept est ph.d').split(' '),
);
/** Clause marks where an over-long sentence may be cut, best first. */
const CLAUSE = /[，,：:、—]/u;

const DEFAULT_MAX = { zh: 120, en: 400 } as const;

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

/** True when the period at `i` ends an abbreviation, an initial, a decimal or a domain. */
function periodIsInternal(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next !== undefined && !isSpace(next) && !CLOSERS.has(next) && !EN_END.has(next)) return true; // 3.14, a.b
  let k = i;
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, i).toLowerCase();
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) return true;
  if (/^\p{Lu}$/u.test(text.slice(k, i))) return true; // an initial: J. K. Rowling
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // u.s, i.e
  // a lower-case word after the period continues the sentence ("etc. and so on")
  let j = i + 1;
  while (j < text.length && isSpace(text[j]!)) j++;
  const after = text[j];
  return after !== undefined && /\p{Ll}/u.test(after);
}

function boundaryAt(text: string, i: number, lang: 'zh' | 'en'): boolean {
  const ch = text[i]!;
  if (ch === '\n') return true;
  if (lang === 'zh') {
    if (ZH_END.has(ch)) return ch !== '.' && !(ch === '．' && /\d/.test(text[i + 1] ?? ''));
    if (ch === '.') return !periodIsInternal(text, i);
    return false;
  }
  if (!EN_END.has(ch)) return false;
  if (ch === '.' || ch === '。') return !periodIsInternal(text, i);
  return true;
}

/** Pushes the trimmed span [start, end) when it holds anything. */
function pushSpan(out: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s]!)) s++;
  while (e > s && isSpace(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

/** Cuts an over-long span at the clause mark (or else space) nearest its middle, recursively. */
function cutLong(out: SentenceSpan[], text: string, span: SentenceSpan, maxLength: number): void {
  const length = [...span.text].length;
  if (length <= maxLength) {
    out.push(span);
    return;
  }
  const mid = span.start + Math.floor((span.end - span.start) / 2);
  let best = -1;
  for (const pattern of [CLAUSE, /\s/u]) {
    for (let d = 0; d < (span.end - span.start) / 2 - 4 && best < 0; d++) {
      for (const i of [mid + d, mid - d]) {
        if (i > span.start + 4 && i < span.end - 4 && pattern.test(text[i]!)) {
          best = i + 1;
          break;
        }
      }
    }
    if (best >= 0) break;
  }
  if (best < 0) {
    best = mid;
    // never cut inside a surrogate pair
    if (/[\uDC00-\uDFFF]/.test(text[best] ?? '')) best++;
  }
  const parts: SentenceSpan[] = [];
  pushSpan(parts, text, span.start, best);
  pushSpan(parts, text, best, span.end);
  for (const part of parts) cutLong(out, text, part, maxLength);
}

/** Splits text into sentences of the given language, keeping offsets. */
export function splitSentences(text: string, lang: 'zh' | 'en', options: SplitOptions = {}): SentenceSpan[] {
  const maxLength = options.maxLength ?? DEFAULT_MAX[lang];
  const rough: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!boundaryAt(text, i, lang)) continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.has(text[end]!) || (text[end] !== '\n' && boundaryAt(text, end, lang)))) end++;
    pushSpan(rough, text, start, end);
    start = end;
    i = end - 1;
  }
  pushSpan(rough, text, start, text.length);
  const out: SentenceSpan[] = [];
  for (const span of rough) cutLong(out, text, span, maxLength);
  return out;
}
