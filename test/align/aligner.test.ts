import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSentences } from '../../shared/align/align';
import { BEADS } from '../../shared/align/aligner';
import { dictionaryFromEntries } from '../../shared/align/dictionary';
import { beadKey, builtDictionary, plannedDoc, strictF1, tatoebaPairs } from './helpers';

const sentences = (texts: readonly string[]) => texts.map((text) => ({ text }));
const keys = (beads: readonly { zh: number[]; en: number[] }[]) => beads.map((b) => beadKey(b.zh, b.en));
const dictionary = builtDictionary();
const pairs = tatoebaPairs();

describe('aligner on Tatoeba documents', () => {
  it('recovers merged, split and dropped sentences as 1-2, 2-1, 1-0 and 0-1 beads', () => {
    const plan = 'kkkmkkzkknkkkekkmkkkkznkkkkekkkmkkkkkk';
    const doc = plannedDoc(pairs, plan);
    const result = alignSentences(sentences(doc.zh), sentences(doc.en), { dictionary });
    expect(strictF1(doc.gold, keys(result.beads))).toBeGreaterThanOrEqual(0.9);
    expect(keys(result.beads)).toContain(doc.gold[3]); // the first 1-2 bead
    expect(keys(result.beads)).toContain(doc.gold[9]); // the first 2-1 bead
  });

  it('aligns a plain 1-1 document exactly', () => {
    const doc = plannedDoc(pairs, 'k'.repeat(60));
    const result = alignSentences(sentences(doc.zh), sentences(doc.en), { dictionary });
    expect(keys(result.beads)).toEqual(doc.gold);
  });

  it('uses the dictionary: without it the same merged document aligns worse', () => {
    const doc = plannedDoc(pairs.slice(40), 'kkmkkzknkkekkmkkkzkknkkekkkmkkkkzkk');
    const withDict = strictF1(doc.gold, keys(alignSentences(sentences(doc.zh), sentences(doc.en), { dictionary }).beads));
    const without = strictF1(doc.gold, keys(alignSentences(sentences(doc.zh), sentences(doc.en)).beads));
    expect(withDict).toBeGreaterThan(without);
  });

  it('aligns a long document coarse-to-fine (past the full-matrix limit) without losing accuracy', () => {
    const plan = Array.from({ length: 1400 }, (_, i) => 'kkkkkkkkkkkkkkmkkkkzkkkkkkkknkkkkkkek'[i % 37]).join('');
    const doc = plannedDoc(pairs, plan);
    expect((doc.zh.length + 1) * (doc.en.length + 1)).toBeGreaterThan(1_200_000);
    const result = alignSentences(sentences(doc.zh), sentences(doc.en), { dictionary });
    expect(strictF1(doc.gold, keys(result.beads))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('aligner evidence', () => {
  const small = dictionaryFromEntries({ 苹果: ['apple'], 喜欢: ['to like'], 天气: ['weather'], 今天: ['today'], 很: ['very'], 好: ['good'], 火车: ['train'], 晚点: ['late'] });

  it('pairs one Chinese sentence with the two English sentences it was translated into', () => {
    const zh = ['我喜欢苹果。', '今天天气很好，火车晚点了。', '谢谢。'];
    const en = ['I like apples.', 'The weather is good today.', 'The train was late.', 'Thanks.'];
    const result = alignSentences(sentences(zh), sentences(en), { dictionary: small });
    expect(keys(result.beads)).toEqual(['[0]:[0]', '[1]:[1,2]', '[2]:[3]']);
  });

  it('leaves an untranslated sentence as a 1-0 bead', () => {
    const zh = ['我喜欢苹果。', '这句话没有翻译，而且它还相当长，说了很多别的事情。', '今天天气很好。', '火车晚点了。'];
    const en = ['I like apples.', 'The weather is good today.', 'The train was late.'];
    const result = alignSentences(sentences(zh), sentences(en), { dictionary: small });
    expect(keys(result.beads)).toContain('[1]:[]');
  });

  it('lets glossary pairs count as lexical evidence', () => {
    // Two Chinese sentences of similar length, one English sentence: only a lexical link says which pairs.
    const zh = sentences(['我们开会了。', '校对很好用。']);
    const pairOf = (english: string, glossary: { zh: string; en: string }[]) =>
      alignSentences(zh, sentences([english]), { dictionary: small, glossary }).beads.find((b) => b.en.length)!.zh;
    expect(pairOf('Jiaodui works well.', [{ zh: '校对', en: 'Jiaodui' }])).toEqual([1]);
    expect(pairOf('We held a meeting.', [{ zh: '开会', en: 'meeting' }])).toEqual([0]);
  });

  it('uses time overlap after removing the interpreter lag to place a dropped sentence', () => {
    // Identical sentences: text cannot tell which one the interpreter left out; times can.
    const durations = [2000, 3500, 2500, 4000, 3000, 2200, 3700, 2600];
    const starts = durations.map((_, i) => durations.slice(0, i).reduce((a, b) => a + b + 400, 0));
    const zh = durations.map((d, i) => ({ text: '这是一句话。', start: starts[i]!, end: starts[i]! + d }));
    const en = zh.filter((_, i) => i !== 5).map((s) => ({ text: 'This is one sentence.', start: s.start + 3500, end: s.end + 3500 }));
    const result = alignSentences(zh, en, { dictionary });
    expect(result.lagMs).toBeGreaterThanOrEqual(3000);
    expect(result.lagMs).toBeLessThanOrEqual(4000);
    expect(keys(result.beads)).toContain('[5]:[]');
    const untimed = alignSentences(zh, en, { dictionary, useTime: false });
    expect(untimed.lagMs).toBeNull();
  });

  it('gives a sure bead a higher confidence than a guess', () => {
    const doc = plannedDoc(pairs, 'kkkkk');
    const good = alignSentences(sentences(doc.zh), sentences(doc.en), { dictionary });
    const shuffled = alignSentences(sentences(doc.zh), sentences([...doc.en].reverse()), { dictionary });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(good.beads.map((b) => b.score))).toBeGreaterThan(0.8);
    expect(mean(shuffled.beads.map((b) => b.score))).toBeLessThan(mean(good.beads.map((b) => b.score)) - 0.2);
  });
});

describe('parallelism check', () => {
  it('reports a low lexical overlap when the two sides are not translations of each other', () => {
    const doc = plannedDoc(pairs, 'k'.repeat(40));
    const parallel = alignSentences(sentences(doc.zh), sentences(doc.en), { dictionary });
    const other = plannedDoc(pairs.slice(60), 'k'.repeat(40));
    const unrelated = alignSentences(sentences(doc.zh), sentences(other.en), { dictionary });
    expect(parallel.lexicalOverlap).toBeGreaterThan(0.3);
    expect(unrelated.lexicalOverlap).toBeLessThan(0.2);
    expect(alignSentences(sentences(doc.zh), sentences(doc.en)).lexicalOverlap).toBeNull();
  });
});

describe('aligner invariants', () => {
  const shapes = new Set(BEADS.map(([a, b]) => `${a}-${b}`));
  it('covers every sentence once, in order, with allowed shapes and confidences in 0..1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: pairs.length - 1 }), { minLength: 0, maxLength: 25 }), fc.array(fc.integer({ min: 0, max: pairs.length - 1 }), { minLength: 0, maxLength: 25 }), (zs, es) => {
        const result = alignSentences(sentences(zs.map((i) => pairs[i]![1])), sentences(es.map((i) => pairs[i]![0])), { dictionary });
        expect(result.beads.flatMap((b) => b.zh)).toEqual(zs.map((_, i) => i));
        expect(result.beads.flatMap((b) => b.en)).toEqual(es.map((_, i) => i));
        for (const b of result.beads) {
          expect(b.score).toBeGreaterThanOrEqual(0);
          expect(b.score).toBeLessThanOrEqual(1);
          if (b.zh.length && b.en.length) expect(shapes.has(`${b.zh.length}-${b.en.length}`)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
