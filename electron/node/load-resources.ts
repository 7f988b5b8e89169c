/**
 * Loads detection resources from disk for the CLI (plain Node; never imports electron): glossary files,
 * reference documents (turned into a glossary by term extraction) and the compact Chinese lexicon that
 * electron/build/build-lexicon.mjs writes to dist/data/. Missing or unreadable files become diagnostics.
 *
 * The lexicon directory is, in order: the `dataDir` option, $JIAODUI_DATA_DIR, then `dist/data` or `data`
 * found by walking up from this module (works from electron/node/ in dev and from dist/cli/ when bundled).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../shared/model/diagnostics';
import { glossaryFromReferences, mergeGlossaries, parseGlossary, type Glossary } from '../../shared/glossary/index';
import { createChineseLexicon, type CompactChineseLexicon } from '../../shared/lexicon/chinese';
import { RESOURCE } from '../../shared/lexicon/types';

export interface LoadedResources {
  /** Ready for `detectTranscript(t, { resources })`; keys are RESOURCE names. */
  resources: Record<string, unknown>;
  glossary: Glossary | null;
  lexicon: CompactChineseLexicon | null;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  glossaryPaths?: readonly string[];
  referencePaths?: readonly string[];
  /** Load the Chinese lexicon (default true). */
  lexicon?: boolean;
  dataDir?: string;
}

function readText(path: string, diagnostics: Diagnostic[], code: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    diagnostics.push({ line: 0, severity: 'error', code, message: `cannot read ${path}: ${(e as Error).message}` });
    return null;
  }
}

/** Reads and merges glossary files. */
export function loadGlossaryFiles(paths: readonly string[]): { glossary: Glossary; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parts: Glossary[] = [];
  for (const path of paths) {
    const text = readText(path, diagnostics, 'glossary.unreadable');
    if (text === null) continue;
    const parsed = parseGlossary(text, basename(path));
    diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, message: `${basename(path)}: ${d.message}` })));
    parts.push(parsed.glossary);
  }
  return { glossary: mergeGlossaries(parts), diagnostics };
}

/** Reads reference documents and extracts a glossary from them. */
export function loadReferenceFiles(paths: readonly string[]): { glossary: Glossary; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const docs: { name: string; text: string }[] = [];
  for (const path of paths) {
    const text = readText(path, diagnostics, 'reference.unreadable');
    if (text !== null) docs.push({ name: basename(path), text: text.replace(/^\uFEFF/, '') });
  }
  return { glossary: glossaryFromReferences(docs), diagnostics };
}

/** The directory holding zh-lexicon.tsv, or null when it has not been built. */
export function findDataDir(explicit?: string): string | null {
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  if (process.env['JIAODUI_DATA_DIR']) candidates.push(process.env['JIAODUI_DATA_DIR']);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'dist', 'data'), join(dir, 'data'));
    dir = dirname(dir);
  }
  return candidates.find((d) => existsSync(join(d, 'zh-lexicon.tsv'))) ?? null;
}

const lexiconCache = new Map<string, CompactChineseLexicon>();

/** True when `path` exists and is at least as new as `than`. */
function fresh(path: string, than: string): boolean {
  try {
    return existsSync(path) && statSync(path).mtimeMs >= statSync(than).mtimeMs;
  } catch {
    return false;
  }
}

/** A whole file's bytes as a 4-byte aligned Uint8Array (typed-array views over it need the alignment). */
function readAligned(path: string): Uint8Array {
  const bytes = readFileSync(path);
  return bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
}

/**
 * A data file's text and its prebuilt line index: the UTF-16LE twin (`.u16`, written by build-lexicon beside
 * the `.tsv`) as a Uint16Array over the file's bytes when it is at least as new — nothing is decoded — with the
 * `.idx` that build-cli writes (searched in place by shared/lexicon; ignored there when it does not fit);
 * otherwise the `.tsv` decoded, without an index.
 */
function readData(tsvPath: string): { text: string | Uint16Array; index: Uint8Array | null } {
  const twin = tsvPath.replace(/\.tsv$/, '.u16');
  const idx = tsvPath.replace(/\.tsv$/, '.idx');
  try {
    if (fresh(twin, tsvPath)) {
      const bytes = readAligned(twin);
      const text = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
      return { text, index: fresh(idx, twin) ? readAligned(idx) : null };
    }
  } catch {
    // fall back to the .tsv
  }
  return { text: readFileSync(tsvPath, 'utf8'), index: null };
}

/**
 * Loads the compact Chinese lexicon: reads the files (zh-lexicon, zh-glosses.tsv, and the near-word index
 * zh-near when present; from their UTF-16LE twins and prebuilt `.idx` indexes when built: a few ms) and returns
 * at once; lookups search the sorted text in place, so nothing is parsed up front. Cached per data directory
 * for the life of the process. Null with a diagnostic when it has not been built.
 */
export function loadChineseLexicon(dataDir?: string): { lexicon: CompactChineseLexicon | null; diagnostics: Diagnostic[] } {
  const dir = findDataDir(dataDir);
  const cached = dir ? lexiconCache.get(dir) : undefined;
  if (cached) return { lexicon: cached, diagnostics: [] };
  if (!dir) {
    return {
      lexicon: null,
      diagnostics: [{ line: 0, severity: 'info', code: 'lexicon.missing', message: 'Chinese lexicon not built (run `npm run prepare`); lexicon checks are off' }],
    };
  }
  const lexicon = readData(join(dir, 'zh-lexicon.tsv'));
  const glossPath = join(dir, 'zh-glosses.tsv');
  // read on the first glosses() lookup (alignment); a check run never needs them
  const glosses = existsSync(glossPath) ? () => readText(glossPath, [], 'glosses.unreadable') ?? '' : '';
  const nearPath = join(dir, 'zh-near.tsv');
  const near = existsSync(nearPath) ? readData(nearPath) : { text: '', index: null };
  const loaded = createChineseLexicon(lexicon.text, glosses, near.text, { lexicon: lexicon.index, near: near.index });
  lexiconCache.set(dir, loaded);
  return { lexicon: loaded, diagnostics: [] };
}

/** Everything the CLI passes to detection for `--glossary` / `--reference`. */
export function loadDetectResources(options: LoadOptions = {}): LoadedResources {
  const diagnostics: Diagnostic[] = [];
  const glossaries: Glossary[] = [];
  if (options.glossaryPaths?.length) {
    const g = loadGlossaryFiles(options.glossaryPaths);
    glossaries.push(g.glossary);
    diagnostics.push(...g.diagnostics);
  }
  if (options.referencePaths?.length) {
    const r = loadReferenceFiles(options.referencePaths);
    glossaries.push(r.glossary);
    diagnostics.push(...r.diagnostics);
  }
  const glossary = glossaries.length > 0 ? mergeGlossaries(glossaries) : null;
  let lexicon: CompactChineseLexicon | null = null;
  if (options.lexicon !== false) {
    const l = loadChineseLexicon(options.dataDir);
    lexicon = l.lexicon;
    diagnostics.push(...l.diagnostics);
  }
  const resources: Record<string, unknown> = {};
  if (glossary && glossary.entries.length > 0) resources[RESOURCE.glossary] = glossary;
  if (lexicon) resources[RESOURCE.zhLexicon] = lexicon;
  return { resources, glossary, lexicon, diagnostics };
}
