/** Small builders and the dev-set scorer shared by the summary tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../shared/formats/index';
import type { Transcript } from '../../shared/model/transcript';

/** A transcript from plain lines (one segment a non-empty line), as the txt parser reads them. */
export function fromLines(...lines: string[]): Transcript {
  return parseText(lines.join('\n\n') + '\n', { fileName: 'test.txt' }).transcript;
}

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/dev-turns/${name}`, import.meta.url)), 'utf8');
}

export interface GoldTurn {
  line: number;
  speaker: string;
  role: string;
  aliases: string[];
}

export function readGold(name: string): GoldTurn[] {
  return fixture(name)
    .split('\n')
    .filter((l) => /^\d/.test(l))
    .map((l) => {
      const [line, speaker, role, aliases] = l.split('\t');
      return { line: Number(line), speaker: speaker!, role: role!, aliases: (aliases ?? '').split('|').filter(Boolean) };
    });
}

/**
 * Boundary F1 with a one-line tolerance (one-to-one matching, in order). When several gold turns start on the
 * same line, a predicted section is paired with the one of the same speaker if there is one (`same`), so the
 * naming score compares like with like; the number of matches, hence F1, does not depend on it.
 */
export function boundaryF1(
  pred: readonly number[],
  gold: readonly number[],
  same: (predIndex: number, goldIndex: number) => boolean = () => false,
): { p: number; r: number; f1: number; matched: Map<number, number> } {
  const used = new Set<number>();
  const matched = new Map<number, number>();
  for (const [pi, p] of pred.entries()) {
    const near = gold.map((g, i) => i).filter((i) => !used.has(i) && Math.abs(gold[i]! - p) <= 1);
    const k = near.find((i) => same(pi, i)) ?? near[0] ?? -1;
    if (k >= 0) {
      used.add(k);
      matched.set(k, pi);
    }
  }
  const p = pred.length ? matched.size / pred.length : 0;
  const r = gold.length ? matched.size / gold.length : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, matched };
}
