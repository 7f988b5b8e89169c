/**
 * Text over silence: a timed segment whose span holds almost no detected speech is a classic sign of
 * an ASR hallucination (Whisper writes "Thank you for watching" over applause or silence). For every
 * timed segment with text, the share of its span covered by speech is measured; below `minShare` the
 * segment gets a `hallucination` flag over its whole text, with a confidence that grows as the share
 * falls (0 speech → 0.85, just under the limit → 0.5). Such flags are never strong enough for the
 * conservative level: the audio could be music with sung words, so a person decides.
 */
import { flagId, type Flag } from '../model/flag';
import type { Segment } from '../model/segment';
import { speechWithin, type SpeechInterval } from './vad';

/** Rule id of the text-over-silence flag. */
export const SPEECH_OVER_SILENCE_RULE = 'audio.text-over-silence';

export interface SpeechCheckOptions {
  /** Share of the segment's span that must hold speech (0..1). */
  minShare?: number;
  /** Segments shorter than this are skipped (too short to judge), ms. */
  minDurationMs?: number;
}

/** Share of speech per segment (undefined for untimed segments). */
export function speechShare(segment: Segment, speech: readonly SpeechInterval[]): number | undefined {
  if (segment.start === undefined || segment.end === undefined || segment.end <= segment.start) return undefined;
  return speechWithin(speech, segment.start, segment.end) / (segment.end - segment.start);
}

/** Flags timed segments whose text sits over (near) silence. */
export function checkSpeechOverSilence(segments: readonly Segment[], speech: readonly SpeechInterval[], options: SpeechCheckOptions = {}): Flag[] {
  const minShare = options.minShare ?? 0.2;
  const minDuration = options.minDurationMs ?? 500;
  const flags: Flag[] = [];
  for (const seg of segments) {
    const share = speechShare(seg, speech);
    if (share === undefined || share >= minShare || seg.raw.trim() === '') continue;
    if (seg.end! - seg.start! < minDuration) continue;
    const confidence = Math.round((0.85 - (share / minShare) * 0.35) * 100) / 100;
    flags.push({
      id: flagId(SPEECH_OVER_SILENCE_RULE, seg.id, 0, seg.raw.length),
      segmentId: seg.id,
      start: 0,
      end: seg.raw.length,
      kind: 'hallucination',
      ruleId: SPEECH_OVER_SILENCE_RULE,
      suggestion: '',
      confidence,
      reason: `only ${Math.round(share * 100)}% of ${((seg.end! - seg.start!) / 1000).toFixed(1)} s holds speech`,
    });
  }
  return flags;
}
