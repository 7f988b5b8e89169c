/**
 * Built data the worker fetches lazily and keeps for its lifetime: the Chinese lexicon (+ the near-word index; its
 * glosses only if asked for, which detection never does) and the English word list for detection (the same files
 * the CLI reads from dist/data, so app detection equals the CLI's), and the aligner's zh→en dictionary. The web
 * build copies them to `data/` beside index.html; Electron serves the same folder through its app protocol. A
 * missing file turns its checks off with a notice; it never fails the document. Each file is fetched and parsed
 * once per worker, and only when a task needs it, so the first rows render before the lexicons are read.
 *
 * The lexicons come in the CLI's fast form: the UTF-16 twins (`.u16`) become Uint16Arrays over the fetched
 * bytes — no text decoding — and the prebuilt `.idx` indexes are searched in place (shared/lexicon), so nothing
 * is scanned or built on load. The near-word index (zh-near) spares the zh.lexicon rule building its own from the
 * whole word list (~0.7 s). Any piece that is missing falls back: the `.tsv` text instead of the `.u16`, no index
 * (built on first use), no near-word index (built from the words); answers are the same either way.
 */
import { parseAlignDictionary, type AlignDictionary } from '../../shared/align';
import { createChineseLexicon, type UnitText } from '../../shared/lexicon/chinese';
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

async function fetchBytes(base: string, name: string): Promise<ArrayBuffer | null> {
  try {
    const res = await fetch(new URL(name, base));
    return res.ok ? await res.arrayBuffer() : null;
  } catch {
    return null;
  }
}

/**
 * A data file read synchronously (a worker may): the lexicon asks for its glosses only on the first `glosses()`
 * lookup, which detection never makes, so the 1.5 MB file is not fetched or held for detection.
 */
function readTextNow(base: string, name: string): string {
  try {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', new URL(name, base).href, false);
    xhr.send();
    return xhr.status >= 200 && xhr.status < 300 ? xhr.responseText : '';
  } catch {
    return '';
  }
}

/** A sorted data text and its index: `stem.u16` (UTF-16LE units) + `stem.idx`, else `stem.tsv` without index. */
async function fetchSorted(base: string, stem: string): Promise<{ text: UnitText; index: Uint8Array | null } | null> {
  const [units, index] = await Promise.all([fetchBytes(base, `${stem}.u16`), fetchBytes(base, `${stem}.idx`)]);
  if (units && units.byteLength % 2 === 0) return { text: new Uint16Array(units), index: index ? new Uint8Array(index) : null };
  const text = await fetchText(base, `${stem}.tsv`);
  return text === null ? null : { text, index: null };
}

let detectData: Promise<{ resources: Record<string, unknown>; missing: string[] }> | null = null;
let alignData: Promise<AlignDictionary | null> | null = null;

/** Lexicon resources for detection (keys are RESOURCE names) and the names of files that could not be read. */
export function detectResources(base: string | null): Promise<{ resources: Record<string, unknown>; missing: string[] }> {
  if (!base) return Promise.resolve({ resources: {}, missing: [] });
  detectData ??= (async () => {
    const [lexicon, near, words, wordsIndex] = await Promise.all([
      fetchSorted(base, 'zh-lexicon'), fetchSorted(base, 'zh-near'), fetchText(base, 'en-words.txt'), fetchBytes(base, 'en-words.idx'),
    ]);
    const resources: Record<string, unknown> = {};
    const missing: string[] = [];
    if (lexicon) {
      resources[RESOURCE.zhLexicon] = createChineseLexicon(lexicon.text, () => readTextNow(base, 'zh-glosses.tsv'), near?.text ?? '', { lexicon: lexicon.index, near: near?.index ?? null });
    } else missing.push('zh-lexicon.u16');
    if (words) resources[RESOURCE.enWords] = createEnglishWords(words, [], wordsIndex ? new Uint8Array(wordsIndex) : null);
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
