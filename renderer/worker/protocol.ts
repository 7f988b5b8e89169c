/**
 * Messages between the UI thread and the work worker. Big results stream as partial messages, each small
 * enough to be received without a long task: segments in chunks, then flags in columns chunk by chunk.
 */
import type { ExportInput } from '../../shared/export';
import type { AlignedPair } from '../../shared/edit';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { Decision } from '../../shared/model/flag';
import type { Level } from '../../shared/model/levels';
import type { Segment } from '../../shared/model/segment';
import type { SourceInfo, Transcript } from '../../shared/model/transcript';
import type { Glossary } from '../../shared/glossary';
import type { FlagColumns } from './flag-columns';

/** Where the built data files (lexicons, dictionary) are served, or null to detect without them. */
export type DataUrl = string | null;

export type TaskRequest =
  | { type: 'load'; name: string; path: string; bytes: Uint8Array; glossary: Glossary | null; dataUrl: DataUrl; key: string }
  /** `transcript` null = the one the worker kept from the `load` with this key (saves cloning 70,000 segments). */
  | { type: 'detect'; transcript: Transcript | null; key: string; glossary: Glossary | null; dataUrl: DataUrl }
  /** `dataUrl`: where the lexicon is, so subtitle cues keep its words whole (`input.cues`). */
  | { type: 'export'; exporterId: string; input: ExportInput; dataUrl?: DataUrl }
  | { type: 'align'; transcript: Transcript; clean: string[]; dataUrl: DataUrl }
  | { type: 'align-translation'; transcript: Transcript; clean: string[]; name: string; bytes: Uint8Array; dataUrl: DataUrl };

/** What a project file adds to a transcript. */
export interface ProjectState {
  source: SourceInfo | null;
  decisions: Record<string, Decision>;
  edits: Record<string, string>;
  level: Level;
  extras: Record<string, unknown>;
}

/** The partial results of `load` (and `detect`, which sends only `flags`), in this order. */
export type TaskPartial =
  | { stage: 'segments'; segments: Segment[] }
  | {
    stage: 'parsed'; transcript: Omit<Transcript, 'segments'>; diagnostics: Diagnostic[]; format: string; encoding: string;
    project: ProjectState | null;
  }
  | { stage: 'flags'; columns: FlagColumns }
  | { stage: 'missing-data'; files: string[] };

export interface TaskResults {
  load: { flags: number };
  detect: { flags: number };
  export: { text: string; diagnostics: Diagnostic[] };
  align: AlignedPair[];
  'align-translation': { pairs: AlignedPair[]; diagnostics: Diagnostic[] };
}

export type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'partial'; value: TaskPartial }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; message: string };
