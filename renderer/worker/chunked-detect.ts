/**
 * Detection by chunks of segments, so the UI can show flags while the rest is still being detected.
 *
 * Each chunk runs `detectTranscript` over its segments plus MARGIN segments of context on each side (rules may
 * look at neighbours: any.loop looks up to three back and one ahead) and keeps only the flags of its own
 * segments, which are then exactly the flags one whole pass gives (test/edit/chunked-detect.test.ts checks this
 * on the samples). The run cache is shared between chunks so built indexes (lexicon near-words, glossary matchers,
 * per-token repairs) are built once; caches keyed by segment index (numbers) are positions in one chunk's view
 * and are dropped between chunks.
 */
import { detectTranscript } from '../../shared/detect';
import type { DetectResources } from '../../shared/detect';
import type { Flag } from '../../shared/model/flag';
import type { Transcript } from '../../shared/model/transcript';

/** Segments of context on each side of a chunk. */
export const MARGIN = 8;

export interface ChunkOptions {
  resources: Partial<DetectResources>;
  /** Segments per chunk. */
  chunkSize?: number;
  /** Called with each chunk's flags (in transcript order) and the segments done so far. */
  onChunk: (flags: Flag[], done: number, total: number) => void;
}

function dropPositionalCaches(cache: Map<string, unknown>): void {
  for (const [key, value] of cache) {
    if (value instanceof Map && typeof value.keys().next().value === 'number') cache.delete(key);
  }
}

/** Detects the whole transcript chunk by chunk; returns the number of flags. */
export function detectInChunks(transcript: Transcript, options: ChunkOptions): number {
  const segments = transcript.segments;
  const size = Math.max(1, options.chunkSize ?? 1000);
  const resources: Partial<DetectResources> = { ...options.resources, cache: options.resources.cache ?? new Map() };
  let count = 0;
  for (let from = 0; from < segments.length; from += size) {
    const to = Math.min(segments.length, from + size);
    const lo = Math.max(0, from - MARGIN);
    const hi = Math.min(segments.length, to + MARGIN);
    const view: Transcript = { ...transcript, segments: segments.slice(lo, hi) };
    const own = new Set<string>();
    for (let i = from; i < to; i++) own.add(segments[i]!.id);
    const flags = detectTranscript(view, { resources }).filter((f) => own.has(f.segmentId));
    dropPositionalCaches(resources.cache!);
    count += flags.length;
    options.onChunk(flags, to, segments.length);
  }
  if (segments.length === 0) options.onChunk([], 0, 0);
  return count;
}
