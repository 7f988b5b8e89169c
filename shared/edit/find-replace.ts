/**
 * Find and replace across segments, plain or regular-expression, over each segment's clean text (what the user
 * reads and exports). Replacing writes manual edits; all replacements are one undo step. A plain query is escaped
 * into a RegExp so both modes share one loop; regex mode uses the `u` flag so `.` matches a whole code point.
 */
import type { Change, EditDoc, Step } from './document';
import { cleanText } from './operations';

export interface FindOptions {
  regex?: boolean;
  caseSensitive?: boolean;
}

export interface Match {
  segmentId: string;
  /** UTF-16 offsets into the segment's clean text. */
  start: number;
  end: number;
}

export type CompiledQuery = { ok: true; pattern: RegExp } | { ok: false; message: string };

/** Builds the global RegExp for a query; an invalid regex is reported, not thrown. */
export function compileQuery(query: string, options: FindOptions = {}): CompiledQuery {
  if (query === '') return { ok: false, message: 'empty query' };
  const source = options.regex ? query : query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return { ok: true, pattern: new RegExp(source, `gu${options.caseSensitive ? '' : 'i'}`) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** Every match in document order, up to `limit`. Empty matches are skipped. */
export function findAll(doc: EditDoc, pattern: RegExp, limit = 100_000): Match[] {
  const out: Match[] = [];
  for (const segment of doc.transcript.segments) {
    const text = cleanText(doc, segment);
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      out.push({ segmentId: segment.id, start: m.index, end: m.index + m[0].length });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * Replaces every match (regex replacements may use `$1`…) and returns one step of manual edits,
 * or null when nothing matched.
 */
export function replaceAll(doc: EditDoc, pattern: RegExp, replacement: string): Step | null {
  const changes: Change[] = [];
  for (const segment of doc.transcript.segments) {
    const text = cleanText(doc, segment);
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const next = text.replace(pattern, replacement);
    if (next !== text) changes.push({ type: 'edit', segmentId: segment.id, before: doc.edits[segment.id], after: next });
  }
  if (changes.length === 0) return null;
  return { label: { action: 'replace', count: changes.length }, changes };
}
