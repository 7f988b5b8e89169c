/**
 * "Text over silence": timed segments whose span holds almost no detected speech (a Whisper hallucination sign:
 * "Thank you for watching" over applause) get `audio.text-over-silence` flags, from the open recording's peaks —
 * their per-block energies run through the energy speech detector (shared/timing/vad.ts), then
 * `checkSpeechOverSilence` (shared/timing/speech-check.ts). One undoable step replaces the previous run's flags of
 * this rule; other flags and all decisions stay. Re-detection drops them (they come from the audio, not the text).
 */
import type { AudioPeaks } from '../../../shared/ipc';
import { replaceFlags } from '../../../shared/edit';
import { checkSpeechOverSilence, SPEECH_OVER_SILENCE_RULE } from '../../../shared/timing/speech-check';
import { detectSpeech } from '../../../shared/timing/vad';
import type { Flag } from '../../../shared/model/flag';
import { translator } from '../../i18n/i18n';
import { notify, performStep } from '../../state/actions';
import { getState } from '../../state/store';
import { timedSegments } from '../../state/timing';

let loaded: AudioPeaks | null = null;

/** The peaks of the open recording (set by the waveform when they load, cleared when it closes). */
export function setLoadedPeaks(peaks: AudioPeaks | null): void {
  loaded = peaks;
}

/** The flags of a speech check: `flags` minus the previous run's, plus one per timed segment over silence. */
export function speechCheckFlags(flags: readonly Flag[], segments: Parameters<typeof checkSpeechOverSilence>[0], peaks: AudioPeaks): { flags: Flag[]; found: number } {
  const frameMs = (peaks.samplesPerPeak * 1000) / peaks.sampleRate;
  const speech = detectSpeech(peaks.energyDb, { frameMs });
  const found = checkSpeechOverSilence(segments, speech);
  return { flags: [...flags.filter((f) => f.ruleId !== SPEECH_OVER_SILENCE_RULE), ...found], found: found.length };
}

/** Runs the check on the current document (the toolbar button); says how many segments it flagged. */
export function checkTextOverSilence(): void {
  const s = getState();
  const t = translator(s.locale);
  if (!loaded) return;
  const doc = s.editor.doc;
  const segments = timedSegments(doc);
  if (!segments.some((seg) => seg.start !== undefined && seg.end !== undefined)) return notify(t('audio.silenceNeedsTimes'));
  const { flags, found } = speechCheckFlags(doc.flags, segments, loaded);
  // nothing found and nothing to clear: no undo step for an unchanged document
  if (found > 0 || flags.length !== doc.flags.length) performStep(replaceFlags(doc, flags));
  notify(t('audio.silenceChecked', { count: found }));
}
