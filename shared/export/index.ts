/** The exporter registry: adding an exporter is one module plus one line here. */
import type { Exporter } from './exporter';
import { jsonReportExporter } from './json-report';
import { markdownExporter, srtExporter, txtExporter, vttExporter } from './subtitles';

export type { Exporter, ExportInput, ExportResult } from './exporter';
export { buildReport, type Report } from './json-report';

export const EXPORTERS: readonly Exporter[] = [srtExporter, vttExporter, txtExporter, markdownExporter, jsonReportExporter];

export function exporterById(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}

/** The exporter an output path's extension selects. */
export function exporterForPath(path: string): Exporter | undefined {
  const base = path.toLowerCase();
  return EXPORTERS.find((e) => base.endsWith(e.extension) || (e.aliases ?? []).some((a) => base.endsWith(a)));
}
