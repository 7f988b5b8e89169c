/**
 * Loads what detection needs from disk — glossaries, reference documents, the Chinese lexicon and the
 * English word list — through the plain-Node loaders in electron/node. Detection itself is shared/.
 * An unreadable glossary or reference file fails the input (the user asked for it); missing built data
 * (lexicons) only turns the checks that need it off, with a diagnostic.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DetectResources } from '../../shared/detect/rule';
import { createEnglishWords } from '../../shared/lexicon/english';
import { RESOURCE } from '../../shared/lexicon/types';
import type { Diagnostic } from '../../shared/model/diagnostics';
import { findDataDir, loadDetectResources as loadFromDisk } from '../node/load-resources';

export interface ResourceRequest {
  glossaries: string[];
  references: string[];
}

export type ResourceResult =
  | { ok: true; value: DetectResources; diagnostics: Diagnostic[] }
  | { ok: false; message: string };

let englishWords: ReturnType<typeof createEnglishWords> | null | undefined;

/** The English word list built into dist/data by `npm run prepare`, read once per process. */
function loadEnglishWords(): ReturnType<typeof createEnglishWords> | null {
  if (englishWords !== undefined) return englishWords;
  const dir = findDataDir();
  const path = dir ? join(dir, 'en-words.txt') : null;
  const index = path?.replace(/\.txt$/, '.idx');
  // the prebuilt line index (build-cli) when at least as new as the list; createEnglishWords checks it fits
  const useIndex = path && index && existsSync(index) && statSync(index).mtimeMs >= statSync(path).mtimeMs;
  englishWords = path && existsSync(path) ? createEnglishWords(readFileSync(path, 'utf8'), [], useIndex ? new Uint8Array(readFileSync(index)) : null) : null;
  return englishWords;
}

/** Builds the detection resources for a run. */
export function loadDetectResources(request: ResourceRequest): Promise<ResourceResult> {
  const loaded = loadFromDisk({ glossaryPaths: request.glossaries, referencePaths: request.references });
  const fatal = loaded.diagnostics.find((d) => d.severity === 'error' && /unreadable/.test(d.code));
  if (fatal) return Promise.resolve({ ok: false, message: fatal.message });
  const resources: DetectResources = { ...loaded.resources, cache: new Map() };
  const words = loadEnglishWords();
  if (words) resources[RESOURCE.enWords] = words;
  return Promise.resolve({ ok: true, value: resources, diagnostics: loaded.diagnostics });
}
