/**
 * Detection by chunks of segments, so the UI can show flags while the rest is still being detected.
 *
 * Each chunk is a segment range of the whole transcript: `detectTranscript(transcript, { resources, range })`
 * detects only the range's segments while every rule still sees the whole transcript (any.loop looks at
 * neighbours, zh.glossary counts titled names over the whole text), so the chunks' flags, in order, are exactly
 * the flags of one whole pass whatever the chunk size and however far a rule looks (test/edit/worker-tasks.test.ts
 * checks this on the samples). One run cache serves every chunk, exactly as one whole pass would use it: indexes
 * built once (lexicon near-words, glossary matchers, per-token repairs) and caches keyed by segment position stay
 * valid, since positions are the whole transcript's. Nothing is copied per chunk.
 *
 * Cancel: the client terminates the worker (renderer/worker/client.ts); a caller in the same thread may also
 * return true from `onChunk` to stop after that chunk.
 */
import { detectTranscript } from '../../shared/detect';
import type { DetectResources, Rule } from '../../shared/detect';
import type { Flag } from '../../shared/model/flag';
import type { Transcript } from '../../shared/model/transcript';

export interface ChunkOptions {
  resources: Partial<DetectResources>;
  /** The rules to run (default: every registered rule). */
  rules?: readonly Rule[];
  /** Segments per chunk. */
  chunkSize?: number;
  /**
   * Called with each chunk's flags (in transcript order) and the segments done so far; returning true stops
   * detection after this chunk.
   */
  onChunk: (flags: Flag[], done: number, total: number) => boolean | void;
}

/** Detects the whole transcript chunk by chunk; returns the number of flags. */
export function detectInChunks(transcript: Transcript, options: ChunkOptions): number {
  const total = transcript.segments.length;
  const size = Math.max(1, options.chunkSize ?? 1000);
  const resources: Partial<DetectResources> = { ...options.resources, cache: options.resources.cache ?? new Map() };
  let count = 0;
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size);
    const flags = detectTranscript(transcript, { resources, range: { start: from, end: to }, ...(options.rules ? { rules: options.rules } : {}) });
    count += flags.length;
    if (options.onChunk(flags, to, total) === true) break;
  }
  if (total === 0) options.onChunk([], 0, 0);
  return count;
}
