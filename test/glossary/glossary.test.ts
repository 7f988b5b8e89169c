import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTranscript } from '../../shared/detect/index';
import { enGlossary } from '../../shared/detect/rules/en-glossary';
import { zhGlossary } from '../../shared/detect/rules/zh-glossary';
import { buildGlossaryIndex, extractTerms, glossaryFromReferences, mergeGlossaries, parseGlossary, serializeGlossary } from '../../shared/glossary/index';
import { NearWordIndex } from '../../shared/glossary/near-word';
import { titledCounts } from '../../shared/glossary/zh-surname';
import { createChineseLexicon, lexiconFromWords } from '../../shared/lexicon/chinese';
import { RESOURCE } from '../../shared/lexicon/types';
import { detectLang } from '../../shared/model/lang';
import { chineseLexicon } from '../detect/resources';

const dev = parseGlossary(readFileSync('test/fixtures/dev-misrec/glossary.tsv', 'utf8'), 'glossary.tsv').glossary;
const index = buildGlossaryIndex(dev);

describe('glossary file', () => {
  it('reads terms, equivalents and notes, skipping comments and reporting oddities', () => {
    const { glossary, diagnostics } = parseGlossary('\uFEFF# c\n姚期智\tAndrew Chi-Chih Yao\t图灵奖\r\n\n\tnothing\n姚期智\tdup\n薛澜  Lan Xue\n', 'g.tsv');
    expect(glossary.entries.map((e) => [e.term, e.equivalent, e.note])).toEqual([
      ['姚期智', 'Andrew Chi-Chih Yao', '图灵奖'], ['薛澜', 'Lan Xue', ''],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['glossary.empty-term', 'glossary.duplicate', 'glossary.no-tab']);
  });
  it('round-trips through the serializer and merges glossaries, first definition winning', () => {
    const a = parseGlossary('治理\n', 'a').glossary;
    const b = parseGlossary('治理\tgovernance\n大模型\n', 'b').glossary;
    const merged = mergeGlossaries([a, b]);
    expect(merged.entries.map((e) => `${e.term}/${e.equivalent}`)).toEqual(['治理/governance', '大模型/']);
    expect(parseGlossary(serializeGlossary(merged)).glossary.entries.map((e) => e.term)).toEqual(['治理', '大模型']);
  });
});

describe('Chinese pinyin matcher', () => {
  const one = (text: string) => index.zh.match(text).map((m) => `${m.text}>${m.suggestion}`);
  it('corrects names that sound the same', () => {
    expect(one('是姚启志院士。')).toEqual(['启志>期智']);
    expect(one('我们请到张雅琴教授。')).toEqual(['雅琴>亚勤']);
  });
  it('allows one syllable of slack in a three-character name (ji/qi)', () => {
    expect(one('姚继志院士是中国科学院院士')).toEqual(['继志>期智']);
  });
  it('narrows a long term to the differing characters', () => {
    expect(one('人工智能国际智理研究院的学术委员会')).toEqual(['智>治']);
  });
  it('leaves correctly written terms alone', () => {
    expect(one('清华大学人工智能国际治理研究院院长薛澜')).toEqual([]);
  });
  it('says why, with the pinyin', () => {
    expect(index.zh.match('发展与智理的平衡')[0]?.reason).toBe('pinyin zhi4 li3 = 治理 (zhi4 li3) in glossary');
  });
});

describe('English matcher', () => {
  const one = (text: string) => index.en.match(text).map((m) => `${m.text}>${m.suggestion}`);
  it('finds garbled names and organisations', () => {
    expect(one('Qinhua University is among its founding members')).toEqual(['Qinhua University>Tsinghua University']);
    expect(one('MIT的tech mark上面写的')[0]).toMatch(/^tech mark>(Max )?Tegmark$/);
    expect(one('那么一个就是呃sver Russellll在2019年')).toEqual(['sver Russellll>Stuart Russell']);
    expect(one('刚才Benjo提到')).toEqual(['Benjo>Bengio']);
  });
  it('catches acronym near-misses but not known acronyms', () => {
    expect(one('因为啊GBT所带来的')).toEqual(['GBT>GPT']);
    expect(one('GPU and API')).toEqual([]);
  });
  it('never deletes a real word beside a correctly spelled name (used to turn "of Tsinghua" into "Tsinghua")', () => {
    const tsinghua = buildGlossaryIndex(parseGlossary('清华大学\tTsinghua University', 'g').glossary);
    for (const text of ['a professor of Tsinghua', 'the Institute of Tsinghua and Peking', "Tsinghua's AI institute"]) {
      expect(tsinghua.en.match(text)).toEqual([]);
    }
    expect(tsinghua.en.match('the Institute of Qinhua and Peking').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['Qinhua>Tsinghua']);
  });
  it('hears a whole name word by word (Yoshi Banjo is Yoshua Bengio)', () => {
    expect(one('I think Yoshi Banjo said so')).toEqual(['Yoshi Banjo>Yoshua Bengio']);
    expect(index.en.match('I think Yoshi Banjo said so')[0]!.reason).toMatch(/word by word/);
  });
});

describe('rules and references', () => {
  const transcript = (lines: string[]) => ({ title: null, markers: [], metadata: {},
    segments: lines.map((raw, i) => ({ id: `s${i}`, sourceLine: i + 1, lang: detectLang(raw), raw })) });
  it('does nothing without a glossary', () => {
    expect(detectTranscript(transcript(['姚启志院士']), { rules: [zhGlossary, enGlossary] })).toEqual([]);
  });
  it('flags misrecognitions with the glossary as a resource', () => {
    const flags = detectTranscript(transcript(['是姚启志院士。', 'Qinhua University']), {
      rules: [zhGlossary, enGlossary], resources: { [RESOURCE.glossary]: dev } });
    expect(flags.map((f) => [f.ruleId, f.kind, f.suggestion])).toEqual([
      ['zh.glossary', 'misrecognition', '期智'], ['en.glossary', 'misrecognition', 'Tsinghua University']]);
  });
  it('extracts speakers from a programme and flags the body misspelling them', () => {
    const doc = '- **张亚勤**：清华大学智能产业研究院院长\n- **高 文**：鹏城实验室主任\n\n' + '正文。'.repeat(800) + '接下来请出张雅琴教授。';
    const terms = extractTerms(doc);
    expect(terms.filter((t) => t.kind === 'name').map((t) => t.term)).toEqual(expect.arrayContaining(['张亚勤', '高文']));
    expect(terms.some((t) => t.kind === 'org' && t.term === '鹏城实验室')).toBe(true);
    const g = glossaryFromReferences([doc]);
    const m = buildGlossaryIndex(g).zh.match('接下来请出张雅琴教授。');
    expect(m.map((x) => x.suggestion)).toEqual(['亚勤']);
  });
});

describe('near-word lexicon check', () => {
  it('suggests the idiom one character away and keeps real words', () => {
    const lex = lexiconFromWords(['灭顶之灾', '成为', '一个', '造成']);
    const idx = new NearWordIndex(lex);
    expect(idx.match('造成一个莫顶之灾成为').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['莫>灭']);
    expect(idx.match('造成一个灭顶之灾')).toEqual([]);
  });
});

describe('segmentation-aware precision (real lexicon)', () => {
  const lexicon = chineseLexicon();
  const zh = (glossary: string, text: string) =>
    buildGlossaryIndex(parseGlossary(glossary).glossary).zh.match(text, lexicon.lexicon).map((m) => `${m.text}>${m.suggestion}`);
  it.skipIf(!lexicon.real)('drops a homophone whose character belongs to a word outside the window', () => {
    expect(zh('治理', '他在国际组织里负责数据工作。')).toEqual([]);
    expect(zh('乔宇', '他花言巧语，真能把你骗了。')).toEqual([]);
    expect(zh('曾毅', '最后形成一本著作。')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('drops a substitution that forms a word inside the window', () => {
    expect(zh('通用人工智能', '期待通过人工智能视角跨越二元')).toEqual([]);
    expect(zh('人工智能治理', '理解人工智能机理和构建人工智能')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('still corrects what segmentation cannot explain', () => {
    expect(zh('姚期智', '也特别肯定了姚旗志愿士在推动')).toEqual(['旗志>期智']);
    expect(zh('高文', '刚才高温院士谈到了安全。')).toEqual(['温>文']);
  });
});

describe('reference glossaries', () => {
  it('keeps only strong evidence and given names before titles', () => {
    const doc = '- **张倬胜**：上海交通大学助理教授\n\n' + '非常重要的安全问题。'.repeat(300) + '谢谢卓昇老师。';
    const g = glossaryFromReferences([doc]);
    expect(g.entries.some((e) => e.term === '非常重要')).toBe(false);
    expect(buildGlossaryIndex(g).zh.match('谢谢卓昇老师。').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['卓昇>倬胜']);
  });
});

describe('missing, swapped and spelled-out sounds', () => {
  const lexicon = chineseLexicon();
  const zh = (glossary: string, text: string, titled?: Map<string, number>) =>
    buildGlossaryIndex(parseGlossary(glossary).glossary).zh.match(text, lexicon.lexicon, titled).map((m) => `${m.text}>${m.suggestion}`);
  it('restores one missing syllable inside a long term', () => {
    expect(zh('人工智能国际治理研究院', '清华大学人工智能国际理研究院副院长')).toEqual(['理>治理']);
    expect(zh('马尔瓦拉', '这个马瓦拉先生。')).toEqual(['瓦>尔瓦']);
  });
  it('restores the missing last character of a name only before a title', () => {
    expect(zh('高奇琦', '我们也请高奇教授有请。')).toEqual(['奇>奇琦']);
    expect(zh('高奇琦', '我们也请高奇来讲。')).toEqual([]);
  });
  it('never reads a truncated term or a given name as a missing syllable', () => {
    expect(zh('鹏城实验室研究所', '鹏城实验室研究的方向')).toEqual([]);
    expect(zh('杨耀东', '谢谢耀东老师。')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('keeps text that reads as words around the gap', () => {
    expect(zh('前沿人工智能', '当前人工智能发展很快')).toEqual([]);
    expect(zh('人工智能治理', '鲁棒的人工智能理论和方法')).toEqual([]);
  });
  it('swaps two syllables of a name back', () => {
    expect(zh('郭毅可', '数据科学研究所所长郭可义教授。')).toEqual(['可义>毅可']);
  });
  it.skipIf(!lexicon.real)('accepts a real word inside an opaque company name', () => {
    expect(zh('华信永道', '华信有道呃董事长刘景玉先生。')).toEqual(['有>永']);
    expect(zh('人工智能治理', '理解人工智能机理和构建人工智能')).toEqual([]);
  });
  it('corrects a surname before a title when the transcript names one glossary person so', () => {
    const counts = titledCounts(['感谢薛老师。', '正如薛老师所说', '刚刚包括徐老师啊']);
    expect(zh('薛澜\n熊德意', '刚刚包括徐老师啊', counts)).toEqual(['徐>薛']);
    expect(zh('薛澜\n熊德意', '刚刚包括徐老师啊', titledCounts(['刚刚包括徐老师啊']))).toEqual([]);
    expect(zh('张亚勤', '王老师说', titledCounts(['张老师', '张老师', '王老师说']))).toEqual([]);
  });
  it('reads acronyms spoken letter by letter', () => {
    const en = (text: string) => index.en.match(text).map((m) => `${m.text}>${m.suggestion}`);
    expect(en('In 2024, you and you also joined')).toEqual(['you and you>UNU']);
    expect(en('Worldwide, you new Maco is')).toEqual(['you new>UNU', 'Maco>Macau']);
    expect(en('I see you and me, and you')).toEqual([]);
  });
});

describe('compact lexicon (v3, searched in place)', () => {
  const v3 = '# jiaodui zh-lexicon v3: test\n一个\t1\n中国\t0\n中国人\t5\n北京\t\tP\n灭顶之灾\t9\n';
  it('finds words, ranks and proper nouns by binary search, and lists words by rank', () => {
    const lex = createChineseLexicon(v3);
    expect([lex.has('中国'), lex.has('中'), lex.has('中国人民'), lex.has('一')]).toEqual([true, false, false, false]);
    expect([lex.rank('中国'), lex.rank('中国人'), lex.rank('北京'), lex.rank('无')]).toEqual([0, 5, undefined, undefined]);
    expect([lex.isProperNoun('北京'), lex.isProperNoun('中国')]).toEqual([true, false]);
    expect(lex.words).toEqual(['中国', '一个', '中国人', '灭顶之灾', '北京']);
  });
  it('uses a prebuilt near-word index when given one', () => {
    const lex = createChineseLexicon(v3, '', '# near\n*顶之灾\t灭顶之灾\n灭*之灾\t灭顶之灾\n');
    expect(lex.nearWords('灭*之灾')).toEqual(['灭顶之灾']);
    expect(lex.nearWords('灭顶*灾')).toBeUndefined();
    expect(new NearWordIndex(lex).match('造成莫顶之灾').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['莫>灭']);
  });
});
