import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { summaryMarkdownExporter, renderSummaryMarkdown } from '../../shared/export/summary-md';
import { parseGlossary } from '../../shared/glossary/glossary';
import type { Flag } from '../../shared/model/flag';
import { summarize } from '../../shared/summary/index';
import { fromLines } from './helpers';

type Node = { type: string; depth?: number; value?: string; children?: Node[] };

function parse(md: string): Node {
  const tree: unknown = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return tree as Node;
}

function text(node: Node): string {
  return node.value ?? (node.children ?? []).map(text).join('');
}

function all(node: Node, type: string): Node[] {
  const out: Node[] = node.type === type ? [node] : [];
  for (const c of node.children ?? []) out.push(...all(c, type));
  return out;
}

const session = fromLines(
  '各位嘉宾，大家好。我是来自清华大学的薛澜，也是本场论坛的主持人。下面我们掌声有请姚期智院士。',
  '非常感谢薛院长的介绍。今天我想谈谈人工智能安全治理的研究走向，重点是大模型时代的数据安全问题和可证明安全的人工智能系统。',
  '大模型在训练的时候用过很多数据，这些数据里面可能包含别人的隐私，攻击者可以把它们挖出来。',
  '我们需要发展一套核心理论，使得大模型时代的数据安全研究更有效率、更系统化。呃所以*治理*要跟上。谢谢大家。',
  '特别感谢姚先生非常精彩的演讲。下面有请下一位嘉宾。Thank you, it is a delight to be here with all of you today.',
  'Legal frameworks that ensure ethical AI use are needed, with transparency, accountability and fairness for everyone.',
);

describe('Markdown summary page', () => {
  const flags: Flag[] = [
    { id: 'f1', segmentId: 's4', start: 37, end: 38, kind: 'filler', ruleId: 'zh.filler', suggestion: '', confidence: 0.95, reason: '呃' },
    { id: 'f2', segmentId: 's2', start: 0, end: 2, kind: 'hallucination', ruleId: 'any.hallucination', suggestion: '', confidence: 0.5, reason: 'x' },
  ];
  const { glossary } = parseGlossary('姚期智\tAndrew Chi-Chih Yao\t清华大学\n治理\tgovernance\n');
  const md = renderSummaryMarkdown(summarize({ ...session, title: 'WAIC 2024 | 治理论坛' }, { flags, glossary }));
  const tree = parse(md);

  it('has the title, a table of contents and one heading per section', () => {
    const h = all(tree, 'heading');
    expect(h[0]).toMatchObject({ depth: 1 });
    expect(text(h[0]!)).toBe('WAIC 2024 | 治理论坛');
    const sections = h.filter((x) => x.depth === 2 && /^\d+\. /.test(text(x)));
    expect(sections.map(text)).toEqual([
      '1. 薛澜 — 主持 · host',
      '2. 姚期智 — 主旨演讲 · keynote',
      '3. 薛澜 — 主持 · host',
      '4. (未识别 · unidentified) — 主旨演讲 · keynote',
    ]);
    const links = all(tree, 'link').map((l) => (l as unknown as { url: string }).url);
    expect(links).toEqual(['#s1', '#s2', '#s3', '#s4']);
  });

  it('keeps the full clean text in a collapsible details block per section', () => {
    const html = all(tree, 'html').map((n) => n.value ?? '');
    expect(html.filter((v) => v.startsWith('<details>')).length).toBe(4);
    expect(html.filter((v) => v === '</details>').length).toBe(4);
    expect(md).toContain('所以\\*治理\\*要跟上'); // escaped: no emphasis from the transcript
    expect(md).not.toContain('呃所以');
  });

  it('lists key points, a glossary table and the editing log', () => {
    expect(md).toMatch(/\*\*要点 · Key points\*\*/);
    const tables = all(tree, 'table');
    expect(tables.length).toBe(1);
    expect(text(tables[0]!)).toContain('Andrew Chi-Chih Yao');
    expect(md).toMatch(/删除的口头语与重复 · Fillers and repetitions removed: 1/);
    expect(md).toMatch(/待审的标记 · Flags still pending: 1 \(hallucination 1\)/);
  });

  it('never picks a key point from a sentence with an unresolved hallucination flag', () => {
    const s = summarize(session, { flags });
    const points = s.sections.flatMap((x) => x.keyPoints.map((k) => k.text));
    expect(points.some((p) => p.startsWith('非常感谢薛院长'))).toBe(false);
  });

  it('counts applied name corrections and lists the pending ones in the editing log', () => {
    const t = fromLines('各位嘉宾，大家好。我是来自清华大学的薛岚，也是本场论坛的主持人。', '智理研究需要国际合作，智理也需要持续的研究投入和人才培养。');
    const at = (seg: string, text: string, from = 0) => t.segments.find((x) => x.id === seg)!.raw.indexOf(text, from);
    const flag = (id: string, segmentId: string, start: number, suggestion: string, confidence: number): Flag => ({
      id, segmentId, start, end: start + 2, kind: 'misrecognition', ruleId: 'zh.glossary', suggestion, confidence, reason: 'glossary',
    });
    const names = [
      flag('n1', 's1', at('s1', '薛岚'), '薛澜', 0.95),
      flag('n2', 's2', at('s2', '智理'), '治理', 0.5),
      flag('n3', 's2', at('s2', '智理', 2), '治理', 0.5),
    ];
    const s = summarize(t, { flags: names });
    expect(s.log.namesCorrected).toBe(1);
    expect(s.log.pendingNames).toEqual([{ original: '智理', suggestion: '治理', count: 2 }]);
    expect(renderSummaryMarkdown(s)).toMatch(/待确认的人名与术语更正[^\n]*: 智理 → 治理 \(2\)/);
  });

  it('is stable: the same input gives the same bytes', () => {
    const again = summaryMarkdownExporter.export({ transcript: session, flags, mode: 'clean' }).text;
    expect(summaryMarkdownExporter.export({ transcript: session, flags, mode: 'clean' }).text).toBe(again);
  });
});
