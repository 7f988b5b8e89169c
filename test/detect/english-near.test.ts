/**
 * The English list's fuzzy search computes only a band of each edit-distance row; it must find exactly the
 * words, with exactly the distances, that a full comparison against every word finds.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { createEnglishWords, type NearWord } from '../../shared/lexicon/english';

/** Plain Levenshtein distance, full table. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let k = 1; k <= b.length; k++) next[k] = Math.min(row[k]! + 1, next[k - 1]! + 1, row[k - 1]! + (a[i - 1] === b[k - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Every word of the list within maxD edits sharing the first `samePrefix` characters, in list order. */
function bruteNear(words: readonly string[], query: string, maxD: number, samePrefix: number): NearWord[] {
  const out: NearWord[] = [];
  for (const w of words) {
    if (w.slice(0, samePrefix) !== query.slice(0, samePrefix) || Math.abs(w.length - query.length) > maxD) continue;
    const d = distance(w, query);
    if (d <= maxD) out.push({ word: w, distance: d });
  }
  return out;
}

describe('English fuzzy search', () => {
  const text = readFileSync(wordListPath, 'utf8');
  const all = text.split('\n').filter((w) => w !== '');
  const words = createEnglishWords(text);

  it('finds the same words at the same distances as comparing with every word (garbled tokens)', () => {
    // words of the list starting with m or s, for a brute force that stays quick
    const subset = all.filter((w) => w.startsWith('m') || w.startsWith('s'));
    for (const [query, maxD, same] of [['movation', 2, 1], ['mthematically', 2, 1], ['summarym', 2, 1], ['solutionlusionution', 2, 1], ['s', 2, 1], ['mo', 1, 1], ['methodologyology', 3, 1], ['sm', 2, 0]] as const) {
      const expected = bruteNear(same === 0 ? all : subset, query, maxD, same);
      const found = words.near(query, maxD, same);
      expect(found, query).toEqual(expected);
      if (query === 'movation') expect(found.map((n) => n.word)).toContain('motivation');
    }
  });

  it('answers a lookup the same the second time (remembered answers)', () => {
    expect([words.has('Nuclear'), words.has('Nuclear'), words.has('nuclearcle'), words.has('nuclearcle')]).toEqual([true, true, false, false]);
  });
});
