// Parse/serialise throughput on a generated 100,000-cue bilingual SRT (~10 MB): Jiaodui's tolerant parser
// against the `subtitle` package's parseSync/stringifySync on the same text.
import { parseSync, stringifySync } from 'subtitle';
import { loadTs, time } from './lib.mjs';

const { parseText, serializeTranscript } = await loadTs('shared/formats/index.ts');

function clock(ms) {
  const p = (n, w) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3600000), 2)}:${p(Math.floor(ms / 60000) % 60, 2)}:${p(Math.floor(ms / 1000) % 60, 2)},${p(ms % 1000, 3)}`;
}

const CUES = 100_000;
const parts = [];
for (let i = 0; i < CUES; i++) {
  const start = i * 2500;
  parts.push(`${i + 1}\n${clock(start)} --> ${clock(start + 2200)}\n第${i}句：人工智能治理需要国际合作。\nLine ${i}: AI governance needs international cooperation.\n`);
}
const srt = parts.join('\n');

const ours = time(() => parseText(srt, { format: 'srt' }), 5);
const theirs = time(() => parseSync(srt), 5);
const parsed = parseText(srt, { format: 'srt' });
const nodes = parseSync(srt);
const oursOut = time(() => serializeTranscript(parsed.transcript, 'srt'), 5);
const theirsOut = time(() => stringifySync(nodes, { format: 'SRT' }), 5);

console.log(JSON.stringify({
  bench: 'formats.srt-100k',
  bytes: Buffer.byteLength(srt),
  cues: parsed.transcript.segments.length,
  parseMs: { jiaodui: ours, subtitle: theirs },
  serializeMs: { jiaodui: oursOut, subtitle: theirsOut },
}));
