/**
 * Language tagging by script. A segment is `zh` when it has Han characters and no English sentence in it,
 * `en` when it has Latin words and no Han, `mixed` when it carries a real English run (three or more Latin
 * words in a row, separated only by spaces and light punctuation) beside Chinese. Latin terms inside Chinese
 * (`这个 model 的 performance`) keep a segment `zh`.
 *
 * One pass over UTF-16 code units with character-class tests (no regex per segment): tagging runs on every
 * segment of every file, so it has to cost next to nothing.
 */
import type { Lang } from './segment';

function isHanUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
    // high surrogates of the supplementary ideographic plane (CJK extensions B–F)
    (c >= 0xd840 && c <= 0xd87f);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Characters that may join letters inside a word: apostrophes and hyphens. */
function isWordJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d;
}

/** Characters that may separate words of one English run: spaces and light ASCII punctuation. */
function isRunSeparator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0xa0 || c === 0x2c || c === 0x2e || c === 0x21 ||
    c === 0x3f || c === 0x3b || c === 0x3a || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x201c || c === 0x201d ||
    (c >= 0x30 && c <= 0x39) || c === 0xff0c || c === 0x3002;
}

interface ScriptCounts {
  han: number;
  latinWords: number;
  /** Longest run of Latin words separated only by run separators. */
  longestRun: number;
}

function scan(text: string): ScriptCounts {
  let han = 0;
  let latinWords = 0;
  let run = 0;
  let longestRun = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatinLetter(c) || (inWord && isWordJoiner(c))) {
      if (!inWord) {
        inWord = true;
        latinWords++;
        run++;
        if (run > longestRun) longestRun = run;
      }
      continue;
    }
    inWord = false;
    if (isHanUnit(c)) {
      han++;
      run = 0;
    } else if (!isRunSeparator(c)) run = 0;
  }
  return { han, latinWords, longestRun };
}

/** True when the text holds at least one Han character. */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHanUnit(text.charCodeAt(i))) return true;
  return false;
}

/** Count of Han characters in the text. */
export function countHan(text: string): number {
  return scan(text).han;
}

/** Count of Latin-script words in the text. */
export function countLatinWords(text: string): number {
  return scan(text).latinWords;
}

/** Tags a piece of text `zh`, `en` or `mixed`; text with neither script is `zh` (the project's default). */
export function detectLang(text: string): Lang {
  const { han, latinWords, longestRun } = scan(text);
  if (han === 0) return latinWords > 0 ? 'en' : 'zh';
  if (latinWords === 0) return 'zh';
  return longestRun >= 3 ? 'mixed' : 'zh';
}
