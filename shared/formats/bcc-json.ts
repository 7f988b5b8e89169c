/**
 * Bilibili BCC subtitles: `{ font_size, font_color, background_alpha, background_color, Stroke,
 * body: [{ from, to, location, content }] }` with times in seconds. The seed recordings come from Bilibili.
 */
import { DiagnosticSink } from '../model/diagnostics';
import { detectLang } from '../model/lang';
import type { Segment } from '../model/segment';
import { emptyTranscript, type ParseResult, type Transcript } from '../model/transcript';
import type { FormatModule } from './format';
import { isRecord, keyLines, num, secondsToMs, str, tryJson } from './json-util';

const STYLE_KEYS = ['font_size', 'font_color', 'background_alpha', 'background_color', 'Stroke', 'lan', 'lan_doc'] as const;

function parse(text: string): ParseResult {
  const sink = new DiagnosticSink();
  const transcript = emptyTranscript();
  const json = tryJson(text);
  if (!json.ok) {
    sink.error(0, 'json.invalid', `not valid JSON: ${json.message}`);
    return { transcript, diagnostics: sink.items };
  }
  const data = json.value;
  if (!isRecord(data) || !Array.isArray(data['body'])) {
    sink.error(0, 'bcc.no-body', 'no "body" array: not a Bilibili BCC subtitle file');
    return { transcript, diagnostics: sink.items };
  }
  for (const key of STYLE_KEYS) {
    const v = data[key];
    if (typeof v === 'string' || typeof v === 'number') transcript.metadata[`bcc.${key}`] = String(v);
  }
  const lineOf = keyLines(text, 'content');
  (data['body'] as unknown[]).forEach((item, i) => {
    const line = lineOf(i);
    if (!isRecord(item)) {
      sink.warn(line, 'bcc.bad-cue', `cue #${i + 1} is not an object; skipped`);
      return;
    }
    const raw = (str(item['content']) ?? '').trim();
    if (raw === '') {
      sink.info(line, 'bcc.empty-cue', `cue #${i + 1} has no content; skipped`);
      return;
    }
    const segment: Segment = { id: `s${transcript.segments.length + 1}`, sourceLine: line, lang: detectLang(raw), raw };
    const start = secondsToMs(item['from']);
    const end = secondsToMs(item['to']);
    if (start !== undefined) segment.start = start;
    if (end !== undefined) segment.end = end;
    if (start === undefined || end === undefined) sink.warn(line, 'bcc.no-times', `cue #${i + 1} lacks "from"/"to"`);
    else if (end < start) sink.warn(line, 'bcc.end-before-start', `cue #${i + 1} ends before it starts`);
    const location = num(item['location']);
    if (location !== undefined && location !== 2) segment.settings = `location:${location}`;
    transcript.segments.push(segment);
  });
  if (transcript.segments.length === 0) sink.warn(0, 'bcc.empty', 'the subtitle body is empty');
  return { transcript, diagnostics: sink.items };
}

function serialize(transcript: Transcript): string {
  const meta = transcript.metadata;
  const body = transcript.segments.map((s) => ({
    from: (s.start ?? 0) / 1000,
    to: (s.end ?? 0) / 1000,
    location: Number(/^location:(\d+)$/.exec(s.settings ?? '')?.[1] ?? 2),
    content: s.raw,
  }));
  return JSON.stringify({
    font_size: Number(meta['bcc.font_size'] ?? 0.4),
    font_color: meta['bcc.font_color'] ?? '#FFFFFF',
    background_alpha: Number(meta['bcc.background_alpha'] ?? 0.5),
    background_color: meta['bcc.background_color'] ?? '#9C27B0',
    Stroke: meta['bcc.Stroke'] ?? 'none',
    body,
  }, null, 2) + '\n';
}

export const bccJsonFormat: FormatModule = {
  id: 'bcc-json',
  title: 'Bilibili BCC subtitle JSON',
  extensions: ['.bcc', '.json'],
  sniff(text) {
    const head = text.slice(0, 4096).trimStart();
    if (!head.startsWith('{')) return 0;
    return /"body"\s*:\s*\[/.test(text.slice(0, 20000)) && /"(from|content)"\s*:/.test(text.slice(0, 20000)) ? 0.95 : 0;
  },
  parse,
  serialize,
};
