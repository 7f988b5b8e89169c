/**
 * Whisper JSON in the shapes the common tools write:
 * - openai-whisper / faster-whisper: `{ text, language, segments: [{ start, end, text, avg_logprob,
 *   compression_ratio, no_speech_prob, temperature, words?: [{ word, start, end, probability }] }] }`
 *   (a bare array of such segments is accepted too);
 * - WhisperX: segments with `speaker` and words with `score` (and `speaker`), plus `word_segments`;
 * - whisper-timestamped: words as `{ text, start, end, confidence }`;
 * - whisper.cpp `-oj`: `{ transcription: [{ offsets: { from, to } (ms), text }] }`.
 * Times in seconds become integer ms. The quality signals are kept in `segment.asr` for review ranking.
 * `sourceLine` is the line of the segment's `"text"` key in the file.
 */
import { DiagnosticSink } from '../model/diagnostics';
import { detectLang } from '../model/lang';
import type { Segment, Word } from '../model/segment';
import { emptyTranscript, type ParseResult, type Transcript } from '../model/transcript';
import type { FormatModule } from './format';
import { isRecord, keyLines, num, secondsToMs, str, tryJson } from './json-util';

function readWords(value: unknown): Word[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const words: Word[] = [];
  for (const w of value) {
    if (!isRecord(w)) continue;
    const text = str(w['word']) ?? str(w['text']);
    if (text === undefined) continue;
    const word: Word = { text };
    const start = secondsToMs(w['start']);
    const end = secondsToMs(w['end']);
    const p = num(w['probability']) ?? num(w['score']) ?? num(w['confidence']);
    if (start !== undefined) word.start = start;
    if (end !== undefined) word.end = end;
    if (p !== undefined) word.probability = p;
    words.push(word);
  }
  return words.length ? words : undefined;
}

function segmentsOf(data: unknown): { list: unknown[]; msTimes: boolean; language?: string } | null {
  if (Array.isArray(data)) return { list: data, msTimes: false };
  if (!isRecord(data)) return null;
  const language = str(data['language']) ?? (isRecord(data['result']) ? str(data['result']['language']) : undefined);
  if (Array.isArray(data['segments'])) return { list: data['segments'], msTimes: false, ...(language ? { language } : {}) };
  if (Array.isArray(data['transcription'])) return { list: data['transcription'], msTimes: true, ...(language ? { language } : {}) };
  return null;
}

function parse(text: string): ParseResult {
  const sink = new DiagnosticSink();
  const transcript = emptyTranscript();
  const json = tryJson(text);
  if (!json.ok) {
    sink.error(0, 'json.invalid', `not valid JSON: ${json.message}`);
    return { transcript, diagnostics: sink.items };
  }
  const found = segmentsOf(json.value);
  if (!found) {
    sink.error(0, 'whisper.no-segments', 'no "segments" (or whisper.cpp "transcription") array in this JSON');
    return { transcript, diagnostics: sink.items };
  }
  if (found.language) transcript.metadata['language'] = found.language;
  const listAt = Math.max(0, text.search(/"(segments|transcription)"\s*:/));
  const lineOf = keyLines(text, 'text', listAt);
  let textKeys = 0;
  found.list.forEach((item, i) => {
    if (!isRecord(item)) {
      sink.warn(0, 'whisper.bad-segment', `segment #${i + 1} is not an object; skipped`);
      return;
    }
    const raw = (str(item['text']) ?? '').trim();
    const line = lineOf(textKeys);
    if (str(item['text']) !== undefined) textKeys += 1 + countInnerText(item);
    if (raw === '') {
      sink.info(line, 'whisper.empty-segment', `segment #${i + 1} has no text; skipped`);
      return;
    }
    const offsets = isRecord(item['offsets']) ? item['offsets'] : null;
    const start = offsets ? num(offsets['from']) : secondsToMs(item['start']);
    const end = offsets ? num(offsets['to']) : secondsToMs(item['end']);
    const segment: Segment = { id: `s${transcript.segments.length + 1}`, sourceLine: line, lang: detectLang(raw), raw };
    if (start !== undefined) segment.start = Math.round(start);
    if (end !== undefined) segment.end = Math.round(end);
    if (start === undefined || end === undefined) sink.warn(line, 'whisper.no-times', `segment #${i + 1} has no start/end time`);
    else if (end < start) sink.warn(line, 'whisper.end-before-start', `segment #${i + 1} ends before it starts`);
    const words = readWords(item['words']);
    if (words) segment.words = words;
    const speaker = str(item['speaker']);
    if (speaker) segment.speaker = speaker;
    const asr = {
      noSpeechProb: num(item['no_speech_prob']),
      avgLogprob: num(item['avg_logprob']),
      compressionRatio: num(item['compression_ratio']),
      temperature: num(item['temperature']),
    };
    const kept = Object.fromEntries(Object.entries(asr).filter(([, v]) => v !== undefined));
    if (Object.keys(kept).length) segment.asr = kept;
    transcript.segments.push(segment);
  });
  if (transcript.segments.length === 0) sink.warn(0, 'whisper.empty', 'the JSON holds no segments with text');
  return { transcript, diagnostics: sink.items };
}

/** whisper-timestamped words carry their own "text" keys; count them so line lookup stays in step. */
function countInnerText(item: Record<string, unknown>): number {
  const words = item['words'];
  return Array.isArray(words) ? words.filter((w) => isRecord(w) && typeof w['text'] === 'string').length : 0;
}

const sec = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);

/** Writes openai-whisper's shape (times in seconds), keeping words, speakers and quality signals. */
function serialize(transcript: Transcript): string {
  const segments = transcript.segments.map((s, id) => ({
    id,
    start: sec(s.start),
    end: sec(s.end),
    text: s.raw,
    ...(s.speaker ? { speaker: s.speaker } : {}),
    ...(s.asr?.avgLogprob !== undefined ? { avg_logprob: s.asr.avgLogprob } : {}),
    ...(s.asr?.compressionRatio !== undefined ? { compression_ratio: s.asr.compressionRatio } : {}),
    ...(s.asr?.noSpeechProb !== undefined ? { no_speech_prob: s.asr.noSpeechProb } : {}),
    ...(s.asr?.temperature !== undefined ? { temperature: s.asr.temperature } : {}),
    ...(s.words ? { words: s.words.map((w) => ({ word: w.text, start: sec(w.start), end: sec(w.end), probability: w.probability })) } : {}),
  }));
  const language = transcript.metadata['language'];
  return JSON.stringify({ text: transcript.segments.map((s) => s.raw).join(' '), segments, ...(language ? { language } : {}) }, null, 2) + '\n';
}

export const whisperJsonFormat: FormatModule = {
  id: 'whisper-json',
  title: 'Whisper JSON (openai-whisper, faster-whisper, WhisperX, whisper-timestamped, whisper.cpp)',
  extensions: ['.json'],
  sniff(text) {
    const head = text.slice(0, 4096).trimStart();
    if (!head.startsWith('{') && !head.startsWith('[')) return 0;
    if (/"segments"\s*:/.test(head) && /"(start|text)"\s*:/.test(text.slice(0, 20000))) return 0.9;
    if (/"transcription"\s*:/.test(head) && /"offsets"\s*:/.test(text.slice(0, 20000))) return 0.9;
    if (head.startsWith('[') && /"start"\s*:/.test(head) && /"text"\s*:/.test(head)) return 0.7;
    return 0;
  },
  parse,
  serialize,
};
