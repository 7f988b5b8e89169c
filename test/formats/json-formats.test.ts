import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseBytes, parseText } from '../../shared/formats/index';
import { SAMPLES, readBytes } from '../helpers';

describe('Whisper JSON', () => {
  it('reads the openai-whisper sample with words, probabilities and quality signals', () => {
    const result = parseBytes(readBytes(join(SAMPLES, 'whisper-talk.json')), { fileName: 'whisper-talk.json' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { transcript, format } = result.value;
    expect(format).toBe('whisper-json');
    expect(transcript.metadata['language']).toBe('zh');
    const [first, , third, last] = transcript.segments;
    expect(first).toMatchObject({ start: 0, end: 4200, lang: 'zh', sourceLine: 7 });
    expect(first!.words![1]).toEqual({ text: '越越来越来越', start: 400, end: 1300, probability: 0.61 });
    expect(third).toMatchObject({ raw: 'And and the risk is is real.', lang: 'en' });
    expect(last!.asr).toEqual({ noSpeechProb: 0.88, avgLogprob: -0.95, compressionRatio: 0.9, temperature: 0.6 });
  });

  it('reads WhisperX speakers and word scores', () => {
    const json = JSON.stringify({ segments: [{ start: 1.5, end: 3, text: ' Hello there.', speaker: 'SPEAKER_01', words: [{ word: 'Hello', start: 1.5, end: 2, score: 0.9, speaker: 'SPEAKER_01' }] }], word_segments: [] });
    const { transcript, format } = parseText(json);
    expect(format).toBe('whisper-json');
    expect(transcript.segments[0]).toMatchObject({ raw: 'Hello there.', speaker: 'SPEAKER_01', start: 1500, end: 3000 });
    expect(transcript.segments[0]!.words![0]!.probability).toBe(0.9);
  });

  it('reads whisper-timestamped word confidences and whisper.cpp offsets', () => {
    const wt = parseText(JSON.stringify({ text: 'x', segments: [{ id: 0, start: 0, end: 1, text: '你好', confidence: 0.9, words: [{ text: '你好', start: 0, end: 1, confidence: 0.8 }] }] }));
    expect(wt.transcript.segments[0]!.words![0]).toEqual({ text: '你好', start: 0, end: 1000, probability: 0.8 });
    const cpp = parseText(JSON.stringify({ transcription: [{ timestamps: { from: '00:00:00,000', to: '00:00:02,000' }, offsets: { from: 0, to: 2000 }, text: ' 大家好' }] }));
    expect(cpp.format).toBe('whisper-json');
    expect(cpp.transcript.segments[0]).toMatchObject({ raw: '大家好', start: 0, end: 2000 });
  });

  it('reports truncated JSON as an error, not a crash', () => {
    const text = JSON.stringify({ segments: [{ start: 0, end: 1, text: 'a' }] }).slice(0, 30);
    const result = parseBytes(new TextEncoder().encode(text), { fileName: 'cut.json', format: 'whisper-json' });
    expect(result).toMatchObject({ ok: false, code: 'json.invalid' });
  });
});

describe('Bilibili BCC JSON', () => {
  it('reads body cues with times in seconds', () => {
    const result = parseBytes(readBytes(join(SAMPLES, 'bilibili-subtitle.bcc.json')), { fileName: 'x.json' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.format).toBe('bcc-json');
    const segments = result.value.transcript.segments;
    expect(segments).toHaveLength(6);
    expect(segments[2]).toMatchObject({ start: 9100, end: 13400, raw: '我是来自清华大学的薛岚，也是本场论坛的主持人。', sourceLine: 10 });
  });

  it('warns about a cue without times and keeps the others', () => {
    const { transcript, diagnostics } = parseText(JSON.stringify({ body: [{ from: 1, to: 2, content: '甲' }, { content: '乙' }] }, null, 1));
    expect(transcript.segments).toHaveLength(2);
    expect(diagnostics.map((d) => d.code)).toContain('bcc.no-times');
  });
});
