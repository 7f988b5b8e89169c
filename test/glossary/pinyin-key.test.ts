import { describe, expect, it } from 'vitest';
import { isBmpHanFrom3400, readPinyin } from '../../shared/glossary/pinyin-key';

describe('reading pinyin keys', () => {
  it('tells Han from the rest from U+3400 on exactly as the Script=Han property does', () => {
    const HAN = /\p{Script=Han}/u;
    for (let u = 0x3400; u <= 0xffff; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      if (isBmpHanFrom3400(u) !== HAN.test(String.fromCharCode(u))) throw new Error(`U+${u.toString(16)} disagrees`);
    }
    expect(isBmpHanFrom3400(0x3007)).toBe(false); // 〇 is Han but below U+3400: readPinyin tests it by script
  });

  it('reads Han characters, keeps the rest as non-Han units', () => {
    const r = readPinyin('治理AI〇㐀');
    expect(r.syllables.slice(0, 2)).toEqual(['zhi', 'li']);
    expect(r.syllables[2]).toBe('');
    expect(r.key.length).toBe(r.chars.length);
  });
});
