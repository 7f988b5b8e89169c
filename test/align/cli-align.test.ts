import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { plannedDoc, tatoebaPairs } from './helpers';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd });
  return { code, stdout, stderr };
}

describe('jiaodui align', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-align-'));
  const doc = plannedDoc(tatoebaPairs(), 'kkmkkkkkk');
  writeFileSync(join(dir, 'zh.txt'), doc.zh.join('\n') + '\n');
  writeFileSync(join(dir, 'en.txt'), doc.en.join('\n') + '\n');

  it('prints the JSON contract with 0-based sentence indices of A and B', async () => {
    const { code, stdout } = await run(['align', 'zh.txt', 'en.txt', '--lines'], dir);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { beads: { a: number[]; b: number[]; score: number }[] };
    expect(Object.keys(json)).toEqual(['beads']);
    expect(Object.keys(json.beads[0]!)).toEqual(['a', 'b', 'score']);
    expect(json.beads[2]).toMatchObject({ a: [2], b: [2, 3] });
  });

  it('accepts the English file first: A is then the English side', async () => {
    const { stdout } = await run(['align', 'en.txt', 'zh.txt', '--lines'], dir);
    const json = JSON.parse(stdout) as { beads: { a: number[]; b: number[] }[] };
    expect(json.beads[2]).toMatchObject({ a: [2, 3], b: [2] });
  });

  it('writes bilingual WebVTT to -o, Chinese line first', async () => {
    const { code } = await run(['align', 'en.txt', 'zh.txt', '--lines', '-o', 'out.vtt'], dir);
    expect(code).toBe(0);
    const vtt = readFileSync(join(dir, 'out.vtt'), 'utf8');
    expect(vtt.startsWith('WEBVTT\n\n1\n00:00:00.000 --> ')).toBe(true);
    expect(vtt.split('\n\n')[1]!.split('\n').slice(2)).toEqual([doc.zh[0], doc.en[0]]);
  });

  it('aligns the Chinese and English runs of one mixed transcript', async () => {
    writeFileSync(join(dir, 'mixed.txt'), '我喜欢苹果。 I like apples.\n\n今天天气很好。 The weather is nice today.\n');
    const { code, stdout } = await run(['align', 'mixed.txt', '--to', 'tsv'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('我喜欢苹果。\tI like apples.\n今天天气很好。\tThe weather is nice today.\n');
  });

  it('refuses two files of the same language', async () => {
    const { code, stderr } = await run(['align', 'zh.txt', 'zh.txt', '--lines'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('both files look Chinese');
  });

  it('rejects an unknown output format as bad usage', async () => {
    const { code } = await run(['align', 'zh.txt', 'en.txt', '--to', 'docx'], dir);
    expect(code).toBe(2);
  });
});
