/**
 * The project file (`*.jiaodui.json`): the transcript, its flags, the user's decisions and manual edits,
 * and the paths of the source transcript, audio and glossaries. Versioned; `migrateProject` upgrades old
 * files one version at a time and validates the result, returning diagnostics instead of throwing.
 */
import type { Diagnostic } from './diagnostics';
import type { Decision, Flag } from './flag';
import { DEFAULT_LEVEL, isLevel, type Level } from './levels';
import type { SourceInfo, Transcript } from './transcript';

export const PROJECT_SCHEMA = 'jiaodui.project';
export const PROJECT_VERSION = 1;
export const PROJECT_EXTENSION = '.jiaodui.json';

export interface Project {
  schema: typeof PROJECT_SCHEMA;
  version: typeof PROJECT_VERSION;
  source: SourceInfo | null;
  audioPath: string | null;
  glossaryPaths: string[];
  referencePaths: string[];
  transcript: Transcript;
  flags: Flag[];
  /** flag id → decision; absent means pending. */
  decisions: Record<string, Decision>;
  /** segment id → manually edited clean text; survives re-detection. */
  edits: Record<string, string>;
  level: Level;
  /**
   * Feature collections the app keeps with the project, by name (`glossary`: the working glossary,
   * `alignment`: bilingual pairs). Kept verbatim so a newer feature's data survives an older build.
   */
  extras: Record<string, unknown>;
  modifiedAt: string;
}

/** `extras.audio`: the recording beside the transcript, `{ path, name }` (the app reads it from extras). */
export const AUDIO_EXTRA = 'audio';

export interface ProjectAudio {
  /** Absolute path in the desktop app; only the file name in the browser. */
  path: string;
  name: string;
}

/** The project's recording from its extras, or null. */
export function projectAudioOf(extras: Readonly<Record<string, unknown>>): ProjectAudio | null {
  const a = extras[AUDIO_EXTRA];
  if (!isRecord(a) || typeof a['path'] !== 'string' || a['path'] === '') return null;
  return { path: a['path'], name: typeof a['name'] === 'string' && a['name'] ? a['name'] : baseName(a['path']) };
}

const baseName = (path: string) => path.replace(/^.*[\\/]/, '');

/** A new project around a parsed transcript. */
export function createProject(transcript: Transcript, source: SourceInfo | null, flags: Flag[] = []): Project {
  return {
    schema: PROJECT_SCHEMA,
    version: PROJECT_VERSION,
    source,
    audioPath: null,
    glossaryPaths: [],
    referencePaths: [],
    transcript,
    flags,
    decisions: {},
    edits: {},
    level: DEFAULT_LEVEL,
    extras: {},
    modifiedAt: new Date(0).toISOString(),
  };
}

/** Serialises a project; stable key order and two-space indent so project files diff well. */
export function serializeProject(project: Project): string {
  return JSON.stringify(project, null, 2) + '\n';
}

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, indexed by N. Version 0 was never published; its entry shows the hook's
 * shape (a pre-release layout kept `edits` under `manualEdits`).
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (old) => {
    const { manualEdits, ...rest } = old;
    return { ...rest, edits: rest['edits'] ?? manualEdits ?? {}, version: 1 };
  },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export interface ProjectLoad {
  project: Project | null;
  diagnostics: Diagnostic[];
}

/** Parses and migrates project JSON text. Never throws on user data. */
export function parseProject(text: string): ProjectLoad {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  return migrateProject(data);
}

function fail(message: string): ProjectLoad {
  return { project: null, diagnostics: [{ line: 0, severity: 'error', code: 'project.invalid', message }] };
}

/** Upgrades an older project object to the current version and checks its shape. */
export function migrateProject(data: unknown): ProjectLoad {
  if (!isRecord(data) || data['schema'] !== PROJECT_SCHEMA) return fail(`not a Jiaodui project (schema must be "${PROJECT_SCHEMA}")`);
  let obj: Record<string, unknown> = data;
  let version = typeof obj['version'] === 'number' ? obj['version'] : -1;
  if (version > PROJECT_VERSION) {
    return fail(`project version ${version} is newer than this Jiaodui understands (${PROJECT_VERSION}); update the app`);
  }
  while (version < PROJECT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return fail(`no migration from project version ${version}`);
    obj = step(obj);
    version += 1;
  }
  const transcript = obj['transcript'];
  if (!isRecord(transcript) || !Array.isArray(transcript['segments'])) return fail('project has no transcript segments');
  const diagnostics: Diagnostic[] = [];
  const segments = (transcript['segments'] as unknown[]).filter((s, i) => {
    const ok = isRecord(s) && typeof s['id'] === 'string' && typeof s['raw'] === 'string';
    if (!ok) diagnostics.push({ line: 0, severity: 'warning', code: 'project.bad-segment', message: `segment #${i + 1} is malformed and was skipped` });
    return ok;
  }) as Transcript['segments'];
  const ids = new Set(segments.map((s) => s.id));
  const flags = (Array.isArray(obj['flags']) ? obj['flags'] : []).filter(
    (f): f is Flag => isRecord(f) && typeof f['id'] === 'string' && ids.has(String(f['segmentId'])),
  );
  const level = obj['level'];
  const audioPath = typeof obj['audioPath'] === 'string' && obj['audioPath'] !== '' ? obj['audioPath'] : null;
  const extras = isRecord(obj['extras']) ? obj['extras'] : {};
  // files written before the app kept `extras.audio` name their recording only in `audioPath`
  if (audioPath && !projectAudioOf(extras)) extras[AUDIO_EXTRA] = { path: audioPath, name: baseName(audioPath) };
  const project: Project = {
    schema: PROJECT_SCHEMA,
    version: PROJECT_VERSION,
    source: isRecord(obj['source']) ? (obj['source'] as unknown as SourceInfo) : null,
    audioPath,
    glossaryPaths: stringArray(obj['glossaryPaths']),
    referencePaths: stringArray(obj['referencePaths']),
    transcript: {
      title: typeof transcript['title'] === 'string' ? transcript['title'] : null,
      segments,
      markers: Array.isArray(transcript['markers']) ? (transcript['markers'] as Transcript['markers']) : [],
      metadata: isRecord(transcript['metadata']) ? (transcript['metadata'] as Record<string, string>) : {},
    },
    flags,
    decisions: isRecord(obj['decisions']) ? (obj['decisions'] as Record<string, 'accepted' | 'rejected'>) : {},
    edits: isRecord(obj['edits']) ? (obj['edits'] as Record<string, string>) : {},
    level: isLevel(level) ? level : DEFAULT_LEVEL,
    extras,
    modifiedAt: typeof obj['modifiedAt'] === 'string' ? obj['modifiedAt'] : new Date(0).toISOString(),
  };
  return { project, diagnostics };
}
