/**
 * Per-sentence features the aligner scores beads with, computed once per side in linear time:
 *
 * - length in comparable units: English counts letters and digits; Chinese counts Han characters plus its
 *   Latin letters and digits divided by the calibrated ratio (a Han character ≈ `ratio` English characters,
 *   2.8 on TED and Tatoeba), so `AI` or `2024` weigh the same on both sides;
 * - lexical items, interned to integers shared by both sides: for English, the content stems of the words;
 *   for Chinese, the stems of the glosses of its words (forward maximum matching against the dictionary),
 *   plus its Latin tokens as themselves (`Kepler` in 开普勒Kepler望远镜 meets `Kepler`);
 * - anchors: digit numbers (thousands separators removed), sentence-final punctuation (? and !), and names:
 *   a capitalised English word (`Zhang`, `Xiaoming`) meets the toneless pinyin of 1-3 consecutive Han
 *   characters of the Chinese sentence (张, 小明), read from the dictionary's character readings;
 * - times (ms) when the sentence carries them, else NaN.
 */
import type { AlignDictionary } from './dictionary';
import { contentStems, isStopWord, stem } from './english';

/** A sentence handed to the aligner; times in ms when known. */
export interface AlignSentence {
  text: string;
  start?: number;
  end?: number;
}

/** Feature arrays of one side (index = sentence). */
export interface SideFeatures {
  count: number;
  length: Float64Array;
  /** zh: sorted unique gloss ids; en: content-stem ids with repeats. */
  items: Int32Array[];
  /** zh: words that have glosses; en: content tokens. */
  content: Float64Array;
  numbers: Int32Array[];
  /** zh: sorted pinyin spellings of 1-3 character windows; en: capitalised words (lower-cased). Name ids. */
  names: Int32Array[];
  /** Bit 1: question, bit 2: exclamation. */
  punct: Uint8Array;
  start: Float64Array;
  end: Float64Array;
}

/** Interns strings to dense integer ids shared by both sides. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Function words whose CEDICT glosses are noise for alignment (的 → "taxi", "target"). */
const ZH_STOP = new Set([...'的地得了着过是在和与及也都就还又而把被让给对从向到为以之其这那个些吗呢吧啊呀嘛哦呃嗯很更最有没不该']);

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT_G = /[A-Za-z0-9]/g;
const NUMBER_G = /\d+(?:[,，]\d{3})*(?:\.\d+)?/g;

function punctBits(text: string): number {
  const tail = text.slice(-3);
  return (/[?？]/.test(tail) ? 1 : 0) | (/[!！]/.test(tail) ? 2 : 0);
}

function numberIds(text: string, numbers: Vocabulary): Int32Array {
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER_G)) out.push(numbers.id(m[0].replace(/[,，]/g, '')));
  return Int32Array.from(out);
}

function timeOf(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

function emptySide(count: number): SideFeatures {
  return {
    count,
    length: new Float64Array(count),
    items: new Array<Int32Array>(count),
    content: new Float64Array(count),
    numbers: new Array<Int32Array>(count),
    names: new Array<Int32Array>(count),
    punct: new Uint8Array(count),
    start: new Float64Array(count),
    end: new Float64Array(count),
  };
}

/** Forward maximum matching of one Han run; calls `word` for every word found (single characters too). */
function segmentHan(run: string[], dict: AlignDictionary | undefined, word: (w: string) => void): void {
  const maxLen = Math.min(8, dict?.maxWordLength ?? 1);
  for (let i = 0; i < run.length; ) {
    let taken = 1;
    if (dict) {
      for (let len = Math.min(maxLen, run.length - i); len >= 2; len--) {
        if (dict.glossStems(run.slice(i, i + len).join('')) !== undefined) {
          taken = len;
          break;
        }
      }
    }
    word(run.slice(i, i + taken).join(''));
    i += taken;
  }
}

const NO_IDS = new Int32Array(0);

/** Pinyin spellings of every 1-3 character window of the Han characters (at most 4 readings a window). */
function chineseNames(text: string, dict: AlignDictionary | undefined, names: Vocabulary): Int32Array {
  if (!dict?.pinyin) return NO_IDS;
  const ids = new Set<number>();
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    let spellings = [''];
    for (let len = 1; len <= 3 && i + len <= chars.length; len++) {
      const readings = HAN.test(chars[i + len - 1]!) ? dict.pinyin(chars[i + len - 1]!) : undefined;
      if (!readings?.length) break;
      spellings = spellings.flatMap((s) => readings.map((r) => s + r)).slice(0, 4);
      for (const s of spellings) ids.add(names.id(s));
    }
  }
  return Int32Array.from([...ids].sort((a, b) => a - b));
}

const CAPITALISED_G = /(?<![\p{L}'’])\p{Lu}\p{Ll}+(?![\p{L}])/gu;

/** Capitalised English words that could be pinyin names (not function words such as a sentence-initial `He`). */
function englishNames(text: string, names: Vocabulary): Int32Array {
  const out: number[] = [];
  for (const m of text.matchAll(CAPITALISED_G)) {
    const lower = m[0].toLowerCase();
    if (!isStopWord(lower) && lower.length >= 2) out.push(names.id(lower));
  }
  return out.length ? Int32Array.from(out) : NO_IDS;
}

/** Gloss ids and content-word count of one Chinese sentence. */
function chineseItems(text: string, dict: AlignDictionary | undefined, vocab: Vocabulary): [Int32Array, number] {
  const ids = new Set<number>();
  let content = 0;
  const addWord = (w: string): void => {
    if (ZH_STOP.has(w)) return;
    const stems = dict?.glossStems(w);
    if (!stems || stems.length === 0) return;
    content++;
    for (const s of stems) ids.add(vocab.id(s));
  };
  let han: string[] = [];
  const flush = (): void => {
    if (han.length) segmentHan(han, dict, addWord);
    han = [];
  };
  for (const m of text.matchAll(/\p{Script=Han}|[\p{Script=Latin}]+|./gsu)) {
    const piece = m[0];
    if (HAN.test(piece)) {
      han.push(piece);
      continue;
    }
    flush();
    if (/^\p{Script=Latin}{2,}$/u.test(piece)) {
      const lower = piece.toLowerCase();
      if (!isStopWord(lower)) {
        content++;
        ids.add(vocab.id(stem(lower)));
      }
    }
  }
  flush();
  return [Int32Array.from([...ids].sort((a, b) => a - b)), content];
}

/** Features of the Chinese side. `ratio` = English characters per Han character. */
export function chineseFeatures(
  sentences: readonly AlignSentence[],
  dict: AlignDictionary | undefined,
  vocab: Vocabulary,
  numbers: Vocabulary,
  ratio: number,
  names: Vocabulary = new Vocabulary(),
): SideFeatures {
  const side = emptySide(sentences.length);
  sentences.forEach((s, i) => {
    let hanCount = 0;
    for (const ch of s.text) if (HAN.test(ch)) hanCount++;
    const latin = s.text.match(LATIN_OR_DIGIT_G)?.length ?? 0;
    side.length[i] = hanCount + latin / ratio;
    const [items, content] = chineseItems(s.text, dict, vocab);
    side.items[i] = items;
    side.content[i] = content;
    side.numbers[i] = numberIds(s.text, numbers);
    side.names[i] = chineseNames(s.text, dict, names);
    side.punct[i] = punctBits(s.text);
    side.start[i] = timeOf(s.start);
    side.end[i] = timeOf(s.end);
  });
  return side;
}

/** Features of the English side. */
export function englishFeatures(
  sentences: readonly AlignSentence[],
  vocab: Vocabulary,
  numbers: Vocabulary,
  names: Vocabulary = new Vocabulary(),
): SideFeatures {
  const side = emptySide(sentences.length);
  sentences.forEach((s, i) => {
    side.length[i] = s.text.match(LATIN_OR_DIGIT_G)?.length ?? 0;
    const stems = contentStems(s.text);
    side.items[i] = Int32Array.from(stems.map((w) => vocab.id(w)));
    side.content[i] = stems.length;
    side.numbers[i] = numberIds(s.text, numbers);
    side.names[i] = englishNames(s.text, names);
    side.punct[i] = punctBits(s.text);
    side.start[i] = timeOf(s.start);
    side.end[i] = timeOf(s.end);
  });
  return side;
}

/** Merges runs of `size` consecutive sentences into blocks (the coarse level of coarse-to-fine). */
export function blockFeatures(side: SideFeatures, size: number, isChinese: boolean): SideFeatures {
  const count = Math.ceil(side.count / size);
  const out = emptySide(count);
  for (let b = 0; b < count; b++) {
    const from = b * size;
    const to = Math.min(side.count, from + size);
    const items: number[] = [];
    const nums: number[] = [];
    const nameIds: number[] = [];
    for (let i = from; i < to; i++) {
      nameIds.push(...side.names[i]!);
      out.length[b] = out.length[b]! + side.length[i]!;
      out.content[b] = out.content[b]! + side.content[i]!;
      items.push(...side.items[i]!);
      nums.push(...side.numbers[i]!);
    }
    out.items[b] = isChinese ? Int32Array.from([...new Set(items)].sort((x, y) => x - y)) : Int32Array.from(items);
    out.numbers[b] = Int32Array.from(nums);
    out.names[b] = isChinese ? Int32Array.from([...new Set(nameIds)].sort((x, y) => x - y)) : Int32Array.from(nameIds);
    out.start[b] = side.start[from]!;
    out.end[b] = side.end[to - 1]!;
  }
  return out;
}
