/**
 * any.punctuation — punctuation in the wrong script for its sentence.
 * - Full-width `，。？！；：` inside an English sentence become ASCII, with a space before the next word:
 *   `transparency， accountability` → `transparency, accountability`, `use。Quality` → `use. Quality`.
 *   In an `en` segment that is 0.9; in Chinese or mixed speech only when Latin words stand on both sides (0.75).
 * - An ASCII comma between two Han characters becomes `，` (0.8; whisper.cpp#1450: 公譽善其事,必先立其棄).
 * The Chinese ellipsis `……` is never touched.
 */
import type { Proposal, Rule } from '../rule';
import { isHan, isLatin } from '../text-utils';

const FULL = /[，。？！；：]/g;
const ASCII_OF: Record<string, string> = { '，': ',', '。': '.', '？': '?', '！': '!', '；': ';', '：': ':' };
const HAN_COMMA = /(?<=[\u3400-\u9fff]),(?=[\u3400-\u9fff])/g;

/** Nearest non-space character before/after i. */
function neighbour(raw: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (j >= 0 && j < raw.length && raw[j] === ' ') j += step;
  return raw[j];
}

export const anyPunctuation: Rule = {
  id: 'any.punctuation',
  title: 'Full-width punctuation in English sentences, ASCII commas in Chinese',
  languages: ['zh', 'en', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: 'Focusing on transparency， accountability and fairness。', out: 'Focusing on transparency, accountability and fairness.' },
    { in: 'To govern AI development。Quality matters。', out: 'To govern AI development. Quality matters.' },
    { in: '公欲善其事,必先利其器。', out: '公欲善其事，必先利其器。' },
    { in: '我们讨论了 AI，然后休息。', flags: [], note: 'a full-width comma after a Latin term in Chinese speech stays' },
    { in: '我想想……好的，1,000 个。', flags: [], note: 'the Chinese ellipsis and a digit group stay' },
  ],
  detect(segment) {
    const raw = segment.raw;
    const out: Proposal[] = [];
    const english = segment.lang === 'en';
    FULL.lastIndex = 0;
    for (let m = FULL.exec(raw); m; m = FULL.exec(raw)) {
      const before = neighbour(raw, m.index, -1);
      const after = neighbour(raw, m.index, 1);
      const latinBefore = isLatin(before) || /[0-9)”"']/.test(before ?? '');
      if (!latinBefore) continue;
      if (!english && !(isLatin(after) && !isHan(after))) continue;
      const next = raw[m.index + 1];
      const space = next !== undefined && next !== ' ' && !/[)”"']/.test(next) ? ' ' : '';
      out.push({
        start: m.index, end: m.index + 1, kind: 'punctuation', suggestion: ASCII_OF[m[0]]! + space, confidence: english ? 0.9 : 0.75,
        reason: `full-width "${m[0]}" inside an English sentence`,
      });
    }
    HAN_COMMA.lastIndex = 0;
    for (let m = HAN_COMMA.exec(raw); m; m = HAN_COMMA.exec(raw)) {
      out.push({ start: m.index, end: m.index + 1, kind: 'punctuation', suggestion: '，', confidence: 0.8, reason: 'an ASCII comma between Chinese characters' });
    }
    return out;
  },
};
