import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../shared/align/sentence-split';

const texts = (text: string, lang: 'zh' | 'en', maxLength?: number): string[] =>
  splitSentences(text, lang, maxLength ? { maxLength } : {}).map((s) => s.text);

describe('Chinese sentence split', () => {
  it('ends sentences at 。！？；… and keeps closing quotes with the sentence', () => {
    expect(texts('他说：“走吧。”我们走了！真的吗？是的；好……那么再见。', 'zh')).toEqual([
      '他说：“走吧。”',
      '我们走了！',
      '真的吗？',
      '是的；',
      '好……',
      '那么再见。',
    ]);
  });

  it('keeps decimals and Latin terms inside a sentence', () => {
    expect(texts('增长了3.5%，这个 model 的 performance 很好。下一句。', 'zh')).toEqual(['增长了3.5%，这个 model 的 performance 很好。', '下一句。']);
  });

  it('cuts unpunctuated ASR text by length at a clause mark or space', () => {
    const asr = '我们今天讨论人工智能的治理问题 大家都非常关心这个问题 因为它关系到每一个人的工作和生活 所以我们需要认真思考';
    const parts = texts(asr, 'zh', 30);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(30);
    expect(parts.join('').replace(/ /g, '')).toBe(asr.replace(/ /g, ''));
    expect(parts.flatMap((p) => p.split(' '))).toEqual(asr.split(' ')); // cut only at the pauses
  });

  it('keeps offsets that map back to the input', () => {
    const text = '  第一句。  第二句！';
    for (const s of splitSentences(text, 'zh')) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('English sentence split', () => {
  it('does not end a sentence at Mr., Dr., U.S. or a decimal', () => {
    expect(texts('Mr. Smith met Dr. Lee in the U.S. capital. It cost 3.5 million dollars. Done!', 'en')).toEqual([
      'Mr. Smith met Dr. Lee in the U.S. capital.',
      'It cost 3.5 million dollars.',
      'Done!',
    ]);
  });

  it('treats the full-width stop that Chinese ASR writes into English like a period', () => {
    expect(texts('Okay， Mr。 Ca， I know that you have 25 years experience。 and also you have depth。 Thank you。', 'en')).toEqual([
      'Okay， Mr。 Ca， I know that you have 25 years experience。 and also you have depth。',
      'Thank you。',
    ]);
  });

  it('keeps initials and lower-case continuations together', () => {
    expect(texts('J. K. Rowling wrote books, e.g. novels, etc. and more. Next one?', 'en')).toEqual([
      'J. K. Rowling wrote books, e.g. novels, etc. and more.',
      'Next one?',
    ]);
  });

  it('ends a sentence at a line break', () => {
    expect(texts('first line without stop\nsecond line', 'en')).toEqual(['first line without stop', 'second line']);
  });
});
