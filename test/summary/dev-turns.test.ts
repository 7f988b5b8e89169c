/**
 * The dev annotation (test/fixtures/dev-turns/): turn boundaries and speaker names of the seed forum
 * transcript (001) and the edited transcript (004). Prints the measured figures docs/summary.md reports.
 * Naming is scored on guest talks (keynote, video, launch, remarks) whose speaker the gold can name; the gold
 * name or one of its listed ASR spellings counts.
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
  const spoken = (g: (typeof gold)[number]) => [g.speaker, ...g.aliases].map((n) => n.toLowerCase());
  const f = boundaryF1(summary.sections.map((s) => s.startLine), gold.map((g) => g.line), (p, i) => spoken(gold[i]!).includes(summary.sections[p]!.speaker?.toLowerCase() ?? '\u0000'));
  const named = gold.map((g, i) => ({ g, i })).filter(({ g }) => TALKS.has(g.role) && !g.speaker.startsWith('?') && !g.speaker.startsWith('('));
  const correct = named.filter(({ g, i }) => {
    const s = summary.sections[f.matched.get(i) ?? -1];
    return s?.speaker != null && [g.speaker, ...g.aliases].some((n) => n.toLowerCase() === s.speaker!.toLowerCase());
  });
  const panel = gold.map((g, i) => ({ g, i })).filter(({ g }) => g.role === 'panel' && !g.speaker.startsWith('?'));
  const panelCorrect = panel.filter(({ g, i }) => spoken(g).includes(summary.sections[f.matched.get(i) ?? -1]?.speaker?.toLowerCase() ?? '\u0000'));
  return {
    ...f, gold: gold.length, named: named.length, correct: correct.length, accuracy: named.length ? correct.length / named.length : 0,
    panel: `${panelCorrect.length}/${panel.length}`, summary,
  };
}

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../samples/waic-glossary.tsv', import.meta.url)), 'utf8')).glossary;
const pct = (x: number) => (100 * x).toFixed(1);
const report = (name: string, r: ReturnType<typeof evaluate>) =>
  `${name}: ${r.gold} gold turns, ${r.summary.sections.length} sections; boundary P ${pct(r.p)} R ${pct(r.r)} F1 ${pct(r.f1)}; talk speakers named ${r.correct}/${r.named} (${pct(r.accuracy)}%), panel speakers ${r.panel}`;

describe('dev annotation of speaker turns', () => {
  it('finds and names the turns of the seed forum transcript (001) within one line', () => {
    const r = evaluate('001-waic-2024-forum.txt', '001-turns.tsv');
    const g = evaluate('001-waic-2024-forum.txt', '001-turns.tsv', { glossary });
    console.log(`${report('001', r)}\n${report('001 + samples/waic-glossary.tsv', g)}`);
    expect(r.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(g.accuracy).toBeGreaterThanOrEqual(0.9);
    // the glossary corrects the spoken spelling of the first keynote (姚继志 → 姚期智)
    expect(g.summary.sections.find((s) => s.startLine === 21)?.speaker).toBe('姚期智');
  });

  it('finds the turns of the edited transcript (004) from its separators, labels and introductions', () => {
    const r = evaluate('004-frontier-safety-forum.md', '004-turns.tsv');
    console.log(report('004', r));
    expect(r.f1).toBeGreaterThanOrEqual(0.75);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.6);
  });

  it('summarises a 20× concatenation of the seed in linear time', () => {
    const text = fixture('001-waic-2024-forum.txt');
    const one = parseText(text, { fileName: 'one.txt' }).transcript;
    const { transcript } = parseText(Array(20).fill(text).join('\n'), { fileName: 'big.txt' });
    summarize(one); // warm up (JIT, ICU segmenter data)
    let cpu = process.cpuUsage();
    const single = summarize(one);
    const oneMs = process.cpuUsage(cpu).user / 1000;
    cpu = process.cpuUsage();
    const s = summarize(transcript);
    const bigMs = process.cpuUsage(cpu).user / 1000;
    console.log(`seed (${(text.length / 1e3).toFixed(0)} K chars): ${single.sections.length} sections in ${oneMs.toFixed(0)} ms CPU; 20× (${((text.length * 20) / 1e6).toFixed(1)} M chars): ${s.sections.length} sections in ${bigMs.toFixed(0)} ms CPU`);
    expect(s.sections.length).toBeGreaterThanOrEqual(20 * single.sections.length - 20);
    expect(bigMs).toBeLessThan(60 * Math.max(oneMs, 50));
  });
});
