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
 *
 * Truncations (`entty`, `movation`, `locly`, `beneificial`): a lower-case unknown token of 5+ letters not glued
 * to digits, dots, slashes or hyphens (never names, acronyms, URLs) is looked up within two edits in the word
 * list (`near`, same first letter). Candidates must keep the token's first and last letters and differ by
 * letters missing inside it (1 or 2, `movation` → motivation) or, for 7+ letters, one letter too many inside it
 * (`beneificial`); substitutions are not tried (too many near words). Missing letters beat an extra one, then
 * fewer edits. A unique winner is 0.75 when the token has 6+ letters or the winner is a common word (SUBTLEX
 * counts from the build), 0.7 for two missing letters in a token of 7+ letters when SUBTLEX has the word
 * (`highris` is not the unsaid highrises); otherwise, when several are equally close, or when a letter too many
 * could as well be a word with a garbled tail (`factorsies`: factories, or factors), 0.45 (review), choosing
 * the most frequent, then the longest shared prefix. Results are cached per token per run.
 *
 * More repairs (en-garble-near.ts): a chunk said twice inside a word (`frontronier` → frontier), a lost
 * apostrophe (`theyre`), a word of the transcript or glossary a token cuts short or mishears (`nucle` beside
 * `nuclearcle weapons`, `fentier` with `frontier AI` in the glossary; these may replace a review-level repair
 * above only when cut short), and the clearly most common word within two edits (review; a word of the transcript
 * or glossary replaces this guess). Short runs read against the Chinese around them (en-garble-context.ts): AI
 * heard as `I`/`HI`, a rare word beside a frequent one (`mabe`), a word heard as two (`we page`).
 */
import type { FuzzyEnglishWords, NearWord } from '../../lexicon/english';
import type { EnglishWords } from '../../lexicon/types';
import type { DetectContext, Proposal, Rule } from '../rule';
import { enWords, runCache } from '../text-utils';
import { contextRepairs } from './en-garble-context';
import { chunkRepeat, fromTranscript, lostApostrophe, nearCommon, type Fix } from './en-garble-near';

const LATIN_RUN = /[A-Za-z]+/g;
const TOKEN = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;
const TRIPLE = /([a-z])\1{2,}/gi;
const MIN_PREFIX = 4;
const MIN_FUZZY = 5;
/** Characters that make a Latin run part of a URL, file name, code or compound: no fuzzy repair there. */
const GLUE = /[0-9./\\@_\-'’#&+=]/;

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

/** True when `short` is a subsequence of `long`. */
function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (let i = 0; i < long.length && k < short.length; i++) if (long[i] === short[k]) k++;
  return k === short.length;
}

/** 0: letters missing inside the token, 1: one letter too many inside it (7+ letters); -1: neither. */
function editKind(token: string, word: string): number {
  if (word[0] !== token[0] || word[word.length - 1] !== token[token.length - 1]) return -1;
  if (word.length > token.length) return isSubsequence(token, word) ? 0 : -1;
  if (word.length === token.length - 1 && token.length >= 7) return isSubsequence(word, token) ? 1 : -1;
  return -1;
}

function sharedPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return k;
}

const KIND_WHY = ['letters missing from', 'a letter too many in'];

/** True when the word list carries usage counts (the built list does; the bare `word-list` package does not). */
function counted(words: FuzzyEnglishWords): boolean {
  return words.frequency('the') > 0;
}

/** A list word of five letters or more that the token starts with, leaving a tail of at most three letters. */
function wordHead(lower: string, words: EnglishWords): string | null {
  for (let p = lower.length - 1; p >= Math.max(5, lower.length - 3); p--) if (words.has(lower.slice(0, p))) return lower.slice(0, p);
  return null;
}

/** The closest list word of a truncated or misspelt lower-case token (see the file comment). */
function nearest(lower: string, near: readonly NearWord[], words: FuzzyEnglishWords): Fix | null {
  const ranked = near
    .map((n) => ({ ...n, kind: editKind(lower, n.word) }))
    .filter((n) => n.kind >= 0);
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => a.kind - b.kind || a.distance - b.distance || words.frequency(b.word) - words.frequency(a.word)
    || sharedPrefix(lower, b.word) - sharedPrefix(lower, a.word) || (a.word < b.word ? -1 : 1));
  const best = ranked[0]!;
  const ties = ranked.filter((n) => n.kind === best.kind && n.distance === best.distance).length;
  // short tokens have many near words: auto-apply only a unique repair of a longer token or to a common word;
  // two letters put back need a word people say (highris is not the rare highrises), and a letter too many is
  // no surer than a word with a garbled tail (factorsies: factories, or factors + "ies")
  const head = best.kind === 1 ? wordHead(lower, words) : null;
  const sure = ties === 1 && !head
    && (best.distance === 1 ? lower.length >= 6 || words.frequency(best.word) > 0 : lower.length >= 7 && (words.frequency(best.word) > 0 || !counted(words)));
  const confidence = !sure ? 0.45 : best.distance === 2 ? 0.7 : 0.75;
  const alternatives = [...ranked.slice(1, Math.min(ties, 4)).map((n) => n.word), ...(head ? [head] : [])];
  const others = alternatives.length > 0 ? ` (or ${alternatives.join(', ')})` : '';
  return { word: best.word, confidence, why: `${KIND_WHY[best.kind]} a known word${others}` };
}

/** The repair of one token, or null when it is fine or unknown in another way. */
function repair(token: string, words: EnglishWords | undefined, glued: boolean): Fix | null {
  if (token.length < MIN_PREFIX || token === token.toUpperCase()) return null;
  const run = letterRun(token, words);
  if (run) return run;
  if (!words || token.length < MIN_PREFIX + 1 && token !== token.toLowerCase()) return null;
  const lower = token.toLowerCase();
  if (words.has(lower)) return null;
  const tail = token.length > MIN_PREFIX ? tailRepeat(lower, words) : null;
  if (tail) return tail;
  if (token !== lower) return null;
  const doubled = doubledLetter(lower, words);
  if (doubled) return doubled;
  const fuzzy = fuzzyWords(words);
  if (glued || !fuzzy) return null;
  const apostrophe = lostApostrophe(lower);
  if (apostrophe) return apostrophe;
  const chunk = chunkRepeat(lower, fuzzy);
  if (chunk) return chunk;
  if (lower.length < MIN_FUZZY) return null;
  // one trie walk serves both searches
  const near = fuzzy.near(lower, 2, 1);
  return nearest(lower, near, fuzzy) ?? nearCommon(lower, near, fuzzy);
}

function fuzzyWords(words: EnglishWords | undefined): FuzzyEnglishWords | null {
  const fuzzy = words as Partial<FuzzyEnglishWords> | undefined;
  return fuzzy && typeof fuzzy.near === 'function' && typeof fuzzy.frequency === 'function' ? fuzzy as FuzzyEnglishWords : null;
}

/**
 * A review-level repair (or none) of an unknown lower-case token may yield to a word this transcript uses
 * (en-garble-near.ts): `nucle` beside `nuclearcle weapons` is nuclear.
 */
function withTranscript(token: string, fix: Fix | null, glued: boolean, ctx: DetectContext): Fix | null {
  if ((fix && fix.confidence >= 0.7) || glued || token !== token.toLowerCase() || token.length < MIN_PREFIX) return fix;
  const words = enWords(ctx);
  if (!words || !fuzzyWords(words) || words.has(token)) return fix;
  // a misspelling already explained stays (entty → entity, not entry); a word cut short may replace it
  return fromTranscript(token, ctx, words, fix === null || fix.weak === true) ?? fix;
}

/** `repair`, cached per token (and gluing) for the run: transcripts repeat their words. */
function cachedRepair(token: string, glued: boolean, ctx: DetectContext): Fix | null {
  const cache = runCache(ctx, 'en.garble:fix', () => new Map<string, Fix | null>());
  const key = glued ? `${token}|g` : token;
  let fix = cache.get(key);
  if (fix === undefined) {
    fix = repair(token, enWords(ctx), glued);
    cache.set(key, fix);
  }
  return fix;
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
    { in: '他这个东西的movation是出发点', out: '他这个东西的motivation是出发点', resources: { enWords: true }, note: 'two letters missing inside a long word' },
    { in: 'sex age and other factorsies.', out: 'sex age and other factorsies.', resources: { enWords: true }, note: 'factories, or factors with a garbled tail: review, not applied' },
    { in: '一个beneificial AGI', out: '一个beneficial AGI', resources: { enWords: true }, note: 'one letter too many inside a long word' },
    { in: 'the Movation group and amara.orgg', flags: [], resources: { enWords: true }, note: 'no fuzzy repair of capitalised names or URLs' },
    { in: '讨论这个frontronier models的这个风险', out: '讨论这个frontier models的这个风险', resources: { enWords: true }, note: 'a chunk said twice inside a word' },
    { in: 'the asysymmetrictic performance', out: 'the asymmetric performance', resources: { enWords: true }, note: 'a chunk said twice and a re-spelled tail' },
    { in: '比如说是nucle的，到底 nuclearcle weapons', out: '比如说是nuclear的，到底 nuclear weapons', resources: { enWords: true }, note: 'a word cut short that the same segment uses' },
    { in: '那样一个fentier这样一个大模型', flags: ['fentier'], level: 'thorough', resources: { enWords: true, glossary: '前沿人工智能\tfrontier AI' }, note: 'a misheard word of the glossary (review)' },
    { in: 'to be ready for theyre truly global', flags: ['theyre'], level: 'thorough', resources: { enWords: true }, note: 'a lost apostrophe (review: it may be their)' },
    { in: "they wouldn't and it hasn't been", flags: [], resources: { enWords: true }, note: 'contractions written with an apostrophe are left alone' },
    { in: '来自 xinhua 和 zhangjiang 的朋友', flags: [], level: 'thorough', resources: { enWords: true }, note: 'pinyin words are not English garbles' },
    { in: 'the only entty that can', flags: ['entty'], level: 'thorough', resources: { enWords: true }, note: 'a missing letter is not replaced by a transcript word' },
    { in: '是啊，我们看看这个问题。', flags: [], note: 'tricky negatives of the Chinese rules carry no Latin garble' },
    { in: '智能治理的话，在I之前就开始了。', flags: ['I'], level: 'thorough', note: 'AI heard as a lone I inside Chinese (review)' },
    { in: '可证明的安全的HI。', out: '可证明的安全的AI。', level: 'thorough', note: 'AI heard as HI' },
    { in: '你们觉得现在这个I governance应当怎么走', flags: ['I'], level: 'thorough', note: 'I before a noun that follows AI' },
    { in: '(二) 主论坛 I 报告', flags: [], level: 'thorough', note: 'a numeral I stands apart from the Han' },
    { in: '我觉得I think这个很好，I 也是。', flags: [], level: 'thorough', resources: { enWords: true }, note: 'the pronoun before a verb or set apart' },
    { in: 'Hi, I think HI is fine', flags: [], level: 'thorough', resources: { enWords: true }, note: 'I and HI in English are left alone' },
    { in: '这就是super intelligence的问题', flags: [], level: 'thorough', resources: { enWords: true }, note: 'two words that join exactly are a spacing choice' },
    { in: '那么他 design一个方法。那么他能够des一个方法', out: '那么他 design一个方法。那么他能够design一个方法', resources: { enWords: true }, note: 'three letters cut short, the word used nearby' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    if (!/[A-Za-z]/.test(raw)) return [];
    const out: Proposal[] = [];
    LATIN_RUN.lastIndex = 0;
    for (let run = LATIN_RUN.exec(raw); run; run = LATIN_RUN.exec(raw)) {
      if (run[0].length < MIN_PREFIX) continue;
      const after = run.index + run[0].length;
      // a sentence's full stop is not glue; a dot before a letter or digit is (amara.org)
      const glued = GLUE.test(raw[run.index - 1] ?? '') || (GLUE.test(raw[after] ?? '') && (raw[after] !== '.' || /[A-Za-z0-9]/.test(raw[after + 1] ?? '')));
      TOKEN.lastIndex = 0;
      for (let t = TOKEN.exec(run[0]); t; t = TOKEN.exec(run[0])) {
        const fix = withTranscript(t[0], cachedRepair(t[0], glued, ctx), glued, ctx);
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
    const done = new Set(out.map((p) => p.start));
    out.push(...contextRepairs(raw, ctx, fuzzyWords(enWords(ctx)), (start) => done.has(start)));
    return out;
  },
};
