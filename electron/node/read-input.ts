/**
 * Reads a user's input file for the CLI and the main process: size and type checks, decoding and parsing via
 * shared/formats. The file is only ever opened for reading. Errors come back as values naming the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseBytes, type Loaded, type ParseOptions } from '../../shared/formats/index';
import { parseProject, PROJECT_EXTENSION, type Project } from '../../shared/model/project';

/** Inputs beyond this are refused with a clear message rather than exhausting memory. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export type InputResult =
  | { ok: true; value: Loaded & { path: string; project?: Project; /** The file's size in bytes. */ size?: number } }
  | { ok: false; code: string; message: string };

function failure(path: string, code: string, message: string): InputResult {
  return { ok: false, code, message: `${path}: ${message}` };
}

/** Reads and parses a transcript, subtitle or project file. */
export async function readInput(path: string, options: ParseOptions = {}): Promise<InputResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failure(path, 'input.directory', 'is a directory, not a file');
    size = info.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return failure(path, 'input.unreadable', code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`);
  }
  if (size > MAX_INPUT_BYTES) {
    return failure(path, 'input.too-large', `is ${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
  }
  if (size === 0) return failure(path, 'input.empty', 'is empty (0 bytes)');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return failure(path, 'input.unreadable', `cannot read (${(e as Error).message})`);
  }
  if (path.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    const load = parseProject(new TextDecoder().decode(bytes));
    if (!load.project) return failure(path, 'project.invalid', load.diagnostics[0]?.message ?? 'invalid project');
    const p = load.project;
    return {
      ok: true,
      value: { path, transcript: p.transcript, diagnostics: load.diagnostics, format: p.source?.format === 'project' || !p.source ? 'txt' : p.source.format, encoding: 'utf-8', project: p },
    };
  }
  const result = parseBytes(bytes, { fileName: path, ...options });
  if (!result.ok) return failure(path, result.code, result.message);
  return { ok: true, value: { ...result.value, path, size } };
}
