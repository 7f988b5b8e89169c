import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import wordListPath from 'word-list';
import { glossaryForms, parseGlossary } from '../../shared/glossary/index';
import { joinKeys, phoneticKey } from '../../shared/glossary/phonetic';
import { FIXTURES } from '../helpers';

/**
 * The phonetic key as first written: eleven global regular-expression replacements in order. phonetic.ts now
 * runs the same rules as passes over a byte buffer; this is the oracle it must agree with byte for byte.
 */
function regexKey(text: string): string {
  let w = text.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return '';
  let out = /^[aeiou]/.test(w) ? 'A' : /^[yw]/.test(w) ? 'Y' : '';
  const rules: [RegExp, string][] = [
    [/tsch|sch/g, 'S'],
    [/ch(?=[^aeiouy]|$)/g, 'K'],
    [/ch|tsh|ts|tz|q(?!u)/g, 'C'],
    [/qu|ck|kh|x(?=$)/g, 'K'],
    [/ph/g, 'F'],
    [/sh|x/g, 'S'],
    [/zh|dg|j|g(?=[eiy])/g, 'J'],
    [/th/g, 'T'],
    [/gh/g, ''],
    [/c(?=[eiy])/g, 'S'],
    [/ng/g, 'N'],
  ];
  for (const [re, to] of rules) w = w.replace(re, to);
  const single: Record<string, string> = {
    b: 'P', p: 'P', d: 'T', t: 'T', g: 'K', k: 'K', c: 'K', v: 'F', f: 'F', s: 'S', z: 'S',
    m: 'M', n: 'N', l: 'L', r: 'R',
  };
  for (const ch of w) {
    const unit = ch >= 'A' && ch <= 'Z' ? ch : (single[ch] ?? '');
    if (unit && out[out.length - 1] !== unit) out += unit;
  }
  return out;
}

/** Texts whose key differs from the oracle's, with both keys (empty when all agree). */
function disagreements(texts: Iterable<string>): [string, string, string][] {
  const bad: [string, string, string][] = [];
  for (const t of texts) {
    const k = phoneticKey(t);
    if (k !== regexKey(t)) bad.push([t, k, regexKey(t)]);
  }
  return bad;
}

describe('phonetic key without regular expressions', () => {
  it('gives the regular-expression key for every word of the English word list', () => {
    const words = readFileSync(wordListPath, 'utf8').split('\n');
    expect(words.length).toBeGreaterThan(200_000);
    expect(disagreements(words)).toEqual([]);
    // capitalised and joined in pairs, as names and multi-word windows reach it
    expect(disagreements(words.map((w, i) => w.charAt(0).toUpperCase() + w.slice(1) + ' ' + (words[i + 1] ?? '')))).toEqual([]);
  });

  it('gives the regular-expression key for every Latin form of the dev glossary and its words', () => {
    const g = parseGlossary(readFileSync(join(FIXTURES, 'dev-misrec/glossary.tsv'), 'utf8'), 'g').glossary;
    const forms = glossaryForms(g).filter((f) => f.lang === 'en').map((f) => f.text);
    expect(forms.length).toBeGreaterThan(50);
    expect(disagreements([...forms, ...forms.flatMap((f) => f.split(/[\s\-‐]+/))])).toEqual([]);
  });

  it('agrees on random strings dense in overlapping rules (ngh, tsch, chs, qu, x at the end)', () => {
    const letters = [...'tschqukxpgnhzdjeiyaow TS-'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 14 }), (chars) => {
      const text = chars.join('');
      expect(phoneticKey(text)).toBe(regexKey(text));
    }), { numRuns: 20_000 });
  });

  it('reads non-ASCII text as toLowerCase does (the Kelvin sign is k, accents vanish)', () => {
    for (const t of ['\u212Aate', 'Zoë Schäfer', 'İstanbul', 'Ångström', 'naïve', '张hanfei', 'Tsinghua’s']) {
      expect(phoneticKey(t)).toBe(regexKey(t));
    }
    expect(phoneticKey('\u212Aate')).toBe(phoneticKey('Kate'));
  });
});

describe('keys joined across a seam', () => {
  it('joins two keys exactly as keying the joined text, whenever it joins them', () => {
    let joined = 0;
    const letters = [...'tschqukxpgnhzdjeiyaowblmrfv TS-'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 10 }), fc.array(fc.constantFrom(...letters), { maxLength: 10 }), (a, b) => {
      const left = a.join('');
      const right = b.join('');
      const key = joinKeys(phoneticKey(left), left, phoneticKey(right));
      if (key === null) return;
      joined++;
      expect(key).toBe(phoneticKey(left + right));
    }), { numRuns: 50_000 });
    expect(joined).toBeGreaterThan(10_000);
  });

  it('joins the words of the English word list pairwise as keying them joined', () => {
    const words = readFileSync(wordListPath, 'utf8').split('\n').filter((w) => w !== '');
    const bad: string[] = [];
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[(i * 7919) % words.length]!];
      const key = joinKeys(phoneticKey(a), a, phoneticKey(b));
      if (key !== null && key !== phoneticKey(a + b)) bad.push(`${a} ${b}`);
    }
    expect(bad).toEqual([]);
  });

  it('refuses a seam a rule can read across (tech mark, Lang Gao)', () => {
    expect(joinKeys(phoneticKey('tech'), 'tech', phoneticKey('mark'))).toBeNull();
    expect(joinKeys(phoneticKey('Lang'), 'Lang', phoneticKey('Gao'))).toBeNull();
    expect(joinKeys(phoneticKey('Yoshua'), 'Yoshua', phoneticKey('Bengio'))).toBe(phoneticKey('YoshuaBengio'));
  });
});
