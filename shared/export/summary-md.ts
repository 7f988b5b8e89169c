/**
 * The Markdown summary page (GFM): title and event metadata, a table of contents, one section per speaker
 * turn (speaker, affiliation, role, lines and time range, key points, keywords, the full clean text in a
 * collapsible <details> block), the glossary of names and terms with their other-language equivalents, and a
 * short editing log. Labels are bilingual when the session is. Output is stable: no dates, no randomness,
 * the same input gives the same bytes. Text from the transcript is escaped so it never becomes Markdown or
 * HTML syntax; anchors are explicit (`<a id="s3"></a>`), so links work for CJK headings too.
 */
import { formatShort } from '../model/time';
import { summarize } from '../summary/index';
import type { Summary, SummaryOptions, SummarySection } from '../summary/types';
import type { Exporter, ExportInput, ExportResult } from './exporter';

type LabelKey = 'contents' | 'speaker' | 'role' | 'lines' | 'time' | 'keyPoints' | 'keywords' | 'fullText' | 'glossary' | 'term' | 'equivalent' | 'note' | 'log' | 'fillers' | 'names' | 'namesPending' | 'other' | 'pending' | 'unknown' | 'metadata' | 'sections';
const LABELS: Record<LabelKey, [string, string]> = {
  contents: ['目录', 'Contents'],
  speaker: ['发言人', 'Speaker'],
  role: ['环节', 'Role'],
  lines: ['行', 'Lines'],
  time: ['时间', 'Time'],
  keyPoints: ['要点', 'Key points'],
  keywords: ['关键词', 'Keywords'],
  fullText: ['全文（校对后）', 'Full text (clean)'],
  glossary: ['术语与人名', 'Glossary'],
  term: ['词条', 'Term'],
  equivalent: ['对应译名', 'Other language'],
  note: ['备注', 'Note'],
  log: ['编辑记录', 'Editing log'],
  fillers: ['删除的口头语与重复', 'Fillers and repetitions removed'],
  names: ['更正的人名与术语', 'Names and terms corrected'],
  namesPending: ['待确认的人名与术语更正', 'Name and term corrections to confirm'],
  other: ['其他修改', 'Other edits'],
  pending: ['待审的标记', 'Flags still pending'],
  unknown: ['未识别', 'unidentified'],
  metadata: ['活动信息', 'Event'],
  sections: ['段落', 'Sections'],
};
const ROLE: Record<string, [string, string]> = {
  host: ['主持', 'host'],
  keynote: ['主旨演讲', 'keynote'],
  video: ['视频', 'video'],
  panel: ['圆桌', 'panel'],
  launch: ['发布', 'launch'],
  remarks: ['致辞', 'remarks'],
};

/** Escapes text so Markdown and HTML read it literally (inline context). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, (_, sp: string, mark: string) => `${sp}${mark.replace(/([-+=.)])$/, '\\$1')}`)
    .replace(/&(?=[#\w]+;)/g, '&amp;');
}

function label(summary: Summary, key: LabelKey): string {
  const [zh, en] = LABELS[key];
  if (summary.bilingual) return `${zh} · ${en}`;
  return mainLang(summary) === 'en' ? en : zh;
}

function mainLang(summary: Summary): 'zh' | 'en' {
  const en = summary.sections.filter((s) => s.lang === 'en').length;
  return en > summary.sections.length / 2 ? 'en' : 'zh';
}

function roleText(summary: Summary, role: string): string {
  const [zh, en] = ROLE[role] ?? [role, role];
  return summary.bilingual ? `${zh} · ${en}` : mainLang(summary) === 'en' ? en : zh;
}

function timeRange(s: SummarySection): string | null {
  if (s.start === null) return null;
  return s.end === null ? formatShort(s.start) : `${formatShort(s.start)}–${formatShort(s.end)}`;
}

function speakerText(summary: Summary, s: SummarySection): string {
  return s.speaker ? escapeMarkdown(s.speaker) : `(${label(summary, 'unknown')})`;
}

function heading(summary: Summary, s: SummarySection, index: number): string {
  return `${index + 1}. ${speakerText(summary, s)} — ${roleText(summary, s.role)}`;
}

function sectionBlock(summary: Summary, s: SummarySection, index: number): string[] {
  const out = [`<a id="s${index + 1}"></a>`, '', `## ${heading(summary, s, index)}`, ''];
  const facts = [`- **${label(summary, 'speaker')}:** ${speakerText(summary, s)}${s.affiliation ? `（${escapeMarkdown(s.affiliation)}）` : ''}`];
  facts.push(`- **${label(summary, 'role')}:** ${roleText(summary, s.role)}`);
  facts.push(`- **${label(summary, 'lines')}:** ${s.startLine}–${s.endLine}`);
  const range = timeRange(s);
  if (range) facts.push(`- **${label(summary, 'time')}:** ${range}`);
  if (s.keywords.length > 0) facts.push(`- **${label(summary, 'keywords')}:** ${s.keywords.map(escapeMarkdown).join(' · ')}`);
  out.push(...facts, '');
  if (s.keyPoints.length > 0) {
    out.push(`**${label(summary, 'keyPoints')}**`, '');
    for (const p of s.keyPoints) out.push(`- ${p.start !== null ? `[${formatShort(p.start)}] ` : ''}${escapeMarkdown(p.text)}`);
    out.push('');
  }
  out.push('<details>', `<summary>${label(summary, 'fullText')}</summary>`, '');
  for (const p of s.paragraphs) out.push(escapeMarkdown(p), '');
  out.push('</details>', '');
  return out;
}

function metadataBlock(summary: Summary): string[] {
  const entries = Object.entries(summary.metadata).filter(([, v]) => v.trim() !== '');
  const out: string[] = [];
  if (entries.length > 0) {
    out.push(`## ${label(summary, 'metadata')}`, '');
    for (const [key, value] of entries) {
      const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length === 1) out.push(`- **${escapeMarkdown(key)}:** ${escapeMarkdown(lines[0]!.replace(/^[-*+]\s+/, ''))}`);
      else {
        out.push(`- **${escapeMarkdown(key)}:**`);
        for (const l of lines) out.push(`  - ${escapeMarkdown(l.replace(/^[-*+]\s+/, '').replace(/\*\*/g, ''))}`);
      }
    }
    out.push('');
  }
  return out;
}

function cell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}

/** How many pending name corrections the editing log lists (most frequent first). */
const MAX_PENDING_NAMES = 12;

/** Renders a summary as a Markdown page (see the file comment). */
export function renderSummaryMarkdown(summary: Summary): string {
  const title = summary.title ?? (mainLang(summary) === 'en' ? 'Session summary' : '会议纪要');
  const out: string[] = [`# ${escapeMarkdown(title)}`, ''];
  out.push(...metadataBlock(summary));
  out.push(`## ${label(summary, 'contents')}`, '');
  summary.sections.forEach((s, i) => {
    const range = timeRange(s);
    out.push(`${i + 1}. [${speakerText(summary, s)} — ${roleText(summary, s.role)}](#s${i + 1}) (${range ?? `${label(summary, 'lines')} ${s.startLine}–${s.endLine}`})`);
  });
  out.push('');
  summary.sections.forEach((s, i) => out.push(...sectionBlock(summary, s, i)));
  if (summary.glossaryUsed.length > 0) {
    out.push(`## ${label(summary, 'glossary')}`, '', `| ${label(summary, 'term')} | ${label(summary, 'equivalent')} | ${label(summary, 'note')} |`, '| --- | --- | --- |');
    for (const g of summary.glossaryUsed) out.push(`| ${cell(g.term)} | ${cell(g.equivalent)} | ${cell(g.note)} |`);
    out.push('');
  }
  const log = summary.log;
  const pendingKinds = Object.entries(log.pendingByKind).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
  out.push(`## ${label(summary, 'log')}`, '');
  out.push(`- ${label(summary, 'fillers')}: ${log.fillersRemoved}`);
  out.push(`- ${label(summary, 'names')}: ${log.namesCorrected}`);
  out.push(`- ${label(summary, 'other')}: ${log.otherEdits}`);
  out.push(`- ${label(summary, 'pending')}: ${log.pending}${pendingKinds ? ` (${pendingKinds})` : ''}`);
  if (log.pendingNames.length > 0) {
    const shown = log.pendingNames.slice(0, MAX_PENDING_NAMES).map((n) => `${escapeMarkdown(n.original)} → ${escapeMarkdown(n.suggestion)} (${n.count})`);
    const more = log.pendingNames.length - shown.length;
    out.push(`- ${label(summary, 'namesPending')}: ${shown.join(', ')}${more > 0 ? `, … (+${more})` : ''}`);
  }
  return out.join('\n') + '\n';
}

/** Summary options from an export input (the app's export dialog and the CLI share this). */
export function summaryOptions(input: ExportInput, extra: Partial<SummaryOptions> = {}): SummaryOptions {
  return {
    flags: input.flags,
    ...(input.decisions ? { decisions: input.decisions } : {}),
    ...(input.edits ? { edits: input.edits } : {}),
    ...(input.level ? { level: input.level } : {}),
    ...extra,
  };
}

/** The Markdown summary exporter (`.summary.md`). Verbatim mode summarises the raw text. */
export const summaryMarkdownExporter: Exporter = {
  id: 'summary-md',
  title: 'Markdown summary (sections, key points, glossary)',
  extension: '.summary.md',
  timed: false,
  export(input: ExportInput): ExportResult {
    const options = input.mode === 'verbatim' ? { flags: [] } : summaryOptions(input);
    return { text: renderSummaryMarkdown(summarize(input.transcript, options)), diagnostics: [] };
  },
};
