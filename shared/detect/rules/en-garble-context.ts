/**
 * en.garble repairs that need the Chinese around a Latin run (en-garble.ts calls `contextRepairs`). Chinese
 * speech carries English words one or two at a time, so a short Latin run between Han characters is read as a
 * word said inside a Chinese sentence, where English grammar cannot explain it.
 *
 * - **AI heard as I or HI** (`在I之前`, `安全的HI。`, `这个I governance`): a lone `I` or `HI` glued to Han on one
 *   side, with Han, Chinese punctuation or the segment's edge on the other, is the pronoun nowhere in Chinese
 *   (a numeral stands apart: `主论坛 I 报告`); an
 *   `I` before a noun that follows AI in speech (`governance`, `system`, `model` …) is AI too. 0.6, review.
 * - **A rare word beside a frequent one** (`mabe` → maybe, `ara` → area): a lower-case token of three to six
 *   letters in a run of at most two words, unknown or said at most ten times in SUBTLEX-US (the word list's
 *   counts), where one list word with the same first and last letters and one more letter inside is said a
 *   thousand times or more, a hundred times as often, and twice as often as any other such word (a word of
 *   the transcript or glossary wins a tie). 0.55, review.
 * - **A word split in two** (`we page` → webpage, `paper click` → paperclip): a run of exactly two lower-case
 *   words between Chinese, whose join is no word but is one edit (two for nine letters or more) from exactly
 *   one list word of seven letters or more that SUBTLEX knows (a plural beside its singular counts once),
 *   starting with the join's first two letters. A join with no edit
 *   (`super intelligence`) is a spacing choice, not a mishearing. 0.5, review.
 * - **A three-letter word cut short** (`能够des一个方法` with `design` nearby): an unknown three-letter token
 *   that starts one word of the transcript (en-garble-near.ts), tried before the rare-word repair.
 */
import type { FuzzyEnglishWords } from '../../lexicon/english';
import type { DetectContext, Proposal } from '../rule';
import { isHan } from '../text-utils';
import { fromTranscript, inVocabulary, looksLikePinyin, type Fix } from './en-garble-near';

/** Latin words joined by single spaces. */
const RUN = /[A-Za-z]+(?: [A-Za-z]+)*/g;
/** Punctuation that belongs to Chinese writing. */
const ZH_PUNCT = /[，。、？！：；“”‘’（）《》…]/;
/** Nouns that follow AI in speech; `I` before one of them inside Chinese is AI. */
const AI_NOUNS = new Set(['governance', 'system', 'systems', 'model', 'models', 'safety', 'act', 'industry', 'ethics',
  'era', 'technology', 'technologies', 'chip', 'chips', 'agent', 'agents', 'application', 'applications', 'alignment']);

/** The character next to [start, end) on one side, skipping spaces; '' at the segment's edge. */
function neighbour(raw: string, at: number, step: -1 | 1): string {
  let i = at;
  while (i >= 0 && i < raw.length && raw[i] === ' ') i += step;
  return i >= 0 && i < raw.length ? raw[i]! : '';
}

/** Han, Chinese punctuation or the edge: English grammar does not reach across it. */
function chineseSide(ch: string): boolean {
  return ch === '' || isHan(ch) || ZH_PUNCT.test(ch);
}

/** `mabe` → maybe (see the file comment); null when no frequent near word clearly wins. */
function rareWord(lower: string, words: FuzzyEnglishWords, ctx: DetectContext): Fix | null {
  if (lower.length < 3 || lower.length > 6 || looksLikePinyin(lower)) return null;
  const own = words.has(lower) ? words.frequency(lower) : 0;
  if (own > 10) return null;
  const cands = words.near(lower, 1, 1)
    .filter((n) => n.word.length === lower.length + 1 && n.word[n.word.length - 1] === lower[lower.length - 1])
    .map((n) => ({ word: n.word, count: words.frequency(n.word), known: inVocabulary(n.word, ctx, words) }))
    .filter((c) => c.count >= 1000 && c.count >= 100 * Math.max(1, own))
    .sort((a, b) => Number(b.known) - Number(a.known) || b.count - a.count);
  const [best, next] = cands;
  if (!best) return null;
  if (next && !(best.known && !next.known) && best.count < 2 * next.count) return null;
  const what = own > 0 ? `"${lower}" is rare in speech` : `"${lower}" is no word`;
  return { word: best.word, confidence: 0.55, why: `${what}; "${best.word}" is common and one letter longer` };
}

/** `we page` → webpage (see the file comment). */
function splitWord(a: string, b: string, words: FuzzyEnglishWords): Fix | null {
  const joined = a + b;
  if (joined.length < 6 || words.has(joined)) return null;
  const max = joined.length >= 9 ? 2 : 1;
  const near = words.near(joined, max, 2).filter((n) => n.distance > 0 && n.word.length >= 7 && words.frequency(n.word) > 0);
  const least = Math.min(...near.map((n) => n.distance));
  // a plural beside its singular is one candidate (paperclip, paperclips)
  const cands = near.filter((n) => n.distance === least).map((n) => n.word);
  const single = cands.filter((w) => !(w.endsWith('s') && cands.includes(w.slice(0, -1))));
  if (single.length !== 1) return null;
  const word = single[0]!;
  const edits = least === 1 ? 'one letter' : 'two letters';
  return { word, confidence: 0.5, why: `one word heard as two; "${word}" is ${edits} from "${joined}"` };
}

function proposal(start: number, end: number, token: string, fix: Fix): Proposal {
  return {
    start, end, kind: 'artifact', suggestion: fix.word, confidence: fix.confidence,
    reason: `"${token}" looks like a garbled "${fix.word}": ${fix.why}`,
  };
}

/**
 * Repairs of short Latin runs inside Chinese (see the file comment). `done(start)`: the main pass already
 * repaired the token starting there.
 */
export function contextRepairs(raw: string, ctx: DetectContext, words: FuzzyEnglishWords | null, done: (start: number) => boolean): Proposal[] {
  const out: Proposal[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(raw); m; m = RUN.exec(raw)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = neighbour(raw, start - 1, -1);
    const after = neighbour(raw, end, 1);
    if (/[A-Za-z0-9]/.test(raw[start - 1] ?? '') || /[A-Za-z0-9'’.\-_/]/.test(raw[end] ?? '')) continue;
    const tokens = m[0].split(' ');
    if (tokens.length > 4) continue;
    const first = tokens[0]!;
    // AI heard as I / HI
    // glued to Han on one side: a numeral `I` stands apart (主论坛 I 报告)
    const glued = isHan(raw[start - 1]) || isHan(raw[end]);
    if ((first === 'I' || first === 'HI') && tokens.length === 1 && glued && chineseSide(before) && chineseSide(after)) {
      out.push(proposal(start, end, first, { word: 'AI', confidence: 0.6, why: `a lone "${first}" inside Chinese is no pronoun` }));
      continue;
    }
    if (first === 'I' && tokens.length >= 2 && chineseSide(before) && AI_NOUNS.has(tokens[1]!.toLowerCase())) {
      out.push(proposal(start, start + 1, 'I', { word: 'AI', confidence: 0.6, why: `"I ${tokens[1]}" inside Chinese is no sentence` }));
      continue;
    }
    if (!words || tokens.length > 2 || !chineseSide(before) || !chineseSide(after) || (!isHan(before) && !isHan(after))) continue;
    if (tokens.some((t) => t !== t.toLowerCase())) continue;
    if (tokens.length === 2) {
      const split = splitWord(tokens[0]!, tokens[1]!, words);
      if (split) {
        out.push(proposal(start, end, m[0], split));
        continue;
      }
    }
    let at = start;
    for (const token of tokens) {
      const cut = token.length === 3 && !words.has(token) ? fromTranscript(token, ctx, words, false, 3) : null;
      const fix = done(at) ? null : cut ?? rareWord(token, words, ctx);
      if (fix) out.push(proposal(at, at + token.length, token, fix));
      at += token.length + 1;
    }
  }
  return out;
}
