import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseText } from '../../shared/formats/index';
import { SAMPLES } from '../helpers';
import { ensureBuilt, runCli } from './run-cli';

beforeAll(ensureBuilt);

const sample = (name: string): string => join(SAMPLES, name);
const tmp = (): string => mkdtempSync(join(tmpdir(), 'jiaodui-cli-'));

describe('jiaodui CLI', () => {
  it('prints help for the tool and for each command, exit 0', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:[\s\S]*check[\s\S]*clean[\s\S]*convert/);
    for (const cmd of ['check', 'clean', 'convert']) {
      const r = runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: jiaodui ${cmd}`);
    }
  });

  it('exits 2 on bad usage with the problem on stderr', () => {
    expect(runCli(['frobnicate']).code).toBe(2);
    const r = runCli(['clean', sample('waic-2024-excerpt.txt'), '--level', 'extreme']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--level must be conservative, standard or thorough');
    expect(runCli(['convert', sample('bilingual-panel.srt')]).stderr).toContain('convert needs -o OUT');
  });

  it('exits 1 naming the file when an input cannot be read', () => {
    const r = runCli(['check', 'no/such/file.srt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/file.srt: no such file');
  });

  it('converts SRT to WebVTT and back without losing cues', () => {
    const dir = tmp();
    const vtt = join(dir, 'panel.vtt');
    expect(runCli(['convert', sample('bilingual-panel.srt'), '-o', vtt]).code).toBe(0);
    const text = readFileSync(vtt, 'utf8');
    expect(text.startsWith('WEBVTT')).toBe(true);
    const srt = join(dir, 'back.srt');
    expect(runCli(['convert', vtt, '-o', srt]).code).toBe(0);
    const original = parseText(readFileSync(sample('bilingual-panel.srt'), 'utf8')).transcript.segments;
    const back = parseText(readFileSync(srt, 'utf8')).transcript.segments;
    expect(back.map((s) => [s.start, s.end, s.raw])).toEqual(original.map((s) => [s.start, s.end, s.raw]));
  });

  it('writes the JSON report contract for check --json', () => {
    const r = runCli(['check', sample('waic-2024-excerpt.txt'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & { segments: Record<string, unknown>[]; flags: Record<string, unknown>[] };
    expect(report).toMatchObject({ tool: 'jiaodui', source: { format: 'txt', encoding: 'utf-8' }, title: expect.stringMatching(/^2024世界人工智能大会/) as unknown });
    expect(Object.keys(report.segments[0]!)).toEqual(['id', 'sourceLine', 'start', 'end', 'lang', 'raw', 'clean']);
    expect(report.segments[0]).toMatchObject({ sourceLine: 3, start: null, end: null, lang: 'zh' });
    for (const f of report.flags) {
      const seg = report.segments.find((s) => s.id === f['segmentId'])!;
      expect(String(seg['raw']).slice(f['start'] as number, f['end'] as number)).toBe(f['text']);
    }
  });

  it('estimates times with a warning when an untimed transcript is exported to SRT', () => {
    const dir = tmp();
    const out = join(dir, 'clean.srt');
    const r = runCli(['clean', sample('waic-2024-excerpt.txt'), '--to', 'srt', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('times were estimated from reading speed');
    const cues = parseText(readFileSync(out, 'utf8')).transcript.segments;
    expect(cues.length).toBeGreaterThan(80);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start!).toBeGreaterThanOrEqual(cues[i - 1]!.end!);
  });

  it('never overwrites its input', () => {
    const dir = tmp();
    const input = join(dir, 'talk.srt');
    copyFileSync(sample('bilingual-panel.srt'), input);
    const before = readFileSync(input);
    const r = runCli(['convert', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(before);
  });

  it('processes a directory in parallel, one output per input, and exits 1 when one input fails', () => {
    const dir = tmp();
    const inputs = join(dir, 'in');
    const outputs = join(dir, 'out');
    for (const name of ['waic-2024-excerpt.txt', 'bilingual-panel.srt', 'whisper-talk.json', 'bilibili-subtitle.bcc.json', 'forum-transcript.md']) {
      copyFileSync(sample(name), join(dir, name));
    }
    runCli(['convert', dir, '-o', inputs, '--to', 'txt']);
    writeFileSync(join(inputs, 'broken.srt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 0, 0, 0]));
    const r = runCli(['clean', inputs, '-o', outputs, '--to', 'srt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.srt: this looks like a binary file/);
    expect(r.stderr).toContain('5 of 6 inputs done, 1 failed');
    const written = readdirSync(outputs).sort();
    expect(written).toHaveLength(5);
    for (const name of written) {
      expect(name).toMatch(/\.clean\.srt$/);
      expect(statSync(join(outputs, name)).size).toBeGreaterThan(0);
    }
  });

  it('splits long segments into two-line cues with --cues, keeping lexicon words whole', () => {
    const whole = runCli(['clean', sample('waic-2024-excerpt.txt'), '--to', 'srt']);
    const split = runCli(['clean', sample('waic-2024-excerpt.txt'), '--to', 'srt', '--cues']);
    expect(split.code).toBe(0);
    const blocks = (srt: string) => srt.trim().split(/\n\n+/).map((b) => b.split('\n').slice(2));
    const cues = blocks(split.stdout);
    expect(cues.length).toBeGreaterThan(blocks(whole.stdout).length * 3);
    for (const lines of cues) expect(lines.length).toBeLessThanOrEqual(2);
    const text = (bs: string[][]) => bs.flat().join('').replace(/\s+/g, '');
    expect(text(cues)).toBe(text(blocks(whole.stdout)));
    // 前沿技术 is one lexicon word: the cue ends before it, not inside it
    expect(cues.some((lines) => lines.at(-1)!.endsWith('前沿'))).toBe(false);
    const refused = runCli(['clean', sample('waic-2024-excerpt.txt'), '--to', 'txt', '--cues']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--cues applies to srt and vtt/);
  });
});
