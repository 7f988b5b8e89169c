import { it } from 'vitest';
import { parseText } from '../../shared/formats/index';
import { buildUnits } from '../../shared/summary/units';
import { clauseCues } from '../../shared/summary/cues';
import { fixture } from './helpers';
it('cues', () => {
  const file = process.env.F ?? '004-frontier-safety-forum.md';
  const lines = (process.env.L ?? '111').split(',').map(Number);
  const { transcript } = parseText(fixture(file), { fileName: file });
  const units = buildUnits(transcript, new Map(), {});
  let sentence = '';
  const out: string[] = [];
  units.forEach((u, i) => {
    if (i > 0 && (units[i - 1]!.sentenceEnd || units[i - 1]!.segment !== u.segment)) sentence = '';
    sentence += u.clean;
    if (!lines.includes(u.line)) return;
    let rest = ''; for (let j = i; j < units.length && units[j]!.segment === u.segment; j++) { rest += units[j]!.clean; if (units[j]!.sentenceEnd) break; }
    const c = clauseCues(u.clean, sentence, rest.slice(0, 80));
    const f = Object.entries(c).filter(([, v]) => v).map(([k, v]) => (v === true ? k : `${k}=${v}`)).join(' ');
    out.push(`${u.line}#${i} [${f}] ${u.clean.slice(0, 50)}`);
  });
  console.log(out.join('\n'));
});
