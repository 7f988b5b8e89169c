/** The human form of `jiaodui check`: one line per flag, grouped by input line, and a summary by kind. */
import type { Report } from '../../shared/export/json-report';

function clip(text: string, max: number): string {
  const chars = [...text.replace(/\n/g, '⏎')];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
}

export function formatReportTable(report: Report, path: string): string {
  const lineOf = new Map(report.segments.map((s) => [s.id, s.sourceLine]));
  const out: string[] = [];
  for (const f of report.flags) {
    const line = lineOf.get(f.segmentId) ?? 0;
    const change = f.suggestion === '' ? `delete “${clip(f.text, 24)}”` : `“${clip(f.text, 24)}” → “${clip(f.suggestion, 24)}”`;
    out.push(`${path}:${line}:${f.start + 1}  ${f.kind.padEnd(14)} ${f.ruleId.padEnd(16)} ${f.confidence.toFixed(2)}${f.auto ? ' auto' : '     '}  ${change}  ${f.reason}`);
  }
  const byKind = new Map<string, number>();
  for (const f of report.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
  out.push(`${path}: ${report.segments.length} segments, ${report.flags.length} flags${kinds ? ` (${kinds})` : ''}, ${report.flags.filter((f) => f.auto).length} auto at this level`);
  return out.join('\n') + '\n';
}
