/**
 * Markdown transcripts like the edited forum transcript in the seeds (`004_…`):
 * - YAML-ish front matter (`---` / `key: value` / `---` on the first lines) becomes metadata;
 * - the first heading becomes the title; later headings and `---` rules become section markers;
 * - when the document opens with a header block (headings, lists, tables, short notes) that ends at the first
 *   `---`, that block is metadata (each heading's content under the heading's text), not speech;
 * - lists, tables and images elsewhere are metadata or slide markers too; every other paragraph is one segment;
 * - a paragraph starting with `**Name**：` or `**Name**:` names its speaker; `[00:01:02.500 → 00:01:05.000]`
 *   at the start carries times (our own exporter writes both, so a round trip keeps them).
 * Block scanning is line-based and linear; it never throws.
 */
import { DiagnosticSink } from '../model/diagnostics';
import { detectLang } from '../model/lang';
import { formatClock } from '../model/time';
import type { Segment } from '../model/segment';
import { emptyTranscript, type ParseResult, type Transcript } from '../model/transcript';
import type { FormatModule } from './format';

interface Block {
  kind: 'heading' | 'rule' | 'list' | 'table' | 'image' | 'paragraph';
  line: number;
  lines: string[];
  level?: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST = /^\s*(?:[-*+]|\d+[.)])\s+/;
const IMAGE = /^\s*!\[[^\]]*\]\(([^)\s]*)[^)]*\)\s*$/;
const SPEAKER = /^\*\*([^*\n]{1,40})\*\*\s*[：:]\s*/;
const TIMES = /^\[(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)\s*(?:→|-->|–|-)\s*(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)\]\s*/;

function blocks(lines: string[], from: number): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ kind: 'heading', line: lineNo, lines: [heading[2]!], level: heading[1]!.length });
      current = null;
    } else if (RULE.test(line)) {
      out.push({ kind: 'rule', line: lineNo, lines: [] });
      current = null;
    } else if (IMAGE.test(line)) {
      out.push({ kind: 'image', line: lineNo, lines: [IMAGE.exec(line)![1]!] });
      current = null;
    } else {
      const kind: Block['kind'] = LIST.test(line) ? 'list' : line.trimStart().startsWith('|') ? 'table' : 'paragraph';
      if (current && (current.kind === kind || (current.kind === 'list' && /^\s+\S/.test(line)))) current.lines.push(line);
      else out.push((current = { kind, line: lineNo, lines: [line] }));
    }
  }
  return out;
}

function frontMatter(lines: string[], metadata: Record<string, string>): number {
  if (lines[0]?.trim() !== '---') return 0;
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    if (lines[i]!.trim() === '---') {
      for (const l of lines.slice(1, i)) {
        const m = /^([\w-]+):\s*(.*)$/.exec(l);
        if (m) metadata[m[1]!] = m[2]!.replace(/^["']|["']$/g, '');
      }
      return i + 1;
    }
    if (!/^[\w-]+:/.test(lines[i]!)) return 0;
  }
  return 0;
}

function parseClock(text: string): number {
  const [h, m, rest] = text.split(':');
  const [s, frac = ''] = rest!.split(/[.,]/);
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number((frac + '000').slice(0, 3));
}

/** True when the blocks before the first rule are a header (no long speech-like paragraph run). */
function headerEnds(list: Block[]): number {
  const firstRule = list.findIndex((b) => b.kind === 'rule');
  if (firstRule <= 0) return -1;
  const head = list.slice(0, firstRule);
  const structured = head.filter((b) => b.kind !== 'paragraph').length;
  return structured >= Math.ceil(head.length / 2) ? firstRule : -1;
}

function parse(text: string): ParseResult {
  const sink = new DiagnosticSink();
  const transcript = emptyTranscript();
  const lines = text.split('\n');
  const list = blocks(lines, frontMatter(lines, transcript.metadata));
  if (transcript.metadata['title']) transcript.title = transcript.metadata['title'];
  const headerEnd = headerEnds(list);
  let heading = '';
  list.forEach((block, index) => {
    const here = transcript.segments.length;
    if (block.kind === 'heading') {
      if (transcript.title === null) transcript.title = block.lines[0]!;
      else if (index < headerEnd) heading = block.lines[0]!;
      else transcript.markers.push({ kind: 'section', line: block.line, beforeSegment: here, text: block.lines[0]! });
      return;
    }
    if (block.kind === 'rule') {
      if (index > headerEnd) transcript.markers.push({ kind: 'section', line: block.line, beforeSegment: here, text: '' });
      return;
    }
    if (block.kind === 'image') {
      transcript.markers.push({ kind: 'slide', line: block.line, beforeSegment: here, text: block.lines[0]! });
      return;
    }
    if (index < headerEnd || block.kind !== 'paragraph') {
      const key = heading || (block.kind === 'table' ? 'table' : block.kind === 'list' ? 'list' : 'note');
      const value = block.lines.join('\n');
      transcript.metadata[key] = transcript.metadata[key] ? `${transcript.metadata[key]}\n${value}` : value;
      return;
    }
    transcript.segments.push(paragraphSegment(block, here));
  });
  if (transcript.segments.length === 0) sink.warn(0, 'markdown.empty', 'the document holds no speech paragraphs');
  return { transcript, diagnostics: sink.items };
}

function paragraphSegment(block: Block, index: number): Segment {
  let raw = block.lines.map((l) => l.trim()).join('\n');
  const segment: Segment = { id: `s${index + 1}`, sourceLine: block.line, lang: 'zh', raw };
  const times = TIMES.exec(raw);
  if (times) {
    segment.start = parseClock(times[1]!);
    segment.end = parseClock(times[2]!);
    raw = raw.slice(times[0].length);
  }
  const speaker = SPEAKER.exec(raw);
  if (speaker) {
    segment.speaker = speaker[1]!.trim();
    raw = raw.slice(speaker[0].length);
  }
  segment.raw = raw;
  segment.lang = detectLang(raw);
  return segment;
}

/** Writes a Markdown transcript: title, metadata as a list, sections by `---`/headings, one paragraph per segment. */
function serialize(transcript: Transcript): string {
  const out: string[] = [];
  if (transcript.title !== null) out.push(`# ${transcript.title}`);
  const meta = Object.entries(transcript.metadata);
  if (meta.length > 0) {
    for (const [key, value] of meta) out.push(`## ${key}`, value);
    out.push('---');
  }
  const markers = transcript.markers;
  let next = 0;
  const flush = (index: number): void => {
    while (next < markers.length && markers[next]!.beforeSegment <= index) {
      const m = markers[next++]!;
      out.push(m.kind === 'slide' ? `![](${m.text})` : m.text ? `## ${m.text}` : '---');
    }
  };
  transcript.segments.forEach((s, i) => {
    flush(i);
    const times = s.start !== undefined && s.end !== undefined ? `[${formatClock(s.start, '.')} → ${formatClock(s.end, '.')}] ` : '';
    const speaker = s.speaker ? `**${s.speaker}**：` : '';
    out.push(times + speaker + s.raw);
  });
  flush(Number.MAX_SAFE_INTEGER);
  return out.join('\n\n') + '\n';
}

export const markdownFormat: FormatModule = {
  id: 'markdown',
  title: 'Markdown transcript',
  extensions: ['.md', '.markdown'],
  sniff(text) {
    // A lone `# title` over plain lines is the plain-text ASR form; Markdown needs more structure.
    const head = text.slice(0, 8192);
    const headings = head.match(/^#{1,6}\s+\S/gm)?.length ?? 0;
    const rules = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/m.test(head) ? 1 : 0;
    const lists = /^\s*[-*]\s+\*\*[^*]+\*\*/m.test(head) || /^\|.*\|\s*$/m.test(head) ? 1 : 0;
    const evidence = Math.max(0, headings - 1) + rules + lists;
    return evidence === 0 ? 0.05 : Math.min(0.2 + 0.15 * evidence, 0.6);
  },
  parse,
  serialize,
};
