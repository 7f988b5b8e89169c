/** Behaviour the one-segment examples cannot show: loops across segments, timing, preferences, ASR stats. */
import { describe, expect, it } from 'vitest';
import { anyHallucination } from '../../shared/detect/rules/any-hallucination';
import { anyLoop } from '../../shared/detect/rules/any-loop';
import { anyReadingSpeed } from '../../shared/detect/rules/any-reading-speed';
import { anySpacing } from '../../shared/detect/rules/any-spacing';
import { zhScript } from '../../shared/detect/rules/zh-script';
import { RULES } from '../../shared/detect/registry';
import { prepareDetection } from '../../shared/detect/index';
import { bareResources, fullResources } from './resources';
import { detectTexts, runOn } from './run-example';

describe('any.loop across segments', () => {
  it('flags every segment of a three-segment loop except the first', () => {
    const texts = ['我们开始吧。', '你只能选择两个。', '你只能选择两个。', '你只能选择两个！', '好的。'];
    const flags = detectTexts(texts, [anyLoop], bareResources());
    expect(flags.map((f) => f.segmentId)).toEqual(['s3', 's4']);
    expect(flags.every((f) => f.kind === 'hallucination' && f.confidence >= 0.7)).toBe(true);
  });

  it('leaves a sentence said twice alone', () => {
    expect(detectTexts(['你只能选择两个。', '你只能选择两个。', '好的。'], [anyLoop], bareResources())).toEqual([]);
  });
});

describe('any.reading-speed', () => {
  it('flags forty characters in one second for review only', () => {
    const text = '人工智能的治理发展已经走到了关键的十字路口尤其是生成式人工智能所带来的挑战是前所未有';
    const run = runOn(text, [anyReadingSpeed], bareResources(), 'thorough', { start: 0, end: 1000 });
    expect(run.flags).toHaveLength(1);
    expect(run.flags[0]!.confidence).toBeLessThan(0.4);
    expect(run.clean).toBe(text);
  });

  it('accepts a normal speaking rate', () => {
    const run = runOn('人工智能的治理发展已经走到了关键的十字路口。', [anyReadingSpeed], bareResources(), 'thorough', { start: 0, end: 5000 });
    expect(run.flags).toEqual([]);
  });
});

describe('any.spacing preference', () => {
  it('adds spaces between Chinese and Latin text when asked', () => {
    const run = runOn('有ambitious的想法', [anySpacing], { ...bareResources(), cjkLatinSpacing: 'add' });
    expect(run.clean).toBe('有 ambitious 的想法');
  });

  it('removes them when asked', () => {
    const run = runOn('有 ambitious 的想法', [anySpacing], { ...bareResources(), cjkLatinSpacing: 'remove' });
    expect(run.clean).toBe('有ambitious的想法');
  });
});

describe('any.hallucination and ASR statistics', () => {
  it('auto-removes 谢谢观看 when the recogniser reported silence', () => {
    const run = runOn('谢谢观看', [anyHallucination], bareResources(), 'standard', { asr: { noSpeechProb: 0.8 } });
    expect(run.clean).toBe('');
  });
});

describe('zh.script', () => {
  it('converts to Traditional on request, once the host has prepared the converter', async () => {
    const resources = { ...bareResources(), targetScript: 'hant' };
    await prepareDetection(resources);
    const run = runOn('这个问题很重要。', [zhScript], resources);
    expect(run.clean).toBe('這個問題很重要。');
  });
});

describe('all rules together', () => {
  it('cleans a typical noisy line at standard', () => {
    const raw = '那么啊我我讲的主要要分成四节。🎼我首先谈一谈啊关于安全治理的 solutionlusionution。';
    const run = runOn(raw, RULES, fullResources());
    expect(run.clean).toBe('那么我讲的主要要分成四节。我首先谈一谈关于安全治理的 solution。');
  });

  it('leaves clean writing untouched at standard', () => {
    const raw = '中国工程院院士、北京大学信息科学技术学院教授表示，人工智能治理需要各方共同参与，我们看看这个问题。';
    expect(runOn(raw, RULES, fullResources()).flagged).toEqual([]);
  });
});
