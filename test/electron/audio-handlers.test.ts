import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AudioProgress, type RecentFile, type Settings } from '../../shared/ipc';
import { createHostHandlers } from '../../electron/main/host-handlers';
import { timesOf, type AudioDeps } from '../../electron/main/audio-handlers';
import { defaultCacheDir } from '../../electron/node/audio/cache';
import { autoTime } from '../../electron/node/audio/auto-time';
import { findFfmpeg } from '../../electron/node/audio/ffmpeg';
import { loadPeaks, readWindowPeaks } from '../../electron/node/audio/peaks';
import { memoryStore } from '../../electron/node/json-store';
import { nodeFilesForTest } from './node-files';

const SAMPLE = join(import.meta.dirname, '../../samples/waic-excerpt-speech.ogg');
const TEXT = ['各位嘉宾，女士们先生们。', '欢迎各位莅临2024世界人工智能大会人工智能前沿技术的治理挑战与应对的论坛。', 'The UNU Global AI network was officially launched.'];

function make(dir: string, audio: Partial<AudioDeps> = {}, openAnswer: string | null = null) {
  const progress: AudioProgress[] = [];
  const h = createHostHandlers({
    dialogs: { showOpen: () => Promise.resolve(openAnswer), showSave: () => Promise.resolve(null) },
    files: nodeFilesForTest,
    settings: memoryStore<Settings>({ ...DEFAULT_SETTINGS }),
    recent: memoryStore<RecentFile[]>([]),
    recoveryPath: join(dir, 'recovery.json'),
    samplePath: join(dir, 'sample.txt'),
    appInfo: { name: 'Jiaodui', version: '0.0.0', mode: 'electron', platform: 'linux', locale: 'en' },
    mediaUrl: (p) => `jiaodui-media://file/${encodeURIComponent(p)}`,
    audio: { loadPeaks, readWindowPeaks, autoTime, cacheDirs: (p) => [defaultCacheDir(p), join(dir, 'fallback-cache')], ...audio },
    onAudioProgress: (p) => progress.push(p),
    onDocumentState: () => undefined,
  });
  return { h, progress };
}

function copySample(): { dir: string; audio: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-audio-host-'));
  const audio = join(dir, 'talk.ogg');
  copyFileSync(SAMPLE, audio);
  return { dir, audio };
}

describe('audio host calls: the policy', () => {
  it('refuses peaks, window peaks and timing for audio the user did not open', async () => {
    const { dir, audio } = copySample();
    const { h } = make(dir);
    expect(await h.loadPeaks(audio)).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(await h.windowPeaks(audio, 0, 1000, 1000)).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(await h.autoTime(audio, [{ raw: '你好', lang: 'zh' }])).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  it('re-locates a project\'s audio beside the project when it moved, but only for a project of this session', async () => {
    const { dir, audio } = copySample();
    const projectPath = join(dir, 'talk.jiaodui.json');
    writeFileSync(projectPath, '{}');
    const { h } = make(dir, {}, projectPath);
    const moved = '/nowhere/else/talk.ogg';
    expect(await h.locateAudio(moved, projectPath)).toMatchObject({ ok: false, code: 'not-allowed' });
    const opened = await h.openFile('project');
    expect(opened.ok).toBe(true);
    const found = await h.locateAudio(moved, projectPath);
    expect(found).toMatchObject({ ok: true, value: { path: audio, name: 'talk.ogg' } });
    expect(found.ok && found.value.url).toBe(`jiaodui-media://file/${encodeURIComponent(audio)}`);
    expect(await h.locateAudio('/nowhere/else/other.ogg', projectPath)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await h.locateAudio(join(dir, 'talk.jiaodui.json'), projectPath)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('keeps a segment\'s lowest unit confidence and leaves timed segments alone', () => {
    const input = [{ raw: 'a. b.', lang: 'en' as const }, { raw: 'c', lang: 'en' as const, start: 5, end: 9 }, { raw: '', lang: 'en' as const }];
    const timed = [{ id: 'a', sourceLine: 1, raw: 'a. b.', lang: 'en' as const, start: 0, end: 4 }, { id: 'b', sourceLine: 2, raw: 'c', lang: 'en' as const, start: 5, end: 9 }, { id: 'c', sourceLine: 3, raw: '', lang: 'en' as const }];
    const times = timesOf(input, timed, [{ segmentIndex: 0, confidence: 0.8 }, { segmentIndex: 0, confidence: 0.4 }, { segmentIndex: 1, confidence: 0.9 }]);
    expect(times).toEqual([{ start: 0, end: 4, confidence: 0.4 }, null, null]);
  });
});

describe.skipIf(!findFfmpeg())('audio host calls on the committed sample (ffmpeg)', () => {
  it('computes peaks with progress, caches them beside the audio, and gives window peaks for deep zoom', async () => {
    const { dir, audio } = copySample();
    const { h, progress } = make(dir, {}, audio);
    expect((await h.openAudio()).ok).toBe(true);
    const first = await h.loadPeaks(audio);
    if (!first.ok) throw new Error(first.message);
    expect(first.value.cached).toBe(false);
    expect(first.value.peaks.durationMs).toBeGreaterThan(50_000);
    expect(first.value.peaks.length).toBe(Math.ceil(first.value.peaks.durationMs / 10));
    expect(first.value.windowPeaks).toBe(true);
    expect(progress.at(-1)).toEqual({ path: audio, stage: 'decode', fraction: 1 });
    const again = await h.loadPeaks(audio);
    expect(again.ok && again.value.cached).toBe(true);
    const window = await h.windowPeaks(audio, 2000, 3000, 1000);
    if (!window.ok || !window.value) throw new Error('no window peaks');
    expect(window.value.length).toBe(1000);
  });

  it('falls back to the app cache when the folder beside the audio is read-only', async () => {
    const { dir, audio } = copySample();
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to test
    await mkdir(join(dir, '.jiaodui-cache'));
    await chmod(join(dir, '.jiaodui-cache'), 0o500);
    const { h } = make(dir, {}, audio);
    await h.openAudio();
    const r = await h.loadPeaks(audio);
    expect(r.ok).toBe(true);
  });

  it('times untimed segments and leaves timed ones as they were', async () => {
    const { dir, audio } = copySample();
    const { h, progress } = make(dir, {}, audio);
    await h.openAudio();
    const r = await h.autoTime(audio, [{ raw: TEXT[0]!, lang: 'zh' }, { raw: TEXT[1]!, lang: 'zh', start: 7000, end: 23000 }, { raw: TEXT[2]!, lang: 'en' }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.times[1]).toBeNull();
    const [a, , c] = r.value.times;
    expect(a && c && a.start < a.end && a.end <= c.start && c.end <= r.value.durationMs).toBe(true);
    expect(progress.some((p) => p.path === audio)).toBe(true);
  });
});

describe.skipIf(!findFfmpeg())('audio host calls at the same time', () => {
  it('decodes a file once at a time, so peaks and timing asked together both succeed', async () => {
    const { dir, audio } = copySample();
    const { h } = make(dir, {}, audio);
    await h.openAudio();
    const [peaks, timing] = await Promise.all([h.loadPeaks(audio), h.autoTime(audio, [{ raw: TEXT[0]!, lang: 'zh' }])]);
    expect(peaks.ok).toBe(true);
    expect(timing.ok && timing.value.times[0] !== null).toBe(true);
  });
});

describe('the audio worker protocol', () => {
  it('runs requests through the worker handler and forwards progress and errno codes', async () => {
    const { audioWorkerClient, handleAudioRequest } = await import('../../electron/main/audio-worker-protocol');
    const work = {
      loadPeaks: (_p: string, o: { onProgress: (f: number) => void }) => {
        o.onProgress(0.5);
        return Promise.resolve({ peaks: { sampleRate: 16000, samplesPerPeak: 160, length: 1, data: new Int8Array([-3, 4]), energyDb: new Float32Array([-20]), durationMs: 10 }, cached: false, wavPath: null });
      },
      readWindowPeaks: () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })),
      autoTime: () => Promise.reject(new Error('unused')),
    };
    const listeners: ((m: never) => void)[] = [];
    const fake = {
      postMessage: (m: never) => void handleAudioRequest(m, work, (reply) => queueMicrotask(() => listeners.forEach((l) => l(reply as never)))),
      on: (event: string, l: (m: never) => void) => { if (event === 'message') listeners.push(l); },
    };
    const client = audioWorkerClient(() => fake, () => ['/cache']);
    const seen: number[] = [];
    const r = await client.loadPeaks('/a.ogg', { cacheDir: '/cache', keepWav: true, onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.5]);
    expect(Array.from(r.peaks.data)).toEqual([-3, 4]);
    await expect(client.readWindowPeaks('/w.wav', 0, 1, 1)).rejects.toMatchObject({ message: 'gone', code: 'ENOENT' });
  });

  it("ends the worker after a timing run (and Silero's memory with it) and starts a fresh one for the next call", async () => {
    const { audioWorkerClient, handleAudioRequest } = await import('../../electron/main/audio-worker-protocol');
    const segment = { id: 's1', start: null, end: null, speaker: null, text: '大家好', lang: 'zh' };
    const work = {
      loadPeaks: () => Promise.resolve({ peaks: { sampleRate: 16000, samplesPerPeak: 160, length: 0, data: new Int8Array(0), energyDb: new Float32Array(0), durationMs: 0 }, cached: true, wavPath: null }),
      readWindowPeaks: () => Promise.resolve({ data: new Int8Array(0) }),
      autoTime: () => Promise.resolve({ segments: [{ ...segment, start: 0, end: 900 }], units: [{ segmentIndex: 0, confidence: 0.9 }], method: 'length', durationMs: 1000 }),
    };
    let started = 0;
    let terminated = 0;
    const start = () => {
      started++;
      const listeners: ((m: never) => void)[] = [];
      return {
        postMessage: (m: never) => void handleAudioRequest(m, work as never, (reply) => queueMicrotask(() => listeners.forEach((l) => l(reply as never)))),
        on: (event: string, l: (m: never) => void) => { if (event === 'message') listeners.push(l); },
        terminate: () => { terminated++; },
      };
    };
    const client = audioWorkerClient(start, () => ['/cache']);
    await client.loadPeaks('/a.ogg', { cacheDir: '/cache', keepWav: true, onProgress: () => undefined });
    expect([started, terminated]).toEqual([1, 0]);
    const timed = await client.autoTime([segment] as never, '/a.ogg', { cacheDir: '/cache', onProgress: () => undefined });
    expect(timed.segments[0]?.end).toBe(900);
    expect([started, terminated]).toEqual([1, 1]);
    await client.readWindowPeaks('/w.wav', 0, 1, 1);
    expect([started, terminated]).toEqual([2, 1]);
  });
});
