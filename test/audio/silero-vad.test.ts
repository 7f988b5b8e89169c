import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../electron/node/audio/ffmpeg';
import { loadPeaks } from '../../electron/node/audio/peaks';
import { detectSpeechSilero, sileroStatus, SILERO_FRAME_MS } from '../../electron/node/audio/silero-vad';
import { detectRecordingSpeech } from '../../electron/node/audio/speech';
import { speechF1, speechWithin } from '../../shared/timing/vad';

const root = join(import.meta.dirname, '../..');
const audio = join(root, 'samples/waic-excerpt-speech.ogg');
const hasFfmpeg = findFfmpeg() !== null;
const status = await sileroStatus();
if (!hasFfmpeg) console.warn('skipping Silero VAD tests: no ffmpeg to decode the sample');
else if (!status.available) console.warn(`skipping Silero VAD tests: ${status.reason} (npm install onnxruntime-web)`);

/** The sample's sentence spans from its SRT (generated with known times). */
function referenceSpans(): { start: number; end: number }[] {
  const srt = readFileSync(join(root, 'samples/waic-excerpt-speech.srt'), 'utf8');
  const ms = (h: string, m: string, s: string, f: string) => ((+h * 60 + +m) * 60 + +s) * 1000 + +f;
  return [...srt.matchAll(/(\d+):(\d+):(\d+),(\d+) --> (\d+):(\d+):(\d+),(\d+)/g)].map((x) => ({ start: ms(x[1]!, x[2]!, x[3]!, x[4]!), end: ms(x[5]!, x[6]!, x[7]!, x[8]!) }));
}

describe.skipIf(!hasFfmpeg)('Silero VAD', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'jiaodui-silero-'));

  it.skipIf(!status.available)('finds the sample sentences as speech and the gaps between them as silence', async () => {
    const { wavPath } = await loadPeaks(audio, { cacheDir, keepWav: true });
    const result = await detectSpeechSilero(wavPath!);
    const reference = referenceSpans();
    expect(result.frameMs).toBe(SILERO_FRAME_MS);
    for (const r of reference) expect(speechWithin(result.speech, r.start, r.end)).toBeGreaterThan(0.8 * (r.end - r.start));
    expect(speechF1(result.speech, reference).f1).toBeGreaterThan(0.9);
    // The leading 1.8 s before the first sentence is silence.
    expect(result.speech[0]!.start).toBeGreaterThan(1000);
  }, 60_000);

  it.skipIf(!status.available)('is chosen by `auto` for a short recording and cached beside the peaks', async () => {
    const { peaks, wavPath } = await loadPeaks(audio, { cacheDir, keepWav: true });
    const first = await detectRecordingSpeech(audio, peaks, wavPath, { cacheDir });
    expect(first.vad).toBe('silero');
    const again = await detectRecordingSpeech(audio, peaks, wavPath, { cacheDir, vad: 'silero' });
    expect(again.cached).toBe(true);
    expect(again.speech).toEqual(first.speech);
  }, 60_000);

  it('falls back to the energy detector, saying why, when the model is missing', async () => {
    const { peaks, wavPath } = await loadPeaks(audio, { cacheDir: mkdtempSync(join(tmpdir(), 'jiaodui-silero-none-')), keepWav: true });
    const result = await detectRecordingSpeech(audio, peaks, wavPath, { vad: 'silero', sileroModel: join(cacheDir, 'missing.onnx'), cacheDir: mkdtempSync(join(tmpdir(), 'jiaodui-silero-none-')) });
    expect(result.vad).toBe('energy');
    expect(result.note).toMatch(/not found/);
    expect(result.speech.length).toBeGreaterThan(0);
  });
});
