import { describe, expect, it } from 'vitest';
import { alignSentences } from '../../shared/align/align';
import { parseAlignDictionary, withGlossary } from '../../shared/align/dictionary';
import { stem } from '../../shared/align/english';

describe('align dictionary table', () => {
  const table = ['# header line without a tab is skipped', '发现\tdiscov find detect', '發現\t=发现', '@张\tzhang', '@伟\twei', 'broken line'].join('\n');
  const dict = parseAlignDictionary(table);

  it('reads headwords, Traditional aliases and character readings', () => {
    expect(dict.glossStems('发现')).toEqual(['discov', 'find', 'detect']);
    expect(dict.glossStems('發現')).toEqual(['discov', 'find', 'detect']);
    expect(dict.pinyin?.('张')).toEqual(['zhang']);
    expect(dict.glossStems('broken line')).toBeUndefined();
    expect(dict.maxWordLength).toBe(2);
  });

  it('lets glossary terms outrank dictionary senses and join maximum matching', () => {
    const merged = withGlossary(dict, [{ zh: '世界人工智能大会', en: 'World Artificial Intelligence Conference' }]);
    expect(merged.glossStems('世界人工智能大会')).toEqual(['world', 'artificial', 'intelligenc', 'conferenc']);
    expect(merged.maxWordLength).toBe(8);
    expect(merged.glossStems('发现')).toEqual(['discov', 'find', 'detect']);
  });

  it('stems irregular forms to the base a gloss uses', () => {
    expect(stem('went')).toBe(stem('go'));
    expect(stem('children')).toBe(stem('child'));
    expect(stem('discovered')).toBe(stem('discover'));
  });
});

describe('pinyin names as anchors', () => {
  it('pairs the English sentence naming Zhang Wei with the Chinese sentence naming 张伟', () => {
    const dict = parseAlignDictionary(['@张\tzhang', '@伟\twei', '@李\tli', '@娜\tna', '@来\tlai', '@了\tle liao'].join('\n'));
    const zh = ['李娜来了。', '张伟来了。'].map((text) => ({ text }));
    // Same lengths and no glosses: only the names say which Chinese sentence the English one translates.
    const pairOf = (english: string) => alignSentences(zh, [{ text: english }], { dictionary: dict }).beads.find((b) => b.en.length)!.zh;
    expect(pairOf('Zhang Wei came.')).toEqual([1]);
    expect(pairOf('Li Na came.')).toEqual([0]);
  });
});
