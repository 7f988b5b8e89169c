/**
 * Language tagging by script. A segment is `zh` when Han characters dominate and there is no English
 * sentence in it, `en` when it has Latin words and no Han, `mixed` when it carries a real English run
 * (three or more Latin words in a row) beside Chinese. Latin terms inside Chinese (`这个 model 的 performance`)
 * keep a segment `zh`.
 */
import type { Lang } from './segment';

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;
const LATIN_WORD_G = /\p{Script=Latin}[\p{Script=Latin}'’-]*/gu;
/** Three Latin words separated only by spaces/light punctuation form an English run. */
const ENGLISH_RUN = /\p{Script=Latin}[\p{Script=Latin}'’-]*(?:[\s,.!?;:"“”()-]+\p{Script=Latin}[\p{Script=Latin}'’-]*){2,}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Count of Han characters in the text. */
export function countHan(text: string): number {
  return text.match(HAN_G)?.length ?? 0;
}

/** Count of Latin-script words in the text. */
export function countLatinWords(text: string): number {
  return text.match(LATIN_WORD_G)?.length ?? 0;
}

/** Tags a piece of text `zh`, `en` or `mixed`; text with neither script counts as `zh` only if it has Han. */
export function detectLang(text: string): Lang {
  const han = countHan(text);
  const latin = countLatinWords(text);
  if (han === 0) return latin > 0 ? 'en' : 'zh';
  if (latin === 0) return 'zh';
  return ENGLISH_RUN.test(text) ? 'mixed' : 'zh';
}
