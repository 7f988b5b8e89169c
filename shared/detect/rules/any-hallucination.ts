/**
 * any.hallucination — known Whisper hallucination phrases (see ../hallucination-phrases.ts for the list and
 * its sources). Credit/promo strings (字幕由Amara.org社区提供, 请不吝点赞 订阅 转发…) are removed wherever they
 * occur (0.95). Phrases that people also say (谢谢观看, Thanks for watching) are flagged only when they are the
 * whole segment, and auto-removed (0.9) only when the recogniser reported silence (no_speech_prob ≥ 0.5);
 * otherwise they are left to the `thorough` level (0.45).
 *
 * Matching runs on a normalised copy (no spaces or punctuation, ASCII lower case) with a map back to raw
 * offsets, so `请不吝点赞 订阅 转发` matches the list's unspaced form.
 */
import type { Proposal, Rule } from '../rule';
import { ANYWHERE, WHOLE_CUE, normalizePhrase } from '../hallucination-phrases';

const SKIP = /[\s，。！？、,!?：:—-]/;
const ANY_NORM = ANYWHERE.map(normalizePhrase);
const WHOLE_NORM = new Set(WHOLE_CUE.map(normalizePhrase));
const SKIP_ALL = new RegExp(SKIP.source, 'g');

/** Normalised text plus, for each of its characters, the raw offset it came from. */
function normalizeWithMap(raw: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (SKIP.test(ch)) continue;
    text += ch.toLowerCase();
    map.push(i);
  }
  return { text, map };
}

export const anyHallucination: Rule = {
  id: 'any.hallucination',
  title: 'Known Whisper hallucination phrases (字幕由Amara.org社区提供, Thanks for watching)',
  languages: ['zh', 'en', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '今天就讲到这里。请不吝点赞 订阅 转发 打赏支持明镜与点点栏目', out: '今天就讲到这里。' },
    { in: '字幕由Amara.org社区提供', out: '' },
    { in: '谢谢观看', flags: [], note: 'a real utterance too: only review, not auto-removed' },
    { in: '谢谢观看这个演示的各位。', flags: [], level: 'thorough', note: 'not the whole segment' },
    { in: 'Thanks for watching!', flags: ['Thanks for watching!'], level: 'thorough', note: 'whole cue, never auto at standard' },
  ],
  detect(segment) {
    const raw = segment.raw;
    const out: Proposal[] = [];
    // cheap native checks first; the offset map is built only for a segment that holds a phrase
    const text = raw.replace(SKIP_ALL, '').toLowerCase();
    if (WHOLE_NORM.has(text)) {
      const silent = (segment.asr?.noSpeechProb ?? 0) >= 0.5;
      out.push({
        start: 0, end: raw.length, kind: 'hallucination', suggestion: '', confidence: silent ? 0.9 : 0.45,
        reason: silent ? `"${raw.trim()}" over silence is a known Whisper hallucination` : `"${raw.trim()}" is a known Whisper hallucination when the audio is silent; check the audio`,
      });
      return out;
    }
    if (!ANY_NORM.some((phrase) => text.includes(phrase))) return out;
    const { text: mapped, map } = normalizeWithMap(raw);
    for (const phrase of ANY_NORM) {
      for (let at = mapped.indexOf(phrase); at >= 0; at = mapped.indexOf(phrase, at + phrase.length)) {
        const start = map[at]!;
        let end = map[at + phrase.length - 1]! + 1;
        while (end < raw.length && SKIP.test(raw[end]!)) end++;
        out.push({ start, end, kind: 'hallucination', suggestion: '', confidence: 0.95, reason: `"${raw.slice(start, end).trim()}" is a subtitle credit Whisper learned, not speech` });
      }
    }
    return out;
  },
};
