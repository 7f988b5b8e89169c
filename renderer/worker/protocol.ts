/** Messages between the UI thread and the work worker. */
import type { ExportInput } from '../../shared/export';
import type { AlignedPair } from '../../shared/edit';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { Flag } from '../../shared/model/flag';
import type { Project } from '../../shared/model/project';
import type { Transcript } from '../../shared/model/transcript';
import type { Glossary } from '../../shared/glossary';

export type TaskRequest =
  | { type: 'load'; name: string; path: string; bytes: Uint8Array; glossary: Glossary | null }
  | { type: 'detect'; transcript: Transcript; glossary: Glossary | null }
  | { type: 'export'; exporterId: string; input: ExportInput }
  | { type: 'align'; transcript: Transcript; clean: string[] };

export type LoadResult =
  | { kind: 'project'; project: Project; extras: Record<string, unknown>; diagnostics: Diagnostic[] }
  | { kind: 'transcript'; transcript: Transcript; flags: Flag[]; diagnostics: Diagnostic[]; format: string; encoding: string };

export interface TaskResults {
  load: LoadResult;
  detect: Flag[];
  export: { text: string; diagnostics: Diagnostic[] };
  align: AlignedPair[];
}

export type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; message: string };
