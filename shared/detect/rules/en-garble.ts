/**
 * en.garble — Whisper token garble in Latin words: the tail of a word repeats part of the word
 * (`solutionlusionution`, `methodologyology`, `nuclearcle`, `effectiveffect`, `summarym`, `levelvel`, `riskk`),
 * a letter runs three or more times (`Russellll`), or a doubled letter was inserted (`deevice`, `conttrol`).
 *
 * Latin runs are split into tokens at case changes (`solutionolutionOK` → `solutionolution` + `OK`); all-capital
 * tokens (acronyms) are skipped, and so is any token the English word list knows (`nuclear` is never flagged).
 * For an unknown token we try, longest first, a prefix P of at least four letters that is a word, with the rest R
 * no longer than 1.5×P and either a substring of P (`cle` in `nuclear`: 0.9, a single letter 0.8) or ending in
 * P's last three letters while using only P's letters (`lusionution` after `solution`: 0.8). Without the word
 * list only the letter-run repair runs. A run of 3+ identical letters is never English: it is cut to two
 * (0.85), or to one when only that makes a word. A doubled letter whose removal makes a word, in a lower-case
 * token, is 0.75.
 */
import type { EnglishWords } from '../../lexicon/types';
import type { Proposal, Rule } from '../rule';
import { enWords } from '../text-utils';

const LATIN_RUN = /[A-Za-z]+/g;
const TOKEN = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;
const TRIPLE = /([a-z])\1{2,}/gi;
const MIN_PREFIX = 4;

interface Fix { word: string; confidence: number; why: string }

function matchCase(original: string, fixed: string): string {
  return original[0] === original[0]!.toUpperCase() ? fixed[0]!.toUpperCase() + fixed.slice(1) : fixed;
}

function tailRepeat(lower: string, words: EnglishWords): Fix | null {
  for (let p = lower.length - 1; p >= MIN_PREFIX; p--) {
    const prefix = lower.slice(0, p);
    const rest = lower.slice(p);
    if (rest.length > prefix.length * 1.5 || !words.has(prefix)) continue;
    if (prefix.includes(rest)) {
      return { word: prefix, confidence: rest.length === 1 ? 0.8 : 0.9, why: `"${rest}" repeats part of "${prefix}"` };
    }
    const letters = new Set(prefix);
    if (rest.length >= 3 && rest.endsWith(prefix.slice(-3)) && [...rest].every((c) => letters.has(c))) {
      return { word: prefix, confidence: 0.8, why: `"${rest}" re-spells the end of "${prefix}"` };
    }
  }
  return null;
}

function letterRun(token: string, words: EnglishWords | undefined): Fix | null {
  if (!/([a-z])\1{2,}/i.test(token)) return null;
  const two = token.replace(TRIPLE, '$1$1');
  const one = token.replace(TRIPLE, '$1');
  const lowerCase = token === token.toLowerCase();
  const word = words && lowerCase && !words.has(two) && words.has(one) ? one : two;
  return { word, confidence: 0.85, why: 'no English word repeats a letter three times' };
}

function doubledLetter(lower: string, words: EnglishWords): Fix | null {
  for (let i = 1; i < lower.length; i++) {
    if (lower[i] !== lower[i - 1]) continue;
    const candidate = lower.slice(0, i) + lower.slice(i + 1);
    if (words.has(candidate)) return { word: candidate, confidence: 0.75, why: `a doubled "${lower[i]}" looks inserted` };
  }
  return null;
}

/** The repair of one token, or null when it is fine or unknown in another way. */
function repair(token: string, words: EnglishWords | undefined): Fix | null {
  if (token.length < MIN_PREFIX + 1 || token === token.toUpperCase()) return null;
  const run = letterRun(token, words);
  if (run) return run;
  if (!words) return null;
  const lower = token.toLowerCase();
  if (words.has(lower)) return null;
  const tail = tailRepeat(lower, words);
  if (tail) return tail;
  return token === lower ? doubledLetter(lower, words) : null;
}

export const enGarble: Rule = {
  id: 'en.garble',
  title: 'Garbled English words from Whisper tokens (solutionlusionution, riskk)',
  languages: ['en', 'mixed', 'zh'],
  defaultLevel: 'standard',
  examples: [
    { in: '可能的 solutionlusionution。', out: '可能的 solution。' },
    { in: '这种 methodologyology 能够推广。', out: '这种 methodology 能够推广。' },
    { in: '因为到底 nuclearcle weapons这件事情。', out: '因为到底 nuclear weapons这件事情。' },
    { in: '是不是真的 effectiveffect。', out: '是不是真的 effective。' },
    { in: '一个生存的危机 riskk。', out: '一个生存的危机 risk。' },
    { in: 'sver Russellll在2019年', out: 'sver Russell在2019年', note: 'a letter run in a name, no word list needed' },
    { in: 'the summarym of the levelvel', out: 'the summary of the level' },
    { in: 'nuclear weapons and effective summary', flags: [], note: 'real words are never flagged' },
    { in: 'OpenAI and DeepMind use GPT', flags: [], note: 'camel case names and acronyms' },
    { in: 'Mississippi and Tegmark', flags: [], note: 'names whose tail does not repeat the head' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    if (!/[A-Za-z]{5}/.test(raw)) return [];
    const words = enWords(ctx);
    const out: Proposal[] = [];
    LATIN_RUN.lastIndex = 0;
    for (let run = LATIN_RUN.exec(raw); run; run = LATIN_RUN.exec(raw)) {
      if (run[0].length < MIN_PREFIX + 1) continue;
      TOKEN.lastIndex = 0;
      for (let t = TOKEN.exec(run[0]); t; t = TOKEN.exec(run[0])) {
        const fix = repair(t[0], words);
        if (!fix) continue;
        const start = run.index + t.index;
        const end = start + t[0].length;
        const nextUpper = /[A-Z]/.test(raw[end] ?? '');
        out.push({
          start, end, kind: 'artifact', suggestion: matchCase(t[0], fix.word) + (nextUpper ? ' ' : ''),
          confidence: fix.confidence, reason: `"${t[0]}" looks like a garbled "${fix.word}": ${fix.why}`,
        });
      }
    }
    return out;
  },
};
