/**
 * The English word list used by en.garble and en.filler, as an `EnglishWords` resource.
 *
 * The host reads the list (the `word-list` package's words.txt, MIT: one lower-case word a line, ~274k words,
 * 2.8 MB) and passes its text here; shared/ never reads files. The Set is built lazily on the first lookup,
 * so a transcript without Latin tokens never pays for it (~90 ms on these machines), and a few words the list
 * lacks but ASR output needs (AI terms, common proper nouns) are added.
 */
import type { EnglishWords } from './types';

/** Everyday words and names the list lacks that show up in conference speech. */
const EXTRA = ['ai', 'ok', 'okay', 'online', 'email', 'internet', 'website', 'dataset', 'datasets', 'chatbot', 'chatbots'];

/** Builds an `EnglishWords` from newline-separated words (case-insensitive lookups). */
export function createEnglishWords(listText: string, extra: readonly string[] = []): EnglishWords {
  let set: Set<string> | null = null;
  const build = (): Set<string> => {
    const s = new Set<string>();
    let from = 0;
    while (from < listText.length) {
      let to = listText.indexOf('\n', from);
      if (to < 0) to = listText.length;
      const w = listText.slice(from, to).trim().toLowerCase();
      if (w && !w.startsWith('#')) s.add(w);
      from = to + 1;
    }
    for (const w of [...EXTRA, ...extra]) s.add(w.toLowerCase());
    return s;
  };
  return {
    has(word: string): boolean {
      set ??= build();
      return set.has(word.toLowerCase());
    },
  };
}

/** An `EnglishWords` over a fixed set of words (tests, small tools). */
export function englishWordsFrom(words: Iterable<string>): EnglishWords {
  const set = new Set<string>();
  for (const w of words) set.add(w.toLowerCase());
  return { has: (word: string) => set.has(word.toLowerCase()) };
}
