/**
 * en.repetition — repeated English words and phrases: `and and` → `and`, `to be to be` → `to be`.
 *
 * Latin words are tokenised with their offsets; wherever a run of 1–3 words is followed directly (only
 * spaces between) by the same words, case-insensitively, the second copy and the space before it are deleted
 * (so `The the` keeps its capital).
 * Repeats that English allows are kept or left for review: `that that`, `had had`, `is is` (grammatical) and
 * emphasis (`very very`, `no no`, `bye bye`) get 0.45; other single words 0.85; phrases 0.88.
 */
import type { Proposal, Rule } from '../rule';

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
const ALLOWED = new Set(['that', 'had', 'is', 'very', 'no', 'bye', 'so', 'ha', 'yeah', 'really', 'far', 'more', 'many', 'much', 'long', 'never', 'again', 'over', 'blah', 'knock', 'do']);

interface Tok { text: string; start: number; end: number }

function sameRun(raw: string, toks: Tok[], i: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    const a = toks[i + k]!;
    const b = toks[i + n + k]!;
    if (a.text.toLowerCase() !== b.text.toLowerCase()) return false;
  }
  for (let k = i; k < i + 2 * n - 1; k++) if (!/^ +$/.test(raw.slice(toks[k]!.end, toks[k + 1]!.start))) return false;
  return true;
}

export const enRepetition: Rule = {
  id: 'en.repetition',
  title: 'Repeated English words (and and, to be to be)',
  languages: ['en', 'mixed', 'zh'],
  defaultLevel: 'standard',
  examples: [
    { in: 'We went and and looked.', out: 'We went and looked.' },
    { in: 'It is proven to be to be safe.', out: 'It is proven to be safe.' },
    { in: 'The the model works.', out: 'The model works.' },
    { in: 'I think that that is true.', flags: [], note: 'grammatical `that that`' },
    { in: 'nuclear and nucleus; 我们看看看法。', flags: [], note: 'similar words are not repeats; 看看 is not English' },
    { in: 'It is very very good.', flags: [], note: 'emphasis is left for review' },
    { in: '这是一个 model model 的问题。', out: '这是一个 model 的问题。', note: 'inside Chinese speech' },
  ],
  detect(segment) {
    const raw = segment.raw;
    if (!/[A-Za-z]/.test(raw)) return [];
    const toks: Tok[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(raw); m; m = WORD.exec(raw)) toks.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    const out: Proposal[] = [];
    let i = 0;
    while (i < toks.length) {
      let found = 0;
      for (let n = 3; n >= 1 && !found; n--) if (i + 2 * n <= toks.length && sameRun(raw, toks, i, n)) found = n;
      if (!found) { i++; continue; }
      // delete the second copy with the space before it, so the first keeps its capital (`The the` → `The`)
      const start = toks[i + found - 1]!.end;
      const end = toks[i + 2 * found - 1]!.end;
      const text = raw.slice(toks[i]!.start, start);
      const confidence = found > 1 ? 0.88 : ALLOWED.has(text.toLowerCase()) ? 0.45 : 0.85;
      out.push({ start, end, kind: 'repetition', suggestion: '', confidence, reason: `"${text}" is said twice in a row` });
      i += found;
    }
    return out;
  },
};
