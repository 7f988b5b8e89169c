/** Language of a segment: `mixed` holds both Chinese and English runs. */
export type Lang = 'zh' | 'en' | 'mixed';

/** A recognised word with optional timing (ms) and recogniser probability (0..1). */
export interface Word {
  text: string;
  start?: number;
  end?: number;
  probability?: number;
}

/** Whisper's per-segment quality signals, kept for ranking review work (hallucinations, low confidence). */
export interface AsrStats {
  noSpeechProb?: number;
  avgLogprob?: number;
  compressionRatio?: number;
  temperature?: number;
}

/**
 * One unit of speech. `raw` is the verbatim record and is never changed by cleanup;
 * offsets into it are UTF-16 code units. Times are integer milliseconds.
 */
export interface Segment {
  id: string;
  /** 1-based line of the input file where the segment starts. */
  sourceLine: number;
  start?: number;
  end?: number;
  lang: Lang;
  raw: string;
  words?: Word[];
  speaker?: string;
  asr?: AsrStats;
  /** Cue identifier from the source (WebVTT cue id, SRT index) when it carried one. */
  cueId?: string;
  /** Formatting the source carried (WebVTT cue settings) so a round trip keeps it. */
  settings?: string;
}

/** True when the segment has both a start and an end time. */
export function isTimed(segment: Segment): segment is Segment & { start: number; end: number } {
  return segment.start !== undefined && segment.end !== undefined;
}
