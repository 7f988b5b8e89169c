/**
 * More repairs for en.garble (en-garble.ts), for garbles that are neither a repeated tail nor letters missing
 * inside a word. Each takes a lower-case token the word list does not know.
 *
 * - **A repeated chunk inside the word** (`frontronier` → frontier, `asysymmetrictic` → asymmetric): a chunk of
 *   two to four letters that also occurs just before it (or elsewhere in the token) is dropped when what is left
 *   is a word, or a word plus a tail repeat (then the tail repeat is dropped too). 0.75 when the chunk follows
 *   itself or the word has seven letters or more, else 0.6.
 * - **A lost apostrophe** (`theyre`, `wouldn`, `doesnt`): a short table of contractions whose bare spelling is no
 *   word (`cant`, `wont`, `well` are words and stay); 0.6, review (`theyre` may be `their`).
 * - **The transcript's own words** (`nucle` next to `nuclearcle weapons`, `bilate` with `bilateral` elsewhere):
 *   the vocabulary of a run is every known Latin word of the transcript (and the word a repeated tail stands for)
 *   plus the Latin words of the glossary. A token of four letters or more that starts one vocabulary word
 *   (or one clearly more frequent than the others) is that word cut short; a token within two edits of one
 *   vocabulary word (same first letter; substitutions allowed) is that word misheard. Used nearby (two segments
 *   either side) it is 0.7, elsewhere 0.55.
 * - **Near a common word** (`fentier` → frontier): within two edits (substitutions too) of words with a usage
 *   count, same first letter, the most frequent wins when it is clearly ahead; review only (0.45).
 *
 * Tokens that read as Hanyu Pinyin syllables with a mark of pinyin (`zhang`, `xinhua`: zh, x, q, ao, iu, ui, uo, a final
 * ng) are never repaired by sound.
 */
import type { Glossary } from '../../glossary/glossary';
import type { FuzzyEnglishWords, NearWord } from '../../lexicon/english';
import { RESOURCE, type EnglishWords } from '../../lexicon/types';
import type { DetectContext } from '../rule';
import { runCache } from '../text-utils';

/** A repair: the word meant, a confidence, and why (the reason's tail). */
export interface Fix {
  word: string;
  confidence: number;
  why: string;
  /** Only a guess by frequency (`nearCommon`): a word of the transcript or glossary may replace it. */
  weak?: boolean;
}

/** Contractions whose apostrophe speech recognition dropped, by their bare spelling (never a word itself). */
const CONTRACTIONS: Record<string, string> = {
  theyre: "they're", youre: "you're", dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't",
  arent: "aren't", wasnt: "wasn't", werent: "weren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't",
  wouldnt: "wouldn't", couldnt: "couldn't", shouldnt: "shouldn't", wouldn: "wouldn't", couldn: "couldn't",
  shouldn: "shouldn't", doesn: "doesn't", didn: "didn't", hasn: "hasn't", weve: "we've", theyve: "they've",
  youve: "you've", thats: "that's", whats: "what's", theres: "there's", itll: "it'll", theyll: "they'll",
  youll: "you'll", theyd: "they'd",
};

/** Toneless pinyin syllables (initial + final) cover a token: a romanised Chinese name or word, not English. */
const PINYIN = /^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ve|er|a|o|e|i|u|v))+$/;

/** Spellings English rarely has and pinyin often does. */
const PINYIN_MARK = /zh|x|q|ao|iu|ui|uo|ng$/;

/** True when the token reads as pinyin syllables and has a mark of pinyin (`fentier` parses but is English). */
export function looksLikePinyin(lower: string): boolean {
  return PINYIN_MARK.test(lower) && PINYIN.test(lower);
}

/**
 * The word before a tail that repeats part of it (`nuclearcle`), or re-spells its end with its own letters in at
 * most three letters (`asymmetrictic`); null when there is none.
 */
function dropTail(lower: string, words: EnglishWords): string | null {
  for (let p = lower.length - 1; p >= 4; p--) {
    const prefix = lower.slice(0, p);
    const rest = lower.slice(p);
    if (rest.length > prefix.length || !words.has(prefix)) continue;
    if (prefix.includes(rest)) return prefix;
    if (rest.length <= 3 && rest.endsWith(prefix[prefix.length - 1]!) && [...rest].every((c) => prefix.includes(c))) return prefix;
  }
  return null;
}

/** `frontronier` → frontier: a chunk that repeats letters of the token is dropped (see the file comment). */
export function chunkRepeat(lower: string, words: EnglishWords): Fix | null {
  if (lower.length < 7) return null;
  for (let len = 4; len >= 2; len--) {
    for (let i = 1; i + len < lower.length; i++) {
      const chunk = lower.slice(i, i + len);
      const rest = lower.slice(0, i) + lower.slice(i + len);
      if (!rest.includes(chunk)) continue;
      const word = words.has(rest) ? rest : dropTail(rest, words);
      if (!word || word.length < 5) continue;
      const sure = lower.slice(Math.max(0, i - len), i) === chunk || word.length >= 7;
      return { word, confidence: sure ? 0.75 : 0.6, why: `"${chunk}" is said twice inside "${word}"` };
    }
  }
  return null;
}

/** `theyre` → they're (see the file comment). */
export function lostApostrophe(lower: string): Fix | null {
  const word = CONTRACTIONS[lower];
  return word ? { word, confidence: 0.6, why: 'an apostrophe was lost' } : null;
}

/** A lower-case word of four letters or more starts somewhere in a cell (names are capitalised). */
const LOWER_WORD = /(?:^|[^A-Za-z])[a-z]{4}/;

interface Vocabulary {
  /** Word → the indexes of the segments using it (the glossary's words have none). */
  uses: Map<string, number[]>;
  /** Words by their first letter, for the cut-short and near searches. */
  byFirst: Map<string, string[]>;
  /** What each token searched so far found (`closestInTranscript`). */
  found: Map<string, { word: string; cut: boolean } | null>;
}

/** Levenshtein distance up to `max` (max + 1 when farther). */
function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The run's vocabulary (see the file comment), built once from the whole transcript. */
function vocabulary(ctx: DetectContext, words: EnglishWords): Vocabulary {
  return runCache(ctx, 'en.garble:vocabulary', () => {
    const uses = new Map<string, number[]>();
    const add = (w: string, index: number): void => {
      const list = uses.get(w) ?? uses.set(w, []).get(w)!;
      if (index >= 0 && list.length < 64 && list[list.length - 1] !== index) list.push(index);
    };
    // each distinct token is looked up once (a transcript repeats its words)
    const known = new Map<string, string | null>();
    const lookup = (lower: string): string | null => {
      let w = known.get(lower);
      if (w === undefined) {
        const head = words.has(lower) ? lower : dropTail(lower, words);
        w = head && (head === lower || head.length >= 5) ? head : null;
        known.set(lower, w);
      }
      return w;
    };
    ctx.transcript.segments.forEach((seg, index) => {
      if (!/[A-Za-z]{4}/.test(seg.raw)) return;
      for (const m of seg.raw.matchAll(/[A-Za-z]{4,}/g)) {
        const lower = m[0].toLowerCase();
        if (lower !== m[0] && m[0] !== m[0][0] + lower.slice(1)) continue;
        const w = lookup(lower);
        if (w) add(w, index);
      }
    });
    const glossary = ctx.resources[RESOURCE.glossary] as Glossary | undefined;
    for (const e of glossary?.entries ?? []) {
      if (!LOWER_WORD.test(e.equivalent) && !LOWER_WORD.test(e.term)) continue;
      for (const m of `${e.term} ${e.equivalent}`.matchAll(/\b[a-z]{4,}\b/g)) if (!uses.has(m[0]) && words.has(m[0])) add(m[0], -1);
    }
    const byFirst = new Map<string, string[]>();
    for (const w of uses.keys()) (byFirst.get(w[0]!) ?? byFirst.set(w[0]!, []).get(w[0]!)!).push(w);
    return { uses, byFirst, found: new Map() };
  });
}

/** The one candidate clearly ahead by use count (twice the next), or null. */
function clearWinner(cands: readonly string[], count: (w: string) => number): string | null {
  if (cands.length === 0) return null;
  const sorted = [...cands].sort((a, b) => count(b) - count(a) || a.length - b.length);
  if (sorted.length === 1) return sorted[0]!;
  return count(sorted[0]!) >= 2 * Math.max(1, count(sorted[1]!)) ? sorted[0]! : null;
}

/** `nucle` → nuclear, `fentier` → a word of the transcript (see the file comment); `misheard`: try near words too. */
export function fromTranscript(lower: string, ctx: DetectContext, words: EnglishWords, misheard = true, minLength = 4): Fix | null {
  if (lower.length < minLength || looksLikePinyin(lower)) return null;
  const v = vocabulary(ctx, words);
  let found = v.found.get(lower);
  if (found === undefined) {
    found = closestInTranscript(lower, v);
    v.found.set(lower, found);
  }
  if (!found || (!found.cut && (!misheard || lower.length < 5))) return null;
  const { word, cut } = found;
  const near = v.uses.get(word)!.some((i) => Math.abs(i - ctx.index) <= 2);
  const where = v.uses.get(word)!.length > 0 ? 'is used in this transcript' : 'is in the glossary';
  return { word, confidence: near ? 0.7 : 0.55, why: cut ? `cut short; "${word}" ${where}` : `"${word}" ${where}` };
}

/** True when the transcript (a known word of it) or the glossary uses `word`. */
export function inVocabulary(word: string, ctx: DetectContext, words: EnglishWords): boolean {
  return vocabulary(ctx, words).uses.has(word);
}

/** The vocabulary word a token cuts short, else the one it is close to (see `fromTranscript`); once per token. */
function closestInTranscript(lower: string, v: Vocabulary): { word: string; cut: boolean } | null {
  const pool = v.byFirst.get(lower[0]!) ?? [];
  const count = (w: string): number => v.uses.get(w)!.length;
  const cut = clearWinner(pool.filter((w) => w.length > lower.length && w.length <= lower.length * 2 && w.startsWith(lower)), count);
  if (cut) return { word: cut, cut: true };
  if (lower.length < 5) return null;
  const max = lower.length >= 7 ? 2 : 1;
  const best = clearWinner(pool.filter((w) => w.length >= 5 && distanceWithin(lower, w, max) <= max), count);
  return best ? { word: best, cut: false } : null;
}

/** `fentier` → frontier: the clearly most frequent of `near` (words within two edits, see the file comment). */
export function nearCommon(lower: string, near: readonly NearWord[], words: FuzzyEnglishWords): Fix | null {
  if (lower.length < 7 || looksLikePinyin(lower)) return null;
  const cands = near.filter((n) => words.frequency(n.word) > 0 && n.word.length >= 5);
  if (cands.length === 0) return null;
  const best = Math.min(...cands.map((n) => n.distance));
  const top = cands.filter((n) => n.distance === best).map((n) => n.word);
  const word = clearWinner(top, (w) => words.frequency(w));
  return word ? { word, confidence: 0.45, why: `close to the common word "${word}"`, weak: true } : null;
}
