import type { Diagnostic } from './diagnostics';
import type { Segment } from './segment';

/** Non-speech structure kept beside the segments: slide images, section breaks from headings or `---`. */
export interface Marker {
  kind: 'slide' | 'section';
  /** 1-based input line. */
  line: number;
  /** Index of the first segment after the marker (segments.length when it ends the file). */
  beforeSegment: number;
  /** Slide: the image path; section: the heading text ('' for a bare `---`). */
  text: string;
}

export type FormatId = 'txt' | 'srt' | 'vtt' | 'whisper-json' | 'bcc-json' | 'markdown' | 'project';

export interface SourceInfo {
  path: string;
  format: FormatId;
  encoding: string;
}

/** An ordered list of segments with the document's title, metadata and structure. */
export interface Transcript {
  title: string | null;
  segments: Segment[];
  markers: Marker[];
  /** Key/value metadata from headers (Markdown header lists, VTT header lines, Whisper language…). */
  metadata: Record<string, string>;
}

/** A parse result: the transcript plus every oddity found, never an exception for bad user data. */
export interface ParseResult {
  transcript: Transcript;
  diagnostics: Diagnostic[];
}

export function emptyTranscript(): Transcript {
  return { title: null, segments: [], markers: [], metadata: {} };
}
