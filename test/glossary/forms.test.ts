import { describe, expect, it } from 'vitest';
import { buildGlossaryIndex, glossaryForms, parseGlossary } from '../../shared/glossary/index';
import { readPinyin } from '../../shared/glossary/pinyin-key';
import { ReadAhead } from '../../shared/glossary/read-ahead';

const forms = (tsv: string) => glossaryForms(parseGlossary(tsv, 'g').glossary).map((f) => `${f.text}${f.entry.kind ? `/${f.entry.kind}` : ''}`);

describe('glossary forms, however an editor writes the glossary', () => {
  it('drops titles and honorifics and marks the rest a person', () => {
    expect(forms('薛澜教授\tProf. Xue Lan')).toEqual(['薛澜/name', 'Xue Lan/name']);
  });
  it('reads a parenthesis in the other script, or an acronym, as another form and drops a remark', () => {
    expect(forms('清华大学（Tsinghua University）\nUnited Nations University (UNU)\n张凌寒（主持人）')).toEqual(
      ['清华大学', 'United Nations University', '张凌寒', 'Tsinghua University', 'UNU'],
    );
  });
  it('splits a cell holding both scripts with a single space, and a transliteration at its dot', () => {
    expect(forms('薛澜 Xue Lan\n约书亚·本吉奥')).toEqual(['薛澜', '约书亚本吉奥/name', 'Xue Lan', '本吉奥/name']);
  });
  it('gives the short forms a speaker uses of a long organisation name', () => {
    const f = forms('清华大学人工智能国际治理研究院\n华信永道（北京）科技股份有限公司\n浙江省智慧场景研究中心');
    expect(f).toEqual(expect.arrayContaining(['清华大学/org', '人工智能国际治理研究院/org', '国际治理研究院/org', '华信永道/org', '浙江智慧场景研究中心/org']));
    expect(f).not.toContain('研究院/org');
    expect(f).not.toContain('治理研究院/org');
  });
  it('takes the acronym of a versioned product and organisations named in a note', () => {
    expect(forms('GPT-4\n王忠宏\t\t国务院发展研究中心中国发展出版社社长')).toEqual(
      ['GPT-4', '王忠宏', 'GPT/term', '国务院发展研究中心中国发展出版社/org', '国务院发展研究中心/org', '中国发展出版社/org'],
    );
  });
  it('makes a word shared by two entries a term, and a long term\'s head a form, but not a place or an organisation word', () => {
    const f = forms('人工智能治理\n加拿大国际治理创新中心\n智能向善全球伙伴计划\n香港科技大学\n香港生成式人工智能研发中心');
    expect(f).toEqual(expect.arrayContaining(['治理/term', '智能向善/term', '人工智能/term']));
    expect(f).not.toContain('香港/term');
    expect(f).not.toContain('中心/term');
    const parts = glossaryForms(parseGlossary('人工智能治理\n加拿大国际治理创新中心', 'g').glossary).filter((x) => x.entry.part);
    expect(parts.map((x) => x.text)).toEqual(['治理']);
  });
  it('gives a book series its title without the series word, and matches it as it sounds', () => {
    expect(forms('现代化新征程丛书')).toContain('现代化新征程/term');
    expect(forms('人工智能安全治理白皮书')).not.toContain('人工智能安全治理');
    const index = buildGlossaryIndex(parseGlossary('现代化新征程丛书', 'g').glossary);
    expect(index.zh.match('发展是现代化新政程的重要方向').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['政>征']);
    expect(index.zh.match('走好现代化新征程')).toEqual([]);
  });
  it('matches a misheard short form against the full name in the glossary', () => {
    const index = buildGlossaryIndex(parseGlossary('清华大学人工智能国际治理研究院\n薛澜教授\tProf. Xue Lan', 'g').glossary);
    expect(index.zh.match('我们人工智能国际智理研究院的学术委员会').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['智>治']);
    expect(index.zh.match('我是来自清华大学的薛岚。').map((m) => `${m.text}>${m.suggestion}`)).toEqual(['岚>澜']);
  });
});

describe('reading segments ahead', () => {
  it('gives the same readings as one call per segment, in order and out of order', () => {
    const texts = ['国际智理研究院。', 'GPT', '薛岚教授说，长大了。', '行长在银行'];
    const ahead = new ReadAhead((i) => texts[i]);
    for (const i of [0, 1, 2, 3, 2]) expect(ahead.get(i, texts[i]!)).toEqual(readPinyin(texts[i]!));
  });
});

describe('a wrong surname before the right given name', () => {
  it('leaves the tail of a word before a title alone (研究院院长 is not 薛远)', async () => {
    const { titledCounts } = await import('../../shared/glossary/zh-surname');
    const { chineseLexicon } = await import('../detect/resources');
    const index = buildGlossaryIndex(parseGlossary('薛远', 'g').glossary);
    const text = '薛院长和薛老师都来了，研究院院长也在，教远教授也在。';
    const found = index.zh.match(text, chineseLexicon().lexicon, titledCounts([text])).map((m) => `${m.text}>${m.suggestion}`);
    expect(found).not.toContain('究院>薛远');
    expect(found).toContain('教>薛');
  });
});
