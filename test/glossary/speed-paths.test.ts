import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../shared/glossary/en-tokens';
import { collapse, countLetters, countsApart, editDistance, editDistanceWithin, phoneticKey, phoneticKeyOfWords } from '../../shared/glossary/phonetic';
import { SortedLines } from '../../shared/lexicon/chinese';
import { ZhMatcher } from '../../shared/glossary/zh-matcher';
import { glossaryForms, parseGlossary } from '../../shared/glossary/index';

describe('fast paths give the same answers as the plain ones', () => {
  it('bounded edit distance agrees with the full one within the bound', () => {
    const words = ['tsinghua', 'qinhua', 'bengio', 'benjo', 'tegmark', 'tekmark', 'russel', 'rusel', 'a', ''];
    for (const a of words) for (const b of words) {
      const d = editDistance(a, b);
      for (const max of [0, 1, 2, 3]) expect(editDistanceWithin(a, b, max)).toBe(Math.min(d, max + 1));
    }
  });

  it('keeps phonetic keys stable when rules are skipped by their triggers', () => {
    expect(phoneticKey('tech mark')).toBe(phoneticKey('Tegmark'));
    expect(phoneticKey('Qinhua')).toBe(phoneticKey('Tsinghua'));
  });

  it('finds every line of a sorted text through its bit-set filter, and rejects absent keys', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}`).sort();
    const lines = new SortedLines('# header\n' + words.map((w, i) => `${w}\t${i}`).join('\n') + '\n');
    for (const w of words) expect(lines.find(w)).toBeGreaterThanOrEqual(0);
    expect(lines.find('不在')).toBe(-1);
  });

  it('still matches a term whose key hash must be checked unit by unit (姚继志 → 姚期智)', () => {
    const g = parseGlossary('姚期智\tAndrew Chi-Chih Yao\n张伟\n张薇\n李伟', 'g').glossary;
    const m = new ZhMatcher(glossaryForms(g)).match('接下来请姚继志院士发言。');
    expect(m.map((x) => [x.text, x.suggestion])).toEqual([['继志', '期智']]);
  });
});

describe('English fast paths give the same answers as the regular expressions they replace', () => {
  /** Short strings dense in what the scanners must tell apart: letters, apostrophes, a possessive s, hyphens,
   * spaces of several kinds, URL punctuation and a non-ASCII letter. */
  const text = (alphabet: string) => fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((cs) => cs.join(''));

  it('tokenizes as the token regex did, dropping a possessive and joining over spaces, tabs and hyphens', () => {
    const regexTokens = (t: string) => {
      const masked = /[@./]/.test(t) ? t.replace(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+){2,}/g, (m) => ' '.repeat(m.length)) : t;
      const out: { text: string; start: number; end: number; joinsPrev: boolean }[] = [];
      let prevEnd = -1;
      for (const m of masked.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)?/g)) {
        const gap = prevEnd >= 0 ? t.slice(prevEnd, m.index) : null;
        const word = m[0].replace(/['’]s$/, '');
        out.push({ text: word, start: m.index, end: m.index + word.length, joinsPrev: gap !== null && /^[ \t\-‐]{1,3}$/.test(gap) });
        prevEnd = m.index + m[0].length;
      }
      return out;
    };
    fc.assert(fc.property(text("aSsB'’ -‐\t\u00a0.@/wé"), (t) => {
      expect(tokenize(t)).toEqual(regexTokens(t));
    }), { numRuns: 20_000 });
  });

  it('collapses spellings as the regex did', () => {
    fc.assert(fc.property(text('aAbB l-\'’é\u212A'), (t) => {
      expect(collapse(t)).toBe(t.toLowerCase().replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1'));
    }), { numRuns: 20_000 });
  });

  it('keys words one by one as their join', () => {
    fc.assert(fc.property(fc.array(text('tschqukxgnhzeiy -’é'), { maxLength: 4 }), (words) => {
      expect(phoneticKeyOfWords(words)).toBe(phoneticKey(words.join('')));
    }), { numRuns: 20_000 });
  });

  it('never rules out by letter counts a pair within the bound', () => {
    const counts = new Int32Array(26);
    fc.assert(fc.property(text('abcde'), text('abcde'), fc.nat(4), (a, b, max) => {
      countLetters(a, counts);
      if (countsApart(counts, a.length, b, max)) expect(editDistance(a, b)).toBeGreaterThan(max);
    }), { numRuns: 20_000 });
  });
});
