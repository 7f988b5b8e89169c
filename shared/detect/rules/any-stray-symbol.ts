/**
 * any.stray-symbol — emoji, music notes and stray kana that Whisper inserts into Chinese or English speech
 * (🎼 非常感谢, え？所以说, 😊, 🤧). Nobody speaks an emoji, and kana in zh/en speech is a Japanese-model
 * hallucination. A run of such symbols goes with the punctuation glued to it (`え？` goes whole) and a
 * following space, as a second flag (the first covers exactly the symbols); 0.9. Kana in a segment that is mostly kana (real Japanese) are left alone.
 */
import type { Proposal, Rule } from '../rule';

const STRAY = /(?:(?![©®™])\p{Extended_Pictographic}|[\u266A-\u266C\p{Script=Hiragana}\p{Script=Katakana}ー]|\uFE0F|\u200D)+[？?！!。，,]?/gu;
const TRAILING = /[？?！!。，,]$/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export const anyStraySymbol: Rule = {
  id: 'any.stray-symbol',
  title: 'Emoji and stray kana in speech (🎼, え？)',
  languages: ['zh', 'en', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '下面我们掌声有请姚先生。🎼非常感谢。', out: '下面我们掌声有请姚先生。非常感谢。' },
    { in: '你不想买的东西。え？所以说你想想看。', out: '你不想买的东西。所以说你想想看。', note: 'kana with its question mark' },
    { in: 'Thank you all 😊 for coming.', out: 'Thank you all for coming.' },
    { in: '我们讨论人工智能：a “smart” system.', flags: [], note: 'quotes and CJK punctuation are not symbols' },
    { in: 'これは日本語の文です。', flags: [], note: 'a Japanese sentence is not stray kana' },
  ],
  detect(segment) {
    const raw = segment.raw;
    if (!/[^\u0000-\u2fff\u4e00-\u9fff\uff00-\uffef]|[\u2600-\u27bf]/u.test(raw)) return [];
    const kana = raw.match(KANA)?.length ?? 0;
    const kanaIsText = kana > 4 && kana * 3 > [...raw].length;
    const out: Proposal[] = [];
    STRAY.lastIndex = 0;
    for (let m = STRAY.exec(raw); m; m = STRAY.exec(raw)) {
      const isKana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(m[0]);
      if (isKana && kanaIsText) continue;
      const start = m.index;
      const symbols = m[0].replace(TRAILING, '');
      const symbolsEnd = start + symbols.length;
      let end = start + m[0].length;
      // a symbol between two spaces (or opening the text) takes the space after it
      if (raw[end] === ' ' && (start === 0 || raw[start - 1] === ' ')) end++;
      out.push({ start, end: symbolsEnd, kind: 'hallucination', suggestion: '', confidence: 0.9, reason: `"${symbols}" is ${isKana ? 'stray Japanese kana' : 'an emoji or symbol'}, not speech` });
      // its punctuation (and space) is a flag of its own, so the symbol's flag covers exactly what was inserted
      if (end > symbolsEnd) out.push({ start: symbolsEnd, end, kind: 'hallucination', suggestion: '', confidence: 0.9, reason: `"${raw.slice(symbolsEnd, end).trim() || ' '}" goes with the stray "${symbols}"` });
    }
    return out;
  },
};
