import { describe, expect, it } from 'vitest';
import { lexiconFromWords } from '../../shared/lexicon/chinese';
import { atomize } from '../../shared/timing/cue-atoms';
import { splitCues } from '../../shared/timing/cues';

// Seed-like lines (WAIC 2024 forum): terms and names Intl.Segmenter splits (人工|智能, 大|模型, 姚|期|智).
const LINES = [
  '欢迎各位莅临2024世界人工智能大会人工智能前沿技术的治理挑战与应对的论坛我是来自清华大学的薛岚也是本场论坛主旨演讲部分的主持人',
  '图灵奖得主清华大学交叉信息研究院院长姚期智院士将为我们介绍大模型的安全与治理问题以及人工智能在2024年的最新进展和大模型带来的风险',
  '姚期智院士指出人工智能的发展速度远超预期大模型的能力每半年翻一番清华大学的团队在2024年发布了多模态大模型的评测体系人工智能安全需要全球合作',
];
const TERMS = ['人工智能', '大模型', '清华大学', '姚期智', '2024年', '图灵奖'];
const lexicon = lexiconFromWords(['人工智能', '清华大学', '姚期智', '图灵奖', '院士', '治理']);
const isWord = (s: string) => lexicon.has(s);

/** Offsets where a term occurrence is cut by a boundary strictly inside it. */
function cutTerms(text: string, boundaries: readonly number[]): string[] {
  const cut: string[] = [];
  for (const term of TERMS) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      if (boundaries.some((b) => b > at && b < at + term.length)) cut.push(`${term}@${at}`);
    }
  }
  return cut;
}

describe('cue splitting keeps words whole', () => {
  it('puts every occurrence of 人工智能, 大模型, 清华大学, 姚期智, 2024年 inside one atom', () => {
    for (const text of LINES) {
      const atoms = atomize(text, { isWord });
      expect(atoms.map((a) => a.text).join('')).toBe(text);
      expect(cutTerms(text, atoms.map((a) => a.start))).toEqual([]);
    }
  });

  it('never breaks a cue or a line inside those words in unpunctuated seed-like lines', () => {
    for (const text of LINES) {
      for (const end of [6_000, 12_000, 20_000]) {
        const cues = splitCues({ id: 's', text, lang: 'zh', start: 0, end }, { isWord });
        expect(cues.length).toBeGreaterThan(1);
        const boundaries: number[] = [];
        for (const c of cues) {
          boundaries.push(c.startOffset);
          let at = c.startOffset;
          for (const line of c.lines) {
            at = text.indexOf(line, at);
            boundaries.push(at);
            at += line.length;
          }
        }
        expect(cutTerms(text, boundaries)).toEqual([]);
      }
    }
  });

  it('glues a name the segmenter splits into single characters only when the lexicon knows it', () => {
    const text = '姚期智院士';
    expect(atomize(text, { isWord }).map((a) => a.text)).toContain('姚期智');
    expect(atomize(text).map((a) => a.text)).not.toContain('姚期智');
  });

  it('knows recent compounds such as 大模型 without a lexicon', () => {
    expect(atomize('大模型的安全').map((a) => a.text)).toContain('大模型');
  });

  it('does not glue across punctuation', () => {
    const atoms = atomize('人工，智能', { isWord });
    expect(atoms.map((a) => a.text)).toEqual(['人工，', '智能']);
  });
});
