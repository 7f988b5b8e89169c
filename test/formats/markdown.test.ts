import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseBytes, parseText } from '../../shared/formats/index';
import { SAMPLES, readBytes } from '../helpers';

describe('Markdown transcripts', () => {
  it('reads the forum transcript: header lists and tables are metadata, sections split at ---', () => {
    const result = parseBytes(readBytes(join(SAMPLES, 'forum-transcript.md')), { fileName: 'forum-transcript.md' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { transcript, format } = result.value;
    expect(format).toBe('markdown');
    expect(transcript.title).toBe('前沿人工智能安全与治理论坛 (上午场)');
    expect(transcript.metadata['主要嘉宾介绍']).toContain('**张亚勤**：清华大学智能产业研究院院长');
    expect(transcript.metadata['会议日程']).toContain('| 09:00 - 09:05 | 领导致辞 | - |');
    expect(transcript.segments.some((s) => s.raw.includes('张亚勤'))).toBe(false);
    expect(transcript.segments[0]!.raw).toMatch(/^谢谢穆迪秘书长的精彩致辞/);
    expect(transcript.segments[0]!.sourceLine).toBe(49);
    expect(transcript.markers.filter((m) => m.kind === 'section').length).toBeGreaterThanOrEqual(2);
  });

  it('detects Markdown by content even with a .txt name', () => {
    const text = '## 论坛\n\n- **甲**：教授\n\n---\n\n大家好。\n';
    expect(parseText(text, { fileName: 'x.txt' }).format).toBe('markdown');
  });

  it('reads speaker prefixes and times our exporter writes', () => {
    const { transcript } = parseText('# T\n\n---\n\n[00:00:01.000 → 00:00:02.500] **薛澜**：欢迎各位。\n\n普通段落。\n');
    expect(transcript.segments[0]).toMatchObject({ raw: '欢迎各位。', speaker: '薛澜', start: 1000, end: 2500 });
    expect(transcript.segments[1]).toMatchObject({ raw: '普通段落。' });
  });

  it('keeps YAML front matter as metadata', () => {
    const { transcript } = parseText('---\ntitle: 聚焦\nsource: 新华社\n---\n\n# 聚焦\n\n## 一\n\n正文第一段。\n');
    expect(transcript.metadata).toMatchObject({ title: '聚焦', source: '新华社' });
    expect(transcript.title).toBe('聚焦');
    expect(transcript.segments.map((s) => s.raw)).toEqual(['正文第一段。']);
  });
});
