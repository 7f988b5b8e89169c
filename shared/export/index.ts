/** The exporter registry: adding an exporter is one module plus one line here. */
import type { Exporter } from './exporter';
import { jsonReportExporter } from './json-report';
import { markdownExporter, srtExporter, txtExporter, vttExporter } from './subtitles';
import { summaryMarkdownExporter } from './summary-md';

export type { Exporter, ExportInput, ExportResult } from './exporter';
export { buildReport, type Report } from './json-report';

export const EXPORTERS: readonly Exporter[] = [
  srtExporter,
  vttExporter,
  txtExporter,
  markdownExporter,
  summaryMarkdownExporter,
  jsonReportExporter,
];

export function exporterById(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}

/** The exporter an output path's extension selects. */
export function exporterForPath(path: string): Exporter | undefined {
  const base = path.toLowerCase();
  // longest extension first, so `talk.summary.md` picks the summary over the transcript Markdown
  const byLength = [...EXPORTERS].sort((a, b) => b.extension.length - a.extension.length);
  return byLength.find((e) => base.endsWith(e.extension) || (e.aliases ?? []).some((a) => base.endsWith(a)));
}
