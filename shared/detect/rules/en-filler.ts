/**
 * en.filler — English filled pauses: um, uh, er, erm, ah, hmm (and lengthened forms: umm, uhh, hmmm).
 *
 * A token matches only as a whole Latin word (so it works inside unspaced Chinese too: 我们um这个), and the
 * deletion takes the filler's own comma and one space so `So, um, we` becomes `So, we`. `ah`/`er` are a little
 * less certain (0.8) than um/uh/erm/hmm (0.92). At `thorough` only, discourse fillers `you know`, `I mean` and
 * `like` are flagged when they stand between commas or open a sentence with a comma (0.45): elsewhere they
 * are content (`I know what you know`, `I mean it`, `looks like rain`).
 */
import type { Proposal, Rule } from '../rule';

const PAUSE = /(?<![A-Za-z'’])(?<!\d\s?)(u+m+|u+h+|e+r+m+|e+r+|a+h+|h+m+|m{2,}|mhm)(?![A-Za-z'’])/giu;
const DISCOURSE = /(^|[,，]\s*|[.!?。！？]\s+)(you know|i mean|like)\s*[,，]\s*/giu;
const WEAK = /^(e+r+|a+h+)$/i;

/** Extends a filler span over its comma and one space, or over the space before it at a sentence end. */
function span(raw: string, start: number, end: number): [number, number] {
  let e = end;
  if (raw[e] === ',' || raw[e] === '，') e++;
  if (raw[e] === ' ') return [start, e + 1];
  if (e > end) return [start, e];
  if (raw[start - 1] === ' ') return [raw[start - 2] === ',' ? start - 2 : start - 1, end];
  return [start, end];
}

export const enFiller: Rule = {
  id: 'en.filler',
  title: 'English filled pauses (um, uh, er, hmm)',
  languages: ['en', 'mixed', 'zh'],
  defaultLevel: 'standard',
  examples: [
    { in: 'So, um, we start here.', out: 'So, we start here.', note: 'the filler takes its comma' },
    { in: 'I uh think so.', out: 'I think so.' },
    { in: 'It works, hmm.', out: 'It works.', note: 'sentence-final filler takes the space before it' },
    { in: '我们um这个问题。', out: '我们这个问题。', note: 'a filler inside unspaced Chinese' },
    { in: 'The umbrella and the error.', flags: [], note: 'only whole words: umbrella, error' },
    { in: 'A 5 mm gap.', flags: [], note: 'mm after a number is a unit' },
    { in: 'nuclear umbrella, ahead, hummus; 是啊，看看这个问题。', flags: [], note: 'no filler inside words, nor in 是啊' },
    { in: 'I know what you know, and I mean it.', flags: [], level: 'thorough', note: '`you know` and `I mean` as content' },
    { in: 'It was, you know, hard.', out: 'It was, hard.', level: 'thorough', note: 'discourse `you know` at thorough' },
    { in: 'It was, you know, hard.', flags: [], note: 'discourse fillers are not auto-removed at standard' },
  ],
  detect(segment) {
    const raw = segment.raw;
    const out: Proposal[] = [];
    PAUSE.lastIndex = 0;
    for (let m = PAUSE.exec(raw); m; m = PAUSE.exec(raw)) {
      const [start, end] = span(raw, m.index, m.index + m[0].length);
      const confidence = WEAK.test(m[0]) ? 0.8 : 0.92;
      out.push({ start, end, kind: 'filler', suggestion: '', confidence, reason: `"${m[0]}" is a filled pause` });
    }
    DISCOURSE.lastIndex = 0;
    for (let m = DISCOURSE.exec(raw); m; m = DISCOURSE.exec(raw)) {
      const start = m.index + m[1]!.length;
      out.push({
        start, end: m.index + m[0].length, kind: 'filler', suggestion: '', confidence: 0.45,
        reason: `"${m[2]}" set off by commas is a discourse filler here`,
      });
    }
    return out;
  },
};
