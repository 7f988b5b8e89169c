import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../electron/cli/command';
import { parseArgs } from '../../electron/cli/command';
import { peaksCommand } from '../../electron/cli/commands/peaks';
import { timeCommand } from '../../electron/cli/commands/time';
import { checkCommand } from '../../electron/cli/commands/check';
import { findFfmpeg } from '../../electron/node/audio/ffmpeg';

const root = join(import.meta.dirname, '../..');
const audio = join(root, 'samples/waic-excerpt-speech.ogg');
const text = join(root, 'samples/waic-excerpt-speech.txt');
const hasFfmpeg = findFfmpeg() !== null;
const hasEspeak = spawnSync(process.env.JIAODUI_ESPEAK ?? 'espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasFfmpeg) console.warn('skipping CLI audio tests: no ffmpeg');
if (!hasEspeak) console.warn('skipping forced-alignment test: espeak-ng not installed (apt-get install espeak-ng)');

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', isTTY: false, cwd: root } as CliIO & { out: string; err: string };
  o.stdout = (t) => void (o.out += t);
  o.stderr = (t) => void (o.err += t);
  return o;
}

/** Reference sentence starts from the sample's hand-checkable SRT (generated with known times). */
function referenceStarts(): number[] {
  const srt = readFileSync(join(root, 'samples/waic-excerpt-speech.srt'), 'utf8');
  return [...srt.matchAll(/(\d+):(\d+):(\d+),(\d+) -->/g)].map((m) => ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 1000 + +m[4]!);
}

describe.skipIf(!hasFfmpeg)('jiaodui peaks / time', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'jiaodui-cli-audio-'));

  it('writes audiowaveform JSON peaks at 100 a second', async () => {
    const out = join(cacheDir, 'peaks.json');
    const c = io();
    const code = await peaksCommand.run(parseArgs([audio, '-o', out, '--cache-dir', cacheDir], peaksCommand.options), c);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { samples_per_pixel: number; length: number; data: number[]; duration_ms: number };
    expect(json.samples_per_pixel).toBe(160);
    expect(json.data.length).toBe(json.length * 2);
    expect(Math.abs(json.length - json.duration_ms / 10)).toBeLessThanOrEqual(1);
  });

  it('check --audio flags the timed text that lies over silence, and only it', async () => {
    // the sample's reference cues lie over its speech; a last cue after the recording's end lies over nothing
    const srt = readFileSync(join(root, 'samples/waic-excerpt-speech.srt'), 'utf8').trimEnd();
    const withTail = `${srt}\n\n99\n00:01:05,000 --> 00:01:09,000\nThanks for watching!\n`;
    const input = join(cacheDir, 'with-tail.srt');
    writeFileSync(input, withTail);
    const c = io();
    const code = await checkCommand.run(parseArgs([input, '--audio', audio, '--cache-dir', cacheDir, '--json'], checkCommand.options), c);
    expect(code).toBe(0);
    const report = JSON.parse(c.out) as { segments: { id: string; raw: string }[]; flags: { ruleId: string; segmentId: string; kind: string }[] };
    const silent = report.flags.filter((f) => f.ruleId === 'audio.text-over-silence');
    expect(silent).toHaveLength(1);
    expect(report.segments.find((s) => s.id === silent[0]!.segmentId)!.raw).toBe('Thanks for watching!');
    expect(silent[0]!.kind).toBe('hallucination');
    // an untimed transcript: nothing to check, and a warning says why
    const u = io();
    expect(await checkCommand.run(parseArgs([text, '--audio', audio, '--cache-dir', cacheDir, '--json'], checkCommand.options), u)).toBe(0);
    expect(u.err).toMatch(/no segment has times/);
    const batch = io();
    await expect(checkCommand.run(parseArgs([text, input, '--audio', audio], checkCommand.options), batch)).rejects.toThrow(/one transcript/);
  });

  it('times the sample by speech length without espeak (--length-only) into two-line cues', async () => {
    const c = io();
    const code = await timeCommand.run(parseArgs([text, audio, '--length-only', '--cache-dir', cacheDir], timeCommand.options), c);
    expect(code).toBe(0);
    expect(c.err).toMatch(/timed by length/);
    const cues = c.out.trim().split(/\n\n/);
    expect(cues.length).toBeGreaterThanOrEqual(6);
    for (const cue of cues) expect(cue.split('\n').length).toBeLessThanOrEqual(4);
  });

  it.skipIf(!hasEspeak)('aligns the sample sentences within 250 ms of the reference', async () => {
    const unitsPath = join(cacheDir, 'units.json');
    const c = io();
    const code = await timeCommand.run(parseArgs([text, audio, '--units', unitsPath, '--cache-dir', cacheDir, '-o', join(cacheDir, 'out.srt')], timeCommand.options), c);
    expect(code).toBe(0);
    const { method, units } = JSON.parse(readFileSync(unitsPath, 'utf8')) as { method: string; units: { start: number }[] };
    expect(method).toBe('alignment');
    const ref = referenceStarts();
    expect(units).toHaveLength(ref.length);
    const close = units.filter((u, k) => Math.abs(u.start - ref[k]!) <= 250).length;
    expect(close / ref.length).toBeGreaterThanOrEqual(0.8);
  });

  it('uses the speech detector asked for with --vad and names it', async () => {
    const c = io();
    const code = await timeCommand.run(parseArgs([text, audio, '--length-only', '--vad', 'energy', '--cache-dir', cacheDir], timeCommand.options), c);
    expect(code).toBe(0);
    expect(c.err).toMatch(/speech: energy/);
    await expect(timeCommand.run(parseArgs([text, audio, '--vad', 'loudness'], timeCommand.options), io())).rejects.toThrow(/--vad must be/);
  });

  it('writes cues that never break inside 人工智能 or 清华大学', async () => {
    const c = io();
    const code = await timeCommand.run(parseArgs([text, audio, '--length-only', '--vad', 'energy', '--cache-dir', cacheDir], timeCommand.options), c);
    expect(code).toBe(0);
    const lines = c.out.split('\n').filter((l) => /\p{Script=Han}/u.test(l));
    for (const line of lines) expect(line).not.toMatch(/(人工|清华)$|^(智能|大学)/u);
  });

  it('refuses a missing argument with a usage error', async () => {
    await expect(timeCommand.run(parseArgs([text], timeCommand.options), io())).rejects.toThrow(/TRANSCRIPT and AUDIO/);
  });
});
