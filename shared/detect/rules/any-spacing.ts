/**
 * any.spacing — spacing between Chinese and Latin text, as a preference. Off by default (the seed transcripts
 * write `有 ambitious的` and both styles are common). With resource `cjkLatinSpacing: 'add'` a space is inserted
 * between a Han character and an adjacent Latin letter or digit (`有ambitious的` → `有 ambitious 的`); with
 * `'remove'` such spaces are deleted. Since the user asked for it, the flags are 0.95.
 */
import type { Proposal, Rule } from '../rule';

const MISSING = /(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])/g;
const PRESENT = /(?<=[\u3400-\u9fff]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=[\u3400-\u9fff])/g;

export const anySpacing: Rule = {
  id: 'any.spacing',
  title: 'Spaces between Chinese and Latin text (opt-in preference)',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '有 ambitious的一个想法', flags: [], note: 'off by default: mixed spacing is left as written' },
    { in: '我们用GPT做实验', flags: [], note: 'off by default' },
  ],
  detect(segment, ctx) {
    const mode = ctx.resources['cjkLatinSpacing'];
    if (mode !== 'add' && mode !== 'remove') return [];
    const raw = segment.raw;
    const out: Proposal[] = [];
    const re = mode === 'add' ? MISSING : PRESENT;
    re.lastIndex = 0;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      if (mode === 'add') {
        out.push({ start: m.index, end: m.index, kind: 'spacing', suggestion: ' ', confidence: 0.95, reason: 'a space between Chinese and Latin text (your preference)' });
        re.lastIndex = m.index + 1;
      } else {
        out.push({ start: m.index, end: m.index + m[0].length, kind: 'spacing', suggestion: '', confidence: 0.95, reason: 'no space between Chinese and Latin text (your preference)' });
      }
    }
    return out;
  },
};
