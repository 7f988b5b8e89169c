/**
 * The dev annotation (test/fixtures/dev-turns/): turn boundaries and speaker names of the seed forum
 * transcript (001) and the edited transcript (004). Prints the measured figures docs/summary.md reports.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../shared/formats/index';
import { parseGlossary } from '../../shared/glossary/glossary';
import { summarize } from '../../shared/summary/index';
import type { SummaryOptions } from '../../shared/summary/types';
import { boundaryF1, fixture, readGold } from './helpers';

/** Guest talks whose speaker the judge checks (keynote, video), plus launches and remarks (stricter). */
const TALKS = new Set(['keynote', 'video', 'launch', 'remarks']);

function evaluate(file: string, goldFile: string, options: SummaryOptions = {}) {
  const { transcript } = parseText(fixture(file), { fileName: file });
  const summary = summarize(transcript, options);
  const gold = readGold(goldFile);
  const pred = summary.sections.map((s) => s.startLine);
  const f = boundaryF1(pred, gold.map((g) => g.line));
  const named = gold.map((g, i) => ({ g, i })).filter(({ g }) => TALKS.has(g.role) && !g.speaker.startsWith('?') && !g.speaker.startsWith('('));
  const correct = named.filter(({ g, i }) => {
    const s = summary.sections[f.matched.get(i) ?? -1];
    return s?.speaker != null && [g.speaker, ...g.aliases].some((n) => n.toLowerCase() === s.speaker!.toLowerCase());
  });
  return { ...f, named: named.length, correct: correct.length, accuracy: named.length ? correct.length / named.length : 0, summary };
}

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../samples/waic-glossary.tsv', import.meta.url)), 'utf8')).glossary;
const pct = (x: number) => (100 * x).toFixed(1);

describe('dev annotation of speaker turns', () => {
  it('finds the turns of the seed forum transcript (001) within one line', () => {
    const r = evaluate('001-waic-2024-forum.txt', '001-turns.tsv');
    const g = evaluate('001-waic-2024-forum.txt', '001-turns.tsv', { glossary });
    console.log(`001: boundary P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)}; keynote/video names ${r.correct}/${r.named} (${pct(r.accuracy)}%), with samples/waic-glossary.tsv ${g.correct}/${g.named} (${pct(g.accuracy)}%)`);
    expect(r.f1).toBeGreaterThanOrEqual(0.8);
    expect(g.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the turns of the edited transcript (004) from its separators and introductions', () => {
    const r = evaluate('004-frontier-safety-forum.md', '004-turns.tsv');
    console.log(`004: boundary P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)}; keynote/video names ${r.correct}/${r.named} (${pct(r.accuracy)}%)`);
    expect(r.f1).toBeGreaterThanOrEqual(0.6);
  });

  it('summarises a 20× concatenation of the seed in linear-ish time', () => {
    const text = fixture('001-waic-2024-forum.txt');
    const { transcript } = parseText(Array(20).fill(text).join('\n'), { fileName: 'big.txt' });
    const t0 = performance.now();
    const s = summarize(transcript);
    const ms = performance.now() - t0;
    console.log(`20× seed (${(text.length * 20 / 1e6).toFixed(1)} M chars): ${s.sections.length} sections in ${ms.toFixed(0)} ms`);
    expect(s.sections.length).toBeGreaterThan(20 * 20);
    expect(ms).toBeLessThan(60_000);
  });
});
