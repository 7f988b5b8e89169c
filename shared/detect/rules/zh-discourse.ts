/**
 * zh.discourse — discourse fillers 那么 这个 那个 就是 然后 的话呢 是吧 对吧, flagged for review only (0.4–0.5,
 * the `thorough` level): each is often a real word (这个问题, 那么重要, 他就是老师).
 *
 * The segment is split into words with ICU (`Intl.Segmenter`), so 这个 is found as a word, never inside another.
 * A candidate is a filler only in a filler position:
 * - 那么 / 然后 / 就是 opening a sentence (after a full stop or the segment start) and not before a degree word
 *   (那么重要, 那么多 are "so important", "so many");
 * - 这个 / 那个 not followed by what it would modify: followed by punctuation, a pronoun, another filler, a verb
 *   or conjunction from a closed list (这个我们…, 这个呃…), rather than a noun (这个问题);
 * - 的话呢 without a conditional (如果/要是/假如) earlier in the clause; otherwise only its 呢;
 * - 是吧 / 对吧 as a tag at the end of a clause.
 * A filler opening a clause takes its own comma.
 */
import type { Proposal, Rule } from '../rule';
import { CLAUSE_SEP, SENTENCE_END, atClauseStart, isPunct, wordIndexAt, wordsNear, type WindowWord } from '../text-utils';

function atSentenceStart(raw: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && raw[j] === ' ') j--;
  return j < 0 || SENTENCE_END.has(raw[j]!);
}

const OPENERS = new Set(['那么', '然后', '就是']);
const DEMONSTRATIVES = new Set(['这个', '那个']);
const DEGREE = /^(多|大|小|高|低|快|慢|远|近|长|短|好|坏|难|容易|简单|复杂|重要|严重|奇怪|清楚|明显|强|弱|少|深|久|美|贵|危险|确定|肯定|关键|有效|有用|有意思|厉害)/;
const NOT_MODIFIED = new Set([
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '大家', '咱们', '是', '在', '就', '也', '都', '还',
  '呢', '啊', '呃', '嗯', '吧', '那么', '然后', '这个', '那个', '就是', '因为', '所以', '但是', '如果', '可以', '能', '能够',
  '要', '会', '有', '没有', '不', '其实', '比如', '比如说', '譬如说', '我们的', '这', '那', '的', '和', '跟', '对', '把', '让',
]);
const CANDIDATE = /那么|然后|就是|这个|那个|的话呢|是吧|对吧/g;
const CONDITIONAL = /如果|要是|假如|假设|若是|万一/;

function proposal(raw: string, start: number, end: number, word: string, confidence: number): Proposal {
  let e = end;
  if (atClauseStart(raw, start) && CLAUSE_SEP.has(raw[e] ?? '')) e++;
  return { start, end: e, kind: 'filler', suggestion: '', confidence, reason: `"${word}" is used as a discourse filler here; check it carries no meaning` };
}

function judge(raw: string, words: readonly WindowWord[], k: number): Proposal | null {
  const w = words[k]!;
  const next = words[k + 1];
  const nextText = next?.text ?? '';
  const opens = atClauseStart(raw, w.start);
  if (OPENERS.has(w.text)) {
    // after a comma 那么/就是 are usually content (`，那么就可以`, `，就是减排`): only sentence openers qualify
    if (!atSentenceStart(raw, w.start) || DEGREE.test(nextText)) return null;
    return proposal(raw, w.start, w.end, w.text, w.text === '然后' ? 0.4 : 0.5);
  }
  if (DEMONSTRATIVES.has(w.text)) {
    if (next === undefined || isPunct(nextText[0]) || NOT_MODIFIED.has(nextText)) return proposal(raw, w.start, w.end, w.text, 0.45);
    return null;
  }
  if (w.text === '的话' && nextText === '呢') {
    const clauseStart = Math.max(raw.lastIndexOf('，', w.start), raw.lastIndexOf('。', w.start), 0);
    if (CONDITIONAL.test(raw.slice(clauseStart, w.start))) return proposal(raw, next!.start, next!.end, '呢', 0.4);
    return proposal(raw, w.start, next!.end, '的话呢', 0.4);
  }
  if ((w.text === '是吧' || w.text === '对吧' || ((w.text === '是' || w.text === '对') && nextText === '吧')) && !opens) {
    const end = w.text.length === 2 ? w.end : next!.end;
    if (raw[end] !== undefined && !isPunct(raw[end])) return null;
    const start = CLAUSE_SEP.has(raw[w.start - 1] ?? '') ? w.start - 1 : w.start;
    return { start, end, kind: 'filler', suggestion: '', confidence: 0.4, reason: `"${raw.slice(w.start, end)}" is a tag question used as a filler` };
  }
  return null;
}

export const zhDiscourse: Rule = {
  id: 'zh.discourse',
  title: 'Chinese discourse fillers (那么, 这个, 就是) for review',
  languages: ['zh', 'mixed'],
  defaultLevel: 'thorough',
  examples: [
    { in: '那么，我们开始吧。', out: '我们开始吧。', level: 'thorough', note: 'a clause-opening 那么 with its comma' },
    { in: '这个我们以前也讨论过。', flags: ['这个'], level: 'thorough', note: '这个 before a pronoun' },
    { in: '那么，我们开始吧。', flags: [], note: 'never auto-removed at standard' },
    { in: '这个问题很重要。', flags: [], level: 'thorough', note: 'keeps 这个问题' },
    { in: '这个问题也不是那么重要。', flags: [], level: 'thorough', note: 'keeps 那么重要 (so important)' },
    { in: '他就是我们的老师。', flags: [], level: 'thorough', note: 'keeps 就是 as the verb' },
    { in: '如果下雨的话，我们就不去了。', flags: [], level: 'thorough', note: 'keeps a conditional 的话' },
    { in: '是啊，我们看看这个问题。', flags: [], level: 'thorough', note: 'keeps 是啊, 看看 and 这个问题' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    CANDIDATE.lastIndex = 0;
    if (!CANDIDATE.test(raw)) return [];
    const out: Proposal[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(raw); m; m = CANDIDATE.exec(raw)) {
      // an opener (那么/然后/就是) counts only as the whole word opening a sentence: elsewhere nothing can come
      // of it whatever the segmentation says, so its clause need not be segmented (most of them on the seed)
      if (OPENERS.has(m[0]) && !atSentenceStart(raw, m.index)) continue;
      // the clause's words, segmented once per run and shared with the other rules
      const words = wordsNear(ctx, raw, m.index);
      const k = wordIndexAt(words, m.index);
      if (k < 0 || words[k]!.start !== m.index) continue;
      if (words[k]!.text !== m[0] && !(m[0].startsWith(words[k]!.text) && words[k]!.text.length === 2)) continue;
      const p = judge(raw, words, k);
      if (p) out.push(p);
    }
    return out;
  },
};
