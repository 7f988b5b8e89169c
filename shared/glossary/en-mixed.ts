/**
 * Half-Han, half-Latin names: a recogniser that hears a Western name in Chinese speech may write its first
 * syllable as a Han character and the rest in Latin letters (`卡lin` → Carlini, `苏er` → Sora, `券GPT` → ChatGPT).
 *
 * Targets are the single Latin words of the glossary's forms with four letters or more (names, products:
 * Carlini, Sora, ChatGPT). A candidate is one or two Han characters glued to the start of a Latin run. The Han
 * part is read as pinyin and respelt the way English writes those sounds (q → ch, x → sh, zh → j, c → ts), then
 * joined to the Latin part and compared with each target by the consonant skeleton of phonetic.ts:
 * - **By sound:** the skeletons are equal, or equal once the target's r is dropped (Chinese transliteration
 *   drops an r after a vowel: 卡 for Car-); at least two consonant units must agree (`苏er` SR = Sora SR),
 *   and the Latin part is lower case (`呃fancy` is a word, not Evans). 0.6.
 * - **By spelling:** the Latin part is the target's exact ending of three letters or more (`GPT` of ChatGPT),
 *   the rest of the target is one syllable of at most five letters, and the Han syllable begins with the same
 *   consonant unit (quan → chuan: C = Chat: C). 0.6.
 * Words of Chinese people's names in pinyin (Zhang Hanfei of 张翰飞) are no targets: such names are heard as Han.
 * The Han part must not be a function character or interjection (的, 个, 很, 啊, 呃 …) nor form a lexicon word with the character
 * before it (用户GPT is not a name); a form of the glossary already written correctly is never flagged.
 */
import { phoneticKey } from './phonetic';
import { readPinyin } from './pinyin-key';

/** A suspected half-Han spelling of a glossary word. */
export interface MixedMatch {
  start: number;
  end: number;
  suggestion: string;
  confidence: number;
  reason: string;
}

/** Characters that are grammar, not sound, before a Latin word. */
const FUNCTION_CHARS = new Set([...'的了是在和与及从到个这那就也都把被对为用给跟让有说我你他她它们一上下中里很得谓啊呃嗯哦噢哈呀吧吗呢哎唉诶嘛']);
const HAN = /\p{Script=Han}/u;
const MIXED = /(\p{Script=Han}{1,2})([A-Za-z]{2,})(?![A-Za-z])/gu;

/** Pinyin respelt as English would write its sounds, so that phoneticKey reads it alike. */
function englishSpelling(py: string): string {
  return py.replace(/^zh/, 'j').replace(/^q/, 'ch').replace(/^x/, 'sh').replace(/^c(?!h)/, 'ts').replace(/^z(?!h)/, 'dz');
}

/** A glossary word a half-Han spelling may stand for, with what the comparisons need of it. */
export interface MixedTarget {
  word: string;
  lower: string;
  /** Its phonetic key, and the key with the r units dropped (卡 for Car-: see the file comment). */
  key: string;
  keyWithoutR: string;
}

/** The glossary's Latin words of four letters or more, once per glossary, keyed once. */
export function mixedTargets(forms: readonly { text: string; lang: 'zh' | 'en' }[]): MixedTarget[] {
  const out = new Map<string, MixedTarget>();
  for (const f of forms) {
    if (f.lang !== 'en') continue;
    for (const w of f.text.split(/[\s\-–·]+/)) {
      if (w.length < 4 || out.has(w) || !/^[A-Za-z]+$/.test(w) || !/[A-Z]/.test(w)) continue;
      const key = phoneticKey(w);
      out.set(w, { word: w, lower: w.toLowerCase(), key, keyWithoutR: key.replace(/R/g, '') });
    }
  }
  return [...out.values()];
}

function soundMatch(spokenKey: string, target: MixedTarget): boolean {
  return spokenKey.length >= 2 && (spokenKey === target.key || spokenKey === target.keyWithoutR);
}

function spellingMatch(syllable: string, latin: string, target: string): boolean {
  if (latin.length < 3 || !target.endsWith(latin)) return false;
  const head = target.slice(0, target.length - latin.length);
  if (head.length === 0 || head.length > 5) return false;
  return phoneticKey(head)[0] === phoneticKey(englishSpelling(syllable))[0];
}

/** The code point of `text` that ends at `end` ('' at the start). */
function codePointBefore(text: string, end: number): string {
  if (end === 0) return '';
  const low = text.charCodeAt(end - 1);
  const high = end >= 2 ? text.charCodeAt(end - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(end - 2, end) : text.slice(end - 1, end);
}

/**
 * Half-Han spellings of glossary words in `raw` (see the file comment). `isWord`: the Chinese lexicon, to keep
 * Han characters that belong to a word before them.
 */
export function matchMixed(raw: string, targets: readonly MixedTarget[], isWord?: (w: string) => boolean): MixedMatch[] {
  if (targets.length === 0) return [];
  const out: MixedMatch[] = [];
  MIXED.lastIndex = 0;
  for (let m = MIXED.exec(raw); m; m = MIXED.exec(raw)) {
    const [, han, latin] = m as unknown as [string, string, string];
    const end = m.index + m[0].length;
    const latinLower = latin.toLowerCase();
    // the last character first (卡lin), then both
    const chars = [...han];
    for (let n = 1; n <= chars.length; n++) {
      const part = chars.slice(chars.length - n).join('');
      if ([...part].some((c) => FUNCTION_CHARS.has(c))) break;
      const start = end - latin.length - part.length;
      const prev = codePointBefore(raw, start);
      if (prev && HAN.test(prev) && isWord?.(prev + part[0])) break;
      const syllables = readPinyin(part).syllables;
      if (syllables.some((s) => !s)) break;
      // by sound only a lower-case tail (fancy, OK and MIT are words of their own)
      const bySound = latin === latinLower;
      const spokenKey = bySound ? phoneticKey(syllables.map(englishSpelling).join('') + latinLower) : '';
      const target = targets.find((t) => t.lower !== latinLower
        && ((bySound && soundMatch(spokenKey, t)) || (n === 1 && spellingMatch(syllables[0]!, latin, t.word))))?.word;
      if (target) {
        out.push({
          start, end, suggestion: target, confidence: 0.6,
          reason: `"${part}${latin}" reads ${syllables.join(' ')} ${latin}, which sounds like ${target} in the glossary`,
        });
        break;
      }
    }
  }
  return out;
}
