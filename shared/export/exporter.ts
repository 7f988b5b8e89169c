/**
 * Exporters: one module each, listed in export/index.ts. They read the derived view (raw + decisions +
 * edits) and never mutate the transcript.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { Decision, Flag } from '../model/flag';
import type { Level } from '../model/levels';
import type { SourceInfo, Transcript } from '../model/transcript';
import type { CueOptions } from '../timing/cues';

export interface ExportInput {
  transcript: Transcript;
  flags: readonly Flag[];
  decisions?: Readonly<Record<string, Decision>>;
  edits?: Readonly<Record<string, string>>;
  /** Pending flags at or above this level's threshold are applied too (the CLI's `clean --level`). */
  level?: Level;
  /** `verbatim` writes raw text; `clean` the derived clean text. */
  mode: 'clean' | 'verbatim';
  source?: SourceInfo | null;
  /** Tool version for reports. */
  version?: string;
  /** Diagnostics from parsing, carried into reports. */
  diagnostics?: readonly Diagnostic[];
  /**
   * Timed subtitle formats (SRT, WebVTT): split each segment into readable cues — at most two lines, per-language
   * line widths and reading speeds, never inside a word (shared/timing/cues.ts). `true` uses the defaults.
   * Without it a segment is one cue, as it came.
   */
  cues?: boolean | CueOptions;
}

export interface ExportResult {
  text: string;
  diagnostics: Diagnostic[];
}

export interface Exporter {
  id: string;
  title: string;
  /** Extension we write, with the dot. */
  extension: string;
  /** Other extensions that select this exporter for `-o OUT`. */
  aliases?: readonly string[];
  /** True when the output carries times (untimed input gets estimated times and a warning). */
  timed: boolean;
  export(input: ExportInput): ExportResult;
  /** Optional streaming form for large outputs: writes chunks, returns the diagnostics. */
  stream?(input: ExportInput, write: (chunk: string) => void): Diagnostic[];
}
