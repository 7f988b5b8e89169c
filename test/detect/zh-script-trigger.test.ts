/**
 * zh.script converts a segment only when it holds a character (or phrase) opencc-js's t2s dictionaries can
 * change. The check must never skip a segment the converter would change: these tests hold it against every
 * dictionary entry and against the samples, converting with opencc-js itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { mayChangeToSimplified, zhScript } from '../../shared/detect/rules/zh-script';
import { ROOT } from '../helpers';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

/** Every dictionary key of the t2s conversion (normalisation and conversion chains). */
function dictionaryKeys(): string[] {
  const config = (OpenCC.Locale as unknown as { configs: Record<string, { normalizationChain?: unknown[][]; conversionChain: unknown[][] }> }).configs['t2s']!;
  const keys: string[] = [];
  for (const chain of [config.normalizationChain ?? [], config.conversionChain]) {
    for (const group of chain) {
      for (const dict of group) {
        const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : (dict as string[][]);
        for (const [key] of pairs) keys.push(key!);
      }
    }
  }
  return keys;
}

describe('zh.script trigger check', () => {
  it('says "may change" for every dictionary key the converter changes, alone and inside Simplified text', () => {
    const keys = dictionaryKeys();
    expect(keys.length).toBeGreaterThan(1000);
    let changing = 0;
    for (const key of keys) {
      const text = `我们说${key}的问题`;
      if (convert(text) === text) continue;
      changing++;
      expect(mayChangeToSimplified(text), key).toBe(true);
    }
    expect(changing).toBeGreaterThan(1000);
  });

  it('skips only lines the converter leaves unchanged (every text sample)', () => {
    let skipped = 0;
    for (const name of readdirSync(join(ROOT, 'samples'))) {
      if (!/\.(txt|srt|vtt|md|json|tsv)$/.test(name)) continue;
      for (const line of readFileSync(join(ROOT, 'samples', name), 'utf8').split('\n')) {
        if (mayChangeToSimplified(line)) continue;
        skipped++;
        expect(convert(line), `${name}: ${line}`).toBe(line);
      }
    }
    expect(skipped).toBeGreaterThan(100);
  });

  it('catches a changing phrase made only of characters that are Simplified too (函覆 → 函复)', () => {
    expect(convert('请函覆我们')).not.toBe('请函覆我们');
    expect(mayChangeToSimplified('请函覆我们')).toBe(true);
    expect(mayChangeToSimplified('覆盖全国')).toBe(false);
  });

  it('sees Traditional characters beyond the Basic Multilingual Plane and compatibility ideographs', () => {
    for (const text of ['這個', '後來', '\uf900']) expect(mayChangeToSimplified(`好${text}`), text).toBe(convert(`好${text}`) !== `好${text}`);
  });
});

describe('zh.script towards Traditional', () => {
  it('names the missing step when the host did not prepare the Traditional converter', () => {
    const segment = { id: 's1', sourceLine: 1, lang: 'zh' as const, raw: '这个问题' };
    const ctx = { transcript: { title: null, segments: [segment], markers: [], metadata: {} }, index: 0, resources: { cache: new Map(), targetScript: 'hant' } };
    expect(() => zhScript.detect(segment, ctx as never)).toThrow(/prepareDetection/);
  });
});
