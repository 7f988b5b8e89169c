import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLang } from '../../shared/model/lang';
import { displayWidth } from '../../shared/timing/cue-atoms';
import { splitCues, type Cue } from '../../shared/timing/cues';

const speechTxt = readFileSync(new URL('../../samples/waic-excerpt-speech.txt', import.meta.url), 'utf8');
const seedLines = speechTxt.split('\n').filter((l) => l.trim());
const squash = (s: string) => s.replace(/\s+/g, '');

function check(cues: Cue[], text: string, maxWidth: number): void {
  expect(squash(cues.map((c) => c.lines.join('')).join(''))).toBe(squash(text));
  for (const c of cues) {
    expect(c.lines.length).toBeLessThanOrEqual(2);
    for (const line of c.lines) expect(displayWidth(line)).toBeLessThanOrEqual(maxWidth);
  }
}

describe('splitCues', () => {
  it('splits the seed lines into cues of at most two lines within the width limits', () => {
    for (const text of seedLines) {
      const lang = detectLang(text);
      const cues = splitCues({ id: 's', text, lang, start: 0, end: 30_000 });
      expect(cues.length).toBeGreaterThan(1);
      check(cues, text, lang === 'en' ? 42 : 36);
    }
  });

  it('ends cues at sentence ends when one is near', () => {
    const text = seedLines[0]!;
    const cues = splitCues({ id: 's', text, lang: 'zh', start: 0, end: 40_000 });
    expect(cues[0]!.text.endsWith('。')).toBe(true);
  });

  it('never breaks inside a number, a token like GPT-4 or an English word', () => {
    const text = 'So the most important thing we learned about GPT-4 and the 3.5 trillion token corpus in 2024 is that evaluation really matters for the safety of frontier models and their deployment.';
    const cues = splitCues({ id: 'e', text, lang: 'en', start: 0, end: 12_000 });
    check(cues, text, 42);
    const joinedLines = cues.flatMap((c) => c.lines);
    for (const token of ['GPT-4', '3.5', '2024', 'trillion', 'evaluation', 'deployment.']) {
      expect(joinedLines.some((l) => l.includes(token))).toBe(true);
    }
  });

  it('keeps 2024年 and 50% whole in Chinese text', () => {
    const text = '我们在2024年的大会上讨论了人工智能治理的问题，大约有50%的代表认为需要建立国际合作机制来应对前沿模型带来的风险和挑战。';
    const lines = splitCues({ id: 'z', text, lang: 'zh', start: 0, end: 15_000 }).flatMap((c) => c.lines);
    expect(lines.some((l) => l.includes('2024年'))).toBe(true);
    expect(lines.some((l) => l.includes('50%'))).toBe(true);
  });

  it('works on unpunctuated Chinese by breaking between words', () => {
    const text = '人工智能的治理发展已经走到了关键的十字路口尤其是生成式人工智能所带来的挑战是前所未有的我们必须意识到人工智能治理也面临着空前挑战';
    const cues = splitCues({ id: 'z', text, lang: 'zh', start: 0, end: 20_000 });
    expect(cues.length).toBeGreaterThan(1);
    check(cues, text, 36);
    // No line starts with a particle such as 的 or 了.
    for (const line of cues.flatMap((c) => c.lines)) expect(/^[的了们]/u.test(line)).toBe(false);
  });

  it('times cues from word times when the segment has them', () => {
    const words = [
      { text: '各位嘉宾，女士们先生们。', start: 1000, end: 3500 },
      { text: '欢迎各位莅临2024世界人工智能大会人工智能前沿技术的治理挑战与应对的论坛。', start: 9000, end: 20_000 },
    ];
    const text = words.map((w) => w.text).join('');
    const cues = splitCues({ id: 's', text, lang: 'zh', start: 1000, end: 20_000, words });
    expect(cues[0]!.start).toBe(1000);
    expect(cues[0]!.end).toBe(3500);
    expect(cues[1]!.start).toBe(9000);
    expect(cues[cues.length - 1]!.end).toBe(20_000);
  });

  it('shares an untimed-by-words span by speaking weight and reports reading speed', () => {
    const cues = splitCues({ id: 's', text: seedLines[0]!, lang: 'zh', start: 0, end: 30_000 });
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBe(cues[i - 1]!.end);
    expect(cues.every((c) => typeof c.cps === 'number' && c.cps > 0)).toBe(true);
  });

  it('gives untimed segments cues without times', () => {
    const cues = splitCues({ id: 's', text: seedLines[0]!, lang: 'zh' });
    expect(cues.length).toBeGreaterThan(1);
    expect(cues.every((c) => c.start === undefined && c.end === undefined)).toBe(true);
  });

  it('returns no cues for empty text', () => {
    expect(splitCues({ id: 's', text: '   ', lang: 'zh' })).toEqual([]);
  });
});
