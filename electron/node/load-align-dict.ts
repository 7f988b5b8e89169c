/**
 * Loads the aligner's zh→en dictionary for the CLI and the main process. The compact table
 * `align-dict.tsv` (electron/build/build-align-dict.mjs, from CC-CEDICT) is looked for in, in order: the
 * `dataDir` argument, $JIAODUI_DATA_DIR, then `dist/data` or `data` walking up from this module (works from
 * electron/node/ in development and from dist/cli/ when bundled). When it is missing but the glossary
 * helper's Chinese lexicon (with glosses) is there, that serves instead; with neither, alignment runs on
 * length and anchors alone and a diagnostic says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictionaryFromLexicon, parseAlignDictionary, type AlignDictionary } from '../../shared/align/dictionary';
import type { Diagnostic } from '../../shared/model/diagnostics';
import { loadChineseLexicon } from './load-resources';

export const ALIGN_DICT_FILE = 'align-dict.tsv';

/** The path of align-dict.tsv, or null when it has not been built. */
export function findAlignDictionary(dataDir?: string): string | null {
  const candidates: string[] = [];
  if (dataDir) candidates.push(dataDir);
  if (process.env['JIAODUI_DATA_DIR']) candidates.push(process.env['JIAODUI_DATA_DIR']);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'dist', 'data'), join(dir, 'data'));
    dir = dirname(dir);
  }
  const found = candidates.find((d) => existsSync(join(d, ALIGN_DICT_FILE)));
  return found ? join(found, ALIGN_DICT_FILE) : null;
}

const loaded = new Map<string, AlignDictionary>();

/**
 * Loads the dictionary (about 0.4 s CPU for 190,000 headwords; kept for the life of the process, so a
 * second alignment costs nothing); null with a diagnostic when none is available.
 */
export function loadAlignDictionary(dataDir?: string): { dictionary: AlignDictionary | null; diagnostics: Diagnostic[] } {
  const path = findAlignDictionary(dataDir);
  if (path) {
    try {
      let dictionary = loaded.get(path);
      if (!dictionary) loaded.set(path, (dictionary = parseAlignDictionary(readFileSync(path, 'utf8'))));
      return { dictionary, diagnostics: [] };
    } catch (e) {
      return { dictionary: null, diagnostics: [{ line: 0, severity: 'warning', code: 'align.dictionary-unreadable', message: `cannot read ${path}: ${(e as Error).message}` }] };
    }
  }
  const { lexicon } = loadChineseLexicon(dataDir);
  if (lexicon && lexicon.glosses('人') !== undefined) return { dictionary: dictionaryFromLexicon(lexicon), diagnostics: [] };
  return {
    dictionary: null,
    diagnostics: [{ line: 0, severity: 'info', code: 'align.dictionary-missing', message: 'alignment dictionary not built (run `npm run prepare`); aligning by length and anchors only' }],
  };
}
