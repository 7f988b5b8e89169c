import { it } from 'vitest';
import { parseText } from '../../shared/formats/index';
import { summarize } from '../../shared/summary/index';
import { fixture, readGold, boundaryF1 } from '../../test/summary/helpers';
for (const [file, goldFile] of [['001-waic-2024-forum.txt', '001-turns.tsv'], ['004-frontier-safety-forum.md', '004-turns.tsv']]) {
  it(file, () => {
    const { transcript } = parseText(fixture(file), { fileName: file });
    const s = summarize(transcript);
    const gold = readGold(goldFile);
    const f = boundaryF1(s.sections.map((x) => x.startLine), gold.map((g) => g.line));
    const matchedPred = new Set(f.matched.values());
    const rows: string[] = [];
    s.sections.forEach((x, i) => rows.push(`${x.startLine}\tP${matchedPred.has(i) ? '+' : '-'}\t${x.speaker}\t${x.role}\t${x.cues.join(',')}\t${x.paragraphs[0]?.slice(0, 40)}`));
    gold.forEach((g, i) => { if (!f.matched.has(i)) rows.push(`${g.line}\tMISS\t${g.speaker}\t${g.role}`); else { const x = s.sections[f.matched.get(i)!]!; if (x.speaker !== g.speaker && !g.aliases.includes(x.speaker ?? '')) rows.push(`${g.line}\tNAME\tgold ${g.speaker} got ${x.speaker}\t${g.role}/${x.role}`); } });
    rows.sort((a, b) => parseInt(a) - parseInt(b));
    console.log(file, `P ${f.p.toFixed(3)} R ${f.r.toFixed(3)} F1 ${f.f1.toFixed(3)}\n` + rows.join('\n'));
  });
}
