/**
 * Argument validators for every host method. The main process runs these on everything that arrives over IPC
 * before a handler sees it (a compromised renderer may send anything), so each validator checks type, shape, size
 * and allowed values, and rejects unknown keys in objects. A failure names the method and the argument.
 */
import {
  FILE_KINDS, HOST_METHODS, MAX_READ_BYTES, MAX_TIMING_SEGMENTS, MAX_WRITE_CHARS, SAVE_KINDS, err, ok,
  type FileKind, type HostArgs, type HostMethod, type Result, type SaveRequest, type Settings, type TimingSegment,
  type WindowBounds,
} from './contract';

type Check<T> = (value: unknown, where: string) => T;

class Invalid extends Error {}

function fail(where: string, what: string): never {
  throw new Invalid(`${where} ${what}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function string(max: number, nonEmpty = false): Check<string> {
  return (v, where) => {
    if (typeof v !== 'string') fail(where, 'must be a string');
    if (v.length > max) fail(where, `is longer than ${max} characters`);
    if (nonEmpty && v.length === 0) fail(where, 'must not be empty');
    if (v.includes('\u0000')) fail(where, 'must not contain NUL');
    return v;
  };
}

function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (v, where) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) fail(where, `must be one of ${values.join(', ')}`);
    return v as T;
  };
}

function number(min: number, max: number): Check<number> {
  return (v, where) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(where, `must be a number in ${min}..${max}`);
    return v;
  };
}

function bytes(max: number): Check<Uint8Array> {
  return (v, where) => {
    if (!(v instanceof Uint8Array)) fail(where, 'must be bytes (Uint8Array)');
    if (v.length > max) fail(where, `is larger than ${max} bytes`);
    return v;
  };
}

const boolean: Check<boolean> = (v, where) => {
  if (typeof v !== 'boolean') fail(where, 'must be true or false');
  return v;
};

/** An object with exactly these optional/required keys. */
function shape<T>(fields: { [K in keyof T]-?: { check: Check<T[K]>; optional?: boolean } }): Check<T> {
  return (v, where) => {
    if (!isObject(v)) fail(where, 'must be an object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) if (!(key in fields)) fail(where, `has an unknown key "${key}"`);
    for (const [key, spec] of Object.entries<{ check: Check<unknown>; optional?: boolean }>(fields)) {
      if (v[key] === undefined) {
        if (!spec.optional) fail(`${where}.${key}`, 'is required');
        continue;
      }
      out[key] = spec.check(v[key], `${where}.${key}`);
    }
    return out as T;
  };
}

/** Path names: no NUL, bounded; relative paths are rejected in the main process where the platform is known. */
const path = string(4096, true);

const bounds: Check<WindowBounds | null> = (v, where) =>
  v === null
    ? null
    : shape<WindowBounds>({
        x: { check: number(-100_000, 100_000), optional: true },
        y: { check: number(-100_000, 100_000), optional: true },
        width: { check: number(200, 100_000) },
        height: { check: number(150, 100_000) },
        maximized: { check: boolean, optional: true },
      })(v, where);

const settingsPatch: Check<Partial<Settings>> = (v, where) => {
  const fields = {
    locale: { check: ((x: unknown, w: string) => (x === null ? null : oneOf(['en', 'zh'] as const)(x, w))) as Check<Settings['locale']>, optional: true },
    sampleShown: { check: boolean, optional: true },
    autosaveSeconds: { check: number(1, 3600), optional: true },
    windowBounds: { check: bounds, optional: true },
    zoom: { check: number(0.25, 5), optional: true },
  };
  // `locale: null` is a real value here, so handle it before the generic optional check drops it
  if (isObject(v) && v['locale'] === null) {
    const { locale: _locale, ...rest } = v;
    return { ...shape<Partial<Settings>>(fields)(rest, where), locale: null };
  }
  return shape<Partial<Settings>>(fields)(v, where);
};

const saveRequest: Check<SaveRequest> = shape<SaveRequest>({
  kind: { check: oneOf(SAVE_KINDS) },
  suggestedName: { check: string(255, true) },
  content: { check: string(MAX_WRITE_CHARS) },
  path: { check: path, optional: true },
});

const documentState = shape<{ title: string; dirty: boolean }>({
  title: { check: string(1000) },
  dirty: { check: boolean },
});

/** Time in ms: up to 100 hours. */
const ms = number(0, 100 * 3600 * 1000);

const timingSegment = shape<TimingSegment>({
  raw: { check: string(1_000_000) },
  lang: { check: oneOf(['zh', 'en', 'mixed'] as const) },
  start: { check: ms, optional: true },
  end: { check: ms, optional: true },
});

const timingSegments: Check<TimingSegment[]> = (v, where) => {
  if (!Array.isArray(v)) fail(where, 'must be a list');
  if (v.length > MAX_TIMING_SEGMENTS) fail(where, `has more than ${MAX_TIMING_SEGMENTS} segments`);
  return v.map((s, i) => timingSegment(s, `${where}[${i}]`));
};

const nullablePath: Check<string | null> = (v, where) => (v === null ? null : path(v, where));

/** One checker per method, taking the argument list. */
const VALIDATORS: { [M in HostMethod]: (args: unknown[]) => HostArgs<M> } = {
  appInfo: () => [],
  openFile: (a) => [oneOf<FileKind>(FILE_KINDS)(a[0], 'kind')],
  openAudio: () => [],
  locateAudio: (a) => [path(a[0], 'path'), nullablePath(a[1] ?? null, 'projectPath')],
  loadPeaks: (a) => [path(a[0], 'path')],
  windowPeaks: (a) => {
    const start = ms(a[1], 'startMs');
    const end = ms(a[2], 'endMs');
    if (end <= start) fail('endMs', 'must be after startMs');
    if (end - start > 10 * 60 * 1000) fail('endMs', 'must be within 10 minutes of startMs');
    return [path(a[0], 'path'), start, end, number(1, 16000)(a[3], 'peaksPerSecond')];
  },
  autoTime: (a) => [path(a[0], 'path'), timingSegments(a[1], 'segments')],
  openRecent: (a) => [path(a[0], 'path')],
  recentFiles: () => [],
  clearRecent: () => [],
  saveFile: (a) => [saveRequest(a[0], 'request')],
  loadSample: () => [],
  getSettings: () => [],
  setSettings: (a) => [settingsPatch(a[0], 'patch')],
  writeRecovery: (a) => [string(MAX_WRITE_CHARS)(a[0], 'content')],
  writeRecoveryBase: (a) => [bytes(MAX_READ_BYTES)(a[0], 'bytes')],
  readRecovery: () => [],
  clearRecovery: () => [],
  setDocumentState: (a) => [documentState(a[0], 'state')],
};

const ARITY: { [M in HostMethod]: number } = {
  appInfo: 0, openFile: 1, openAudio: 0, locateAudio: 2, loadPeaks: 1, windowPeaks: 4, autoTime: 2, openRecent: 1, recentFiles: 0, clearRecent: 0, saveFile: 1,
  loadSample: 0, getSettings: 0, setSettings: 1, writeRecovery: 1, writeRecoveryBase: 1, readRecovery: 0, clearRecovery: 0,
  setDocumentState: 1,
};

/** True when `name` is one of the contract's methods. */
export function isHostMethod(name: unknown): name is HostMethod {
  return typeof name === 'string' && (HOST_METHODS as readonly string[]).includes(name);
}

/**
 * Checks the arguments of a call to `method`. Returns the (copied, cleaned) arguments, or an
 * `invalid-argument` error that names the method and the argument at fault.
 */
export function validateArgs<M extends HostMethod>(method: M, args: readonly unknown[]): Result<HostArgs<M>> {
  if (!isHostMethod(method)) return err('unknown-method', `unknown host method "${String(method)}"`);
  if (!Array.isArray(args)) return err('invalid-argument', `${method}: arguments must be a list`);
  const arity = ARITY[method];
  if (args.length > arity) return err('invalid-argument', `${method}: takes ${arity} argument(s), got ${args.length}`);
  try {
    const copy: unknown[] = [...(args as unknown[])];
    return ok(VALIDATORS[method](copy) as HostArgs<M>);
  } catch (e) {
    if (e instanceof Invalid) return err('invalid-argument', `${method}: ${e.message}`);
    throw e;
  }
}
