/**
 * Plain-text ASR lines, like the Bilibili/Whisper dumps in the seed material:
 * - one non-empty line is one segment (its `sourceLine` is that physical line);
 * - a leading `# title` line (before any speech) becomes the title;
 * - Markdown image lines (`![](img/slide-03.png)`) are slide markers, not speech.
 * Anything that parses as another format scores higher in `sniff`, so this is the fallback.
 */
import { DiagnosticSink } from '../model/diagnostics';
import { detectLang } from '../model/lang';
import type { Segment } from '../model/segment';
import { emptyTranscript, type ParseResult, type Transcript } from '../model/transcript';
import type { FormatModule } from './format';

const IMAGE_LINE = /^\s*!\[[^\]]*\]\(([^)\s]*)[^)]*\)\s*$/;
const TITLE_LINE = /^#\s+(.+?)\s*#*\s*$/;

function parse(text: string): ParseResult {
  const sink = new DiagnosticSink();
  const transcript = emptyTranscript();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const lineNo = i + 1;
    const title = TITLE_LINE.exec(trimmed);
    if (title && transcript.title === null && transcript.segments.length === 0) {
      transcript.title = title[1]!;
      continue;
    }
    const image = IMAGE_LINE.exec(trimmed);
    if (image) {
      transcript.markers.push({ kind: 'slide', line: lineNo, beforeSegment: transcript.segments.length, text: image[1]! });
      continue;
    }
    if (/\uFFFD/.test(trimmed)) sink.warn(lineNo, 'text.replacement-char', 'line contains undecodable bytes (shown as �)');
    const segment: Segment = {
      id: `s${transcript.segments.length + 1}`,
      sourceLine: lineNo,
      lang: detectLang(trimmed),
      raw: trimmed,
    };
    transcript.segments.push(segment);
  }
  if (transcript.segments.length === 0) sink.warn(0, 'txt.empty', 'the file holds no speech lines');
  return { transcript, diagnostics: sink.items };
}

/** Writes one segment a line with blank lines between (as the seeds do), the title and slide markers kept. */
function serialize(transcript: Transcript): string {
  const out: string[] = [];
  if (transcript.title !== null) out.push(`# ${transcript.title}`);
  const slides = transcript.markers.filter((m) => m.kind === 'slide');
  let next = 0;
  transcript.segments.forEach((segment, index) => {
    while (next < slides.length && slides[next]!.beforeSegment <= index) out.push(`![](${slides[next++]!.text})`);
    out.push(segment.raw.replace(/\s*\n\s*/g, ' '));
  });
  while (next < slides.length) out.push(`![](${slides[next++]!.text})`);
  return out.join('\n\n') + '\n';
}

export const txtFormat: FormatModule = {
  id: 'txt',
  title: 'Plain text (one segment a line)',
  extensions: ['.txt', '.text'],
  sniff: (text) => (text.trim() === '' ? 0.05 : 0.1),
  parse,
  serialize,
};
