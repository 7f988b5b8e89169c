import { describe, expect, it } from 'vitest';
import { bilingualMarkdown, bilingualPairs, bilingualSubtitles, bilingualTsv } from '../../shared/export/bilingual';

const zh = [
  { text: '大家好。', start: 0, end: 1500 },
  { text: '今天我们讨论人工智能的治理。', start: 1500, end: 4000 },
  { text: '谢谢<大家>。', start: 4000, end: 5000 },
];
const en = [{ text: 'Hello everyone.' }, { text: 'Today we discuss AI governance.' }, { text: 'As you know, it matters.' }, { text: 'Thank you & <all>.' }];
const beads = [
  { zh: [0], en: [0], score: 0.95 },
  { zh: [1], en: [1], score: 0.9 },
  { zh: [], en: [2], score: 0.4 },
  { zh: [2], en: [3], score: 0.8 },
];

describe('bilingual pairs', () => {
  it('takes times from the timed track and folds an untimed translation-only sentence into the previous cue', () => {
    const pairs = bilingualPairs(zh, en, beads);
    expect(pairs.map((p) => [p.start, p.end])).toEqual([[0, 1500], [1500, 4000], [4000, 5000]]);
    expect(pairs[1]!.en).toBe('Today we discuss AI governance. As you know, it matters.');
  });

  it('uses the union of both sides when both are timed (the interpreter lag stays inside the cue)', () => {
    const pairs = bilingualPairs([{ text: '你好。', start: 1000, end: 2000 }], [{ text: 'Hello.', start: 3500, end: 4200 }], [{ zh: [0], en: [0], score: 1 }]);
    expect([pairs[0]!.start, pairs[0]!.end]).toEqual([1000, 4200]);
  });
});

describe('bilingual subtitles', () => {
  const pairs = bilingualPairs(zh, en, beads);

  it('writes SRT cues with the Chinese line over the English line', () => {
    const { text } = bilingualSubtitles(pairs, 'srt');
    expect(text.split('\n\n')[0]).toBe('1\n00:00:00,000 --> 00:00:01,500\n大家好。\nHello everyone.');
  });

  it('writes WebVTT with a header and escaped markup characters', () => {
    const { text } = bilingualSubtitles(pairs, 'vtt');
    expect(text.startsWith('WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n')).toBe(true);
    expect(text).toContain('谢谢&lt;大家&gt;。\nThank you &amp; &lt;all&gt;.');
  });

  it('reports line length and reading speed per language', () => {
    const { diagnostics } = bilingualSubtitles(pairs, 'srt');
    const codes = diagnostics.map((d) => `${d.line}:${d.code}`);
    expect(codes).toContain('2:bilingual.en-line-long');
    expect(codes).not.toContain('1:bilingual.zh-line-long');
    const fast = bilingualSubtitles([{ zh: '这是一句非常非常长的中文字幕需要很长时间才能读完', en: 'Short.', start: 0, end: 1000 }], 'srt');
    expect(fast.diagnostics.map((d) => d.code)).toEqual(['bilingual.zh-line-long', 'bilingual.zh-reading-speed']);
  });

  it('estimates times when neither side is timed, and never lets cues overlap', () => {
    const untimed = bilingualPairs([{ text: '你好。' }, { text: '再见。' }], [{ text: 'Hello.' }, { text: 'Bye.' }], [
      { zh: [0], en: [0], score: 1 },
      { zh: [1], en: [1], score: 1 },
    ]);
    const out = bilingualSubtitles(untimed, 'vtt');
    expect(out.diagnostics.map((d) => d.code)).toContain('bilingual.untimed');
    const overlap = bilingualSubtitles([{ zh: '甲', en: 'A', start: 0, end: 3000 }, { zh: '乙', en: 'B', start: 2000, end: 4000 }], 'srt');
    expect(overlap.text).toContain('00:00:03,000 --> 00:00:04,000');
  });
});

describe('translator tables', () => {
  it('writes two-column TSV and Markdown with separators escaped', () => {
    const pairs = [{ zh: '甲|乙', en: 'a\tb' }];
    expect(bilingualTsv(pairs)).toBe('甲|乙\ta b\n');
    expect(bilingualMarkdown(pairs)).toBe('| # | 中文 | English |\n|---:|---|---|\n| 1 | 甲\\|乙 | a\tb |\n');
  });
});
