/** Test helpers: the Tatoeba fixture and synthetic documents with known beads. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAlignDictionary, type AlignDictionary } from '../../shared/align/dictionary';
import { findAlignDictionary } from '../../electron/node/load-align-dict';

const fixture = fileURLToPath(new URL('../fixtures/third_party/tatoeba/cmn-eng-sample.tsv', import.meta.url));

/** [english, chinese] pairs of the Tatoeba sample (CC-BY 2.0 FR, attribution in the file). */
export function tatoebaPairs(): [string, string][] {
  return readFileSync(fixture, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [en, zh] = l.split('\t');
    return [en!, zh!];
  });
}

/** The CEDICT table built by `npm run prepare` (electron/build/build-align-dict.mjs). */
export function builtDictionary(): AlignDictionary {
  const path = findAlignDictionary();
  if (!path) throw new Error('dist/data/align-dict.tsv is missing: run `npm run prepare` (or node electron/build/build-align-dict.mjs)');
  return parseAlignDictionary(readFileSync(path, 'utf8'));
}

export const beadKey = (zh: readonly number[], en: readonly number[]): string => `[${zh.join(',')}]:[${en.join(',')}]`;

/** Strict bead F1. */
export function strictF1(gold: readonly string[], pred: readonly string[]): number {
  const g = new Set(gold);
  const tp = pred.filter((p) => g.has(p)).length;
  const P = tp / pred.length;
  const R = tp / gold.length;
  return P + R ? (2 * P * R) / (P + R) : 0;
}

/**
 * A document walking the pairs in order; `plan` says per step: 'k' keep 1-1, 'z' Chinese only (1-0),
 * 'e' English only (0-1), 'm' two Chinese sentences merged into one (1-2), 'n' two English merged (2-1).
 */
export function plannedDoc(pairs: readonly [string, string][], plan: string): { zh: string[]; en: string[]; gold: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const gold: string[] = [];
  let k = 0;
  const next = (): [string, string] => pairs[k++ % pairs.length]!;
  for (const step of plan) {
    if (step === 'z') { zh.push(next()[1]); gold.push(beadKey([zh.length - 1], [])); }
    else if (step === 'e') { en.push(next()[0]); gold.push(beadKey([], [en.length - 1])); }
    else if (step === 'm') { const x = next(); const y = next(); zh.push(x[1] + y[1]); en.push(x[0], y[0]); gold.push(beadKey([zh.length - 1], [en.length - 2, en.length - 1])); }
    else if (step === 'n') { const x = next(); const y = next(); en.push(`${x[0]} ${y[0]}`); zh.push(x[1], y[1]); gold.push(beadKey([zh.length - 2, zh.length - 1], [en.length - 1])); }
    else { const x = next(); zh.push(x[1]); en.push(x[0]); gold.push(beadKey([zh.length - 1], [en.length - 1])); }
  }
  return { zh, en, gold };
}
