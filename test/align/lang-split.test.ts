import { describe, expect, it } from 'vitest';
import { sentenceLang, splitLanguageRuns } from '../../shared/align/lang-split';

const runs = (text: string): [string, string][] => splitLanguageRuns(text).map((r) => [r.lang, text.slice(r.start, r.end)]);

describe('language runs', () => {
  it('splits the interpreted forum line into a Chinese run and an English run', () => {
    const line = '时间到了。OK谢谢大家。谢院。 Okay， Mr。 Ca， I know that you have 25 years experience in domestic and international public policy area。';
    expect(runs(line)).toEqual([
      ['zh', '时间到了。OK谢谢大家。谢院。'],
      ['en', 'Okay， Mr。 Ca， I know that you have 25 years experience in domestic and international public policy area。'],
    ]);
  });

  it('keeps Latin terms inside a Chinese sentence in the Chinese run', () => {
    expect(runs('这个 model 的 performance 很好。我们用 GPT-4 做了 benchmark。')).toEqual([
      ['zh', '这个 model 的 performance 很好。我们用 GPT-4 做了 benchmark。'],
    ]);
  });

  it('attaches symbol-only pieces such as an emoji to the run before them', () => {
    expect(runs('please。😊，Okay well thank you very much， and it is a delight to be here。')).toEqual([
      ['en', 'please。😊，Okay well thank you very much， and it is a delight to be here。'],
    ]);
  });

  it('tags English back to Chinese when the speaker switches again', () => {
    expect(runs('Thank you very much for having me here. 谢谢，下面请第二位嘉宾发言。').map((r) => r[0])).toEqual(['en', 'zh']);
  });

  it('tags a sentence by weight of Han words against Latin words', () => {
    expect(sentenceLang('我觉得 AI safety 很重要。')).toBe('zh');
    expect(sentenceLang('I think 安全 is really very important here.')).toBe('en');
    expect(sentenceLang('2024 😊')).toBeNull();
  });
});
