/** Flag reasons in the Chinese interface: every reason the rules write has a Chinese wording. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../shared/detect/registry';
import { parseGlossary } from '../../shared/glossary/index';
import { localizeReason, reasonInChinese } from '../../shared/i18n/reasons';
import { RESOURCE } from '../../shared/lexicon/types';
import { parseText } from '../../shared/formats/index';
import { detectTranscript } from '../../shared/detect/index';
import { chineseLexicon, englishWords, fullResources } from '../detect/resources';
import { runOn } from '../detect/run-example';

const HAN = /\p{Script=Han}/u;

/** Every reason the registered rules give on their own examples and on the bundled sample with its glossary. */
function allReasons(): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of RULES) {
    for (const ex of rule.examples) {
      const resources = fullResources();
      if (ex.resources?.glossary !== undefined) resources[RESOURCE.glossary] = parseGlossary(ex.resources.glossary, 'x.tsv').glossary;
      if (ex.resources?.zhLexicon) resources[RESOURCE.zhLexicon] = chineseLexicon().lexicon;
      if (ex.resources?.enWords) resources[RESOURCE.enWords] = englishWords();
      for (const f of runOn(ex.in, [rule], resources, 'thorough').flags) out.set(f.reason, rule.id);
    }
  }
  const sample = parseText(readFileSync('samples/waic-2024-excerpt.txt', 'utf8')).transcript;
  const resources = fullResources();
  resources[RESOURCE.glossary] = parseGlossary(readFileSync('samples/waic-glossary.tsv', 'utf8'), 'g.tsv').glossary;
  resources[RESOURCE.zhLexicon] = chineseLexicon().lexicon;
  resources[RESOURCE.enWords] = englishWords();
  for (const f of detectTranscript(sample, { rules: RULES, resources })) out.set(f.reason, f.ruleId);
  return out;
}

describe('flag reasons in Chinese', () => {
  it('words every reason of every rule example and of the sample in Chinese', () => {
    const reasons = allReasons();
    expect(reasons.size).toBeGreaterThan(40);
    const untranslated = [...reasons].filter(([r]) => reasonInChinese(r) === r || !HAN.test(reasonInChinese(r).replace(/“[^”]*”/g, '')));
    expect(untranslated.map(([r, id]) => `${id}: ${r}`)).toEqual([]);
  });

  it('carries the quoted text, pinyin and suggestion over unchanged', () => {
    expect(reasonInChinese('"呃，" is a filled pause (hesitation), not content')).toBe('“呃，”是填充停顿（犹豫），不是内容');
    expect(reasonInChinese('pinyin yao2 ji4 zhi4 ≈ 姚期智 (yao2 qi1 zhi4) in glossary, before 院士'))
      .toBe('拼音 yao2 ji4 zhi4 ≈ 术语表中的“姚期智”（yao2 qi1 zhi4），位于“院士”之前');
    expect(reasonInChinese('"riskk" looks like a garbled "risk": "k" repeats part of "risk"'))
      .toBe('“riskk”像是“risk”的乱码：“k”重复了“risk”的一部分');
    expect(reasonInChinese('sounds like Yoshua Bengio word by word in glossary')).toBe('逐词读音像术语表中的 Yoshua Bengio');
    expect(reasonInChinese('only 12% of 4.5 s holds speech')).toBe('4.5 秒中只有 12% 有语音');
  });

  it('leaves an unknown reason in English rather than guessing, and English as it is', () => {
    expect(reasonInChinese('a reason no rule writes')).toBe('a reason no rule writes');
    expect(localizeReason('"um" is a filled pause', 'en')).toBe('"um" is a filled pause');
    expect(localizeReason('"um" is a filled pause', 'zh')).toBe('“um”是填充停顿');
  });
});
