/**
 * zh.filler — Chinese filled pauses.
 *
 * Finds runs of pause characters (呃 嗯 额 唔 啊 哦 噢 哈 诶 欸) and decides, run by run:
 * - 呃 嗯 唔 are hesitations almost always (0.95); 额 only when ICU does not join it into a word (金额, 额外).
 * - 啊 is a hesitation unless it carries meaning: a reply particle right after 是/好/对/行 at a clause start
 *   (是啊, 好啊), or the particle of an exclamation (followed by ！). Mid-sentence 啊 (一个啊至少) and a
 *   clause-opening 啊 are 0.9; a clause-final 啊 after content (机构啊。) is 0.75, since a modal 啊 can be meant.
 * - 哦/噢 open a clause as hesitations (0.85), 0.7 elsewhere; 哈 alone 0.7 (not inside 哈佛), 哈哈 is laughter
 *   (0.5, review); 诶/欸 only at a clause start (0.75).
 * Punctuation: a filler that opens a clause takes its own comma with it (`呃，` goes whole); a filler that is a
 * whole sentence (`啊。` after a sentence end) takes its full stop; `，啊。` loses the comma so the sentence keeps
 * its stop. A filler after content never takes the following punctuation, which belongs to the sentence.
 */
import type { DetectContext, Proposal, Rule } from '../rule';
import { CLAUSE_SEP, SENTENCE_END, atClauseStart, isHan, wordAt, wordsNear } from '../text-utils';

const RUN = /[呃嗯额唔啊哦噢哈诶欸]+/g;
const STRONG = new Set(['呃', '嗯', '唔']);
const REPLY_HEADS = new Set(['是', '好', '对', '行']);

/** Characters that are part of a word of the segment (额 in 金额, 哈 in 哈佛) are not fillers. */
function inWord(raw: string, at: number, ctx: DetectContext): boolean {
  const w = wordAt(wordsNear(ctx, raw, at), at);
  return w !== undefined && w.text.length > 1 && !/^[呃嗯额唔啊哦噢哈诶欸]+$/.test(w.text);
}

/** Confidence that a run is a hesitation, or 0 when it carries meaning. */
function runConfidence(raw: string, start: number, run: string, ctx: DetectContext): number {
  const before = raw[start - 1];
  const after = raw[start + run.length];
  const opens = atClauseStart(raw, start);
  const closes = after === undefined || SENTENCE_END.has(after) || CLAUSE_SEP.has(after);
  if ([...run].some((c) => STRONG.has(c))) return 0.95;
  if (run === '额') return inWord(raw, start, ctx) ? 0 : 0.9;
  if (/^哈{2,}$/.test(run)) return 0.5;
  if (run === '哈') return inWord(raw, start, ctx) ? 0 : 0.7;
  if (/^[诶欸]+$/.test(run)) return opens ? 0.75 : 0;
  if (/^[哦噢]+$/.test(run)) return opens ? 0.85 : 0.7;
  // 啊 (possibly mixed with others)
  if (after === '！' || after === '!') return 0;
  if (run === '啊' && before !== undefined && REPLY_HEADS.has(before) && atClauseStart(raw, start - 1)) return 0;
  if (opens) return 0.9;
  if (closes) return isHan(before) || before === ' ' ? 0.75 : 0.9;
  return 0.9;
}

/** The span to delete: the run plus the punctuation that belongs to it. */
function spanFor(raw: string, start: number, end: number): [number, number] {
  const before = raw[start - 1];
  const after = raw[end];
  if (!atClauseStart(raw, start)) return [start, end];
  if (after !== undefined && CLAUSE_SEP.has(after)) {
    let e = end + 1;
    while (raw[e] === ' ') e++;
    return [start, e];
  }
  if (after !== undefined && SENTENCE_END.has(after)) {
    if (before === undefined || SENTENCE_END.has(before)) {
      let e = end + 1;
      while (raw[e] === ' ') e++;
      return [start, e];
    }
    if (CLAUSE_SEP.has(before)) return [start - 1, end];
  }
  return [start, end];
}

export const zhFiller: Rule = {
  id: 'zh.filler',
  title: 'Chinese filled pauses (呃, 嗯, hesitation 啊)',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '我们呃今天讨论这个问题。', out: '我们今天讨论这个问题。', note: 'drops 呃 between words' },
    { in: '呃，我想讲三点。', out: '我想讲三点。', note: 'the filler takes its own comma' },
    { in: '这是第一点。啊。下面是第二点。', out: '这是第一点。下面是第二点。', note: 'a filler sentence goes with its stop' },
    { in: '达到一个啊至少可以接受的水平。', out: '达到一个至少可以接受的水平。', note: 'hesitation 啊 mid-sentence' },
    { in: '没有任何一个监管机构啊。', out: '没有任何一个监管机构。', note: 'clause-final 啊 after content; the stop stays' },
    { in: '是啊，我也这么想。', flags: [], note: 'keeps 是啊 as a reply particle' },
    { in: '好啊，那我们开始吧。', flags: [], note: 'keeps 好啊 as a reply particle' },
    { in: '多美的风景啊！', flags: [], note: 'keeps 啊 ending an exclamation' },
    { in: '这笔金额很大。', flags: [], note: '额 inside 金额 is a word' },
    { in: '他去了哈佛大学。', flags: [], note: '哈 inside 哈佛 is a word' },
    { in: '嗯嗯，好的。', out: '好的。', note: 'a run of 嗯 with its comma' },
    { in: '我们看看这个问题，nuclear 的问题。', flags: [], note: 'no pause characters: 看看, 这个问题 and nuclear stay' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    const out: Proposal[] = [];
    RUN.lastIndex = 0;
    for (let m = RUN.exec(raw); m; m = RUN.exec(raw)) {
      const confidence = runConfidence(raw, m.index, m[0], ctx);
      if (confidence === 0) continue;
      const [start, end] = spanFor(raw, m.index, m.index + m[0].length);
      out.push({
        start,
        end,
        kind: 'filler',
        suggestion: '',
        confidence,
        reason: `"${m[0]}" is a filled pause (hesitation), not content`,
      });
    }
    return out;
  },
};
