/**
 * `check --audio AUDIO`: text over silence (shared/timing/speech-check.ts) for a timed transcript — the recording's
 * peaks (cached next to it, as `jiaodui peaks` makes them), the energy speech detector over their per-block energy
 * (the same as the app's "Text over silence"), and a `hallucination` flag (`audio.text-over-silence`) for each timed
 * segment whose span holds almost no speech. The flags join the text rules' flags in the report's order.
 */
import { mergeRuleFlags } from '../../shared/detect/index';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { Flag } from '../../shared/model/flag';
import type { Transcript } from '../../shared/model/transcript';
import { checkSpeechOverSilence } from '../../shared/timing/speech-check';
import { detectSpeech } from '../../shared/timing/vad';
import { loadPeaks } from '../node/audio/peaks';

/** The text rules' flags with the audio's; a diagnostic when the transcript has no times to check. */
export async function withAudioFlags(transcript: Transcript, flags: Flag[], audioPath: string, cacheDir?: string): Promise<{ flags: Flag[]; diagnostics: Diagnostic[] }> {
  const timed = transcript.segments.filter((s) => s.start !== undefined && s.end !== undefined).length;
  if (timed === 0) {
    return { flags, diagnostics: [{ line: 0, severity: 'warning', code: 'audio.untimed', message: `no segment has times, so --audio found nothing to check (time it first: jiaodui time)` }] };
  }
  const { peaks } = await loadPeaks(audioPath, cacheDir ? { cacheDir } : {});
  const speech = detectSpeech(peaks.energyDb, { frameMs: (peaks.samplesPerPeak * 1000) / peaks.sampleRate });
  const audio = checkSpeechOverSilence(transcript.segments, speech);
  const merged = audio.length === 0 ? flags : mergeRuleFlags(transcript, [flags, audio]) ?? [...flags, ...audio];
  return { flags: merged, diagnostics: [] };
}
