/**
 * Built data the worker fetches lazily and keeps for its lifetime: the Chinese lexicon (+ glosses) and the
 * English word list for detection (the same files the CLI reads from dist/data, so app detection equals the
 * CLI's), and the aligner's zh→en dictionary. The web build copies them to `data/` beside index.html; Electron
 * serves the same folder through its app protocol. A missing file turns its checks off with a notice; it never
 * fails the document. Each file is fetched and parsed once per worker, and only when a task needs it, so the
 * first rows render before the 5 MB lexicon is read.
 */
import { parseAlignDictionary, type AlignDictionary } from '../../shared/align';
import { createChineseLexicon } from '../../shared/lexicon/chinese';
import { createEnglishWords } from '../../shared/lexicon/english';
import { RESOURCE } from '../../shared/lexicon/types';


async function fetchText(base: string, name: string): Promise<string | null> {
  try {
    const res = await fetch(new URL(name, base));
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

let detectData: Promise<{ resources: Record<string, unknown>; missing: string[] }> | null = null;
let alignData: Promise<AlignDictionary | null> | null = null;

/** Lexicon resources for detection (keys are RESOURCE names) and the names of files that could not be read. */
export function detectResources(base: string | null): Promise<{ resources: Record<string, unknown>; missing: string[] }> {
  if (!base) return Promise.resolve({ resources: {}, missing: [] });
  detectData ??= (async () => {
    const [lexicon, glosses, words] = await Promise.all([
      fetchText(base, 'zh-lexicon.tsv'), fetchText(base, 'zh-glosses.tsv'), fetchText(base, 'en-words.txt'),
    ]);
    const resources: Record<string, unknown> = {};
    const missing: string[] = [];
    if (lexicon) resources[RESOURCE.zhLexicon] = createChineseLexicon(lexicon, glosses ?? '');
    else missing.push('zh-lexicon.tsv');
    if (words) resources[RESOURCE.enWords] = createEnglishWords(words);
    else missing.push('en-words.txt');
    return { resources, missing };
  })();
  return detectData;
}

/** The aligner's zh→en dictionary, or null when it is not available. */
export function alignDictionary(base: string | null): Promise<AlignDictionary | null> {
  if (!base) return Promise.resolve(null);
  alignData ??= fetchText(base, 'align-dict.tsv').then((text) => (text ? parseAlignDictionary(text) : null));
  return alignData;
}
