/**
 * Two-edit matches of long terms (zh-two-edits.ts) and the precision checks that keep a crowded glossary (thousands
 * of people's names, as bench/glossary.bench.mjs writes) from matching ordinary words (zh-matcher.ts `readsAsName`).
 * All with the real lexicon: these checks read segmentation.
 */
import { describe, expect, it } from 'vitest';
import { buildGlossaryIndex, parseGlossary } from '../../shared/glossary/index';
import { chineseLexicon } from '../detect/resources';

const lexicon = chineseLexicon();
const run = (glossary: string, text: string): string[] =>
  buildGlossaryIndex(parseGlossary(glossary).glossary).zh.match(text, lexicon.lexicon).map((m) => `${m.text}>${m.suggestion}`);

describe('two edits in a long term', () => {
  it.skipIf(!lexicon.real)('corrects two neighbouring syllables of a name heard as another word', () => {
    expect(run('凤凰卫视', '中心与芳华卫视香港特别行政区立法会')).toEqual(['芳华>凤凰']);
    expect(run('新质生产力', '推动进济生产力的打造')).toEqual(['进济>新质']);
  });
  it.skipIf(!lexicon.real)('keeps a changed pair that is a common word or joins a neighbour', () => {
    expect(run('人工智能治理', '这是人工智能战略与产业发展')).toEqual([]);
    expect(run('人工智能治理', '数据保护是人工智能理论的新方向')).toEqual([]);
    expect(run('可解释学习', '可解释性指的是政府应向其民众解释')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('corrects two syllables heard as one inside a long term', () => {
    const [m] = buildGlossaryIndex(parseGlossary('现代化新征程丛书').glossary).zh.match('也是我们现代化新政重书第二级的重点书目', lexicon.lexicon);
    expect(`${m?.text}>${m?.suggestion}`).toBe('政重>征程丛');
    expect(m?.reason).toMatch(/two syllables heard as one$/);
    expect(m?.confidence).toBeLessThan(0.7);
  });
  it.skipIf(!lexicon.real)('never merges at the edge of the window', () => {
    expect(run('通用人工智能', '自动化研究所中英人工智能伦理')).toEqual([]);
    expect(run('人工智能治理', '人工智能已在世界各地推广')).toEqual([]);
  });
});

describe('a crowded glossary of people', () => {
  it.skipIf(!lexicon.real)('keeps institutions and the words around them before a title', () => {
    expect(run('薛远\tYuan Xue', '他是中国科学院院士')).toEqual([]);
    expect(run('向忠新\tZhongxin Xiang', '战略与安全研究中心主任')).toEqual([]);
    expect(run('蒋学\tXue Jiang', '北京大学信息科学技术学院院长')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('keeps a function character plus a common word', () => {
    expect(run('何志丽\tZhili He', '要平衡发展和治理的关系')).toEqual([]);
    expect(run('何志丽\tZhili He', '构建人工智能综合治理框架')).toEqual([]);
    expect(run('德翰史\tRichard Smith', '以文化敏感的方式去理解')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('keeps another person of the same sound', () => {
    expect(run('程凌\tLing Cheng', '研究中心主任陈玲在发言中指出')).toEqual([]);
    expect(run('魏文\tWen Wei', '中心主任段伟文认为')).toEqual([]);
    expect(run('孙新博\tXinbo Sun', '军控司司长孙晓波指出')).toEqual([]);
    expect(run('鲁克斯\tMark Lukes', '教授费利克斯·克鲁齐格认为')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('keeps the head of a long name that is another common word', () => {
    expect(run('国家人工智能协会', '她是国际人工智能协会前主席')).toEqual([]);
    expect(run('隐私人工智能安全', '安全研究所引领人工智能安全工作')).toEqual([]);
    expect(run('现代化新征程丛书', '那么刚刚讲到的现代化新政治丛书')).toEqual(['政治>征程']);
  });
  it.skipIf(!lexicon.real)('keeps a three-character name standing alone in a list', () => {
    expect(run('杨丽\tLi Yang', '以及马斯克、杨立昆、约舒亚·本乔')).toEqual([]);
  });
  it.skipIf(!lexicon.real)('still corrects the names it should', () => {
    expect(run('薛澜\tLan Xue', '是来自清华大学的薛岚，也是')).toEqual(['岚>澜']);
    expect(run('姚期智\tAndrew Chi-Chih Yao', '姚继志院士是中国科学院院士')).toEqual(['继志>期智']);
    expect(run('张亚勤\tYa-Qin Zhang', '谢谢雅琴老师')).toEqual(['雅琴>亚勤']);
    expect(run('高文\tWen Gao', '刚才高温院士谈到了安全')).toEqual(['温>文']);
  });
});
