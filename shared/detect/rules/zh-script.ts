/**
 * zh.script — Traditional characters in Simplified Chinese speech (Whisper mixes both): converted with
 * opencc-js (Traditional → Mainland Simplified, a one-pass dictionary engine; the converter is built once per
 * process, lazily). Each changed run becomes a flag; when the segment is mostly Traditional (≥ 30% of its Han
 * characters change) the runs are 0.9, otherwise isolated characters are 0.75 (a word like 乾隆 or a quoted
 * name may be meant). If the conversion changes the length, the whole segment is one flag.
 *
 * Set resource `targetScript: 'hant'` to convert the other way (Simplified → Traditional, Taiwan standard).
 */
import * as OpenCC from 'opencc-js/t2cn';
import * as OpenCCReverse from 'opencc-js/cn2t';
import type { Proposal, Rule } from '../rule';
import { countHan } from '../../model/lang';

type Convert = (text: string) => string;
let toHans: Convert | null = null;
let toHant: Convert | null = null;

function converter(target: 'hans' | 'hant'): Convert {
  if (target === 'hant') return (toHant ??= OpenCCReverse.Converter({ from: 'cn', to: 'tw' }));
  return (toHans ??= OpenCC.Converter({ from: 't', to: 'cn' }));
}

export const zhScript: Rule = {
  id: 'zh.script',
  title: 'Traditional characters in Simplified speech (後來 → 后来)',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '這個問題很重要，我們後來再談。', out: '这个问题很重要，我们后来再谈。', note: 'a Traditional segment' },
    { in: '人工智能的发展很快。', flags: [], note: 'Simplified text is untouched' },
    { in: '他是著名的学者。', flags: [], note: '著 in 著名 is Simplified too' },
    { in: '我们下一个话题……好的。', flags: [], note: 'the Chinese ellipsis stays' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    const target = ctx.resources['targetScript'] === 'hant' ? 'hant' : 'hans';
    const converted = converter(target)(raw);
    if (converted === raw) return [];
    const label = target === 'hans' ? 'Simplified' : 'Traditional';
    if (converted.length !== raw.length) {
      return [{ start: 0, end: raw.length, kind: 'script', suggestion: converted, confidence: 0.75, reason: `written in the other script; ${label} form` }];
    }
    const runs: Array<[number, number]> = [];
    let changed = 0;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === converted[i]) continue;
      changed++;
      const last = runs[runs.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else runs.push([i, i + 1]);
    }
    const mostly = changed >= 0.3 * Math.max(1, countHan(raw));
    return runs.map(([start, end]): Proposal => ({
      start, end, kind: 'script', suggestion: converted.slice(start, end), confidence: mostly ? 0.9 : 0.75,
      reason: `"${raw.slice(start, end)}" is ${label === 'Simplified' ? 'Traditional' : 'Simplified'} script; ${label}: "${converted.slice(start, end)}"`,
    }));
  },
};
