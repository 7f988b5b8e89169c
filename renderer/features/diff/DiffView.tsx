/** Diff view: each segment's verbatim text against its clean text, virtualized like the review list (VirtualList). */
import { useCallback, useMemo, useState } from 'react';
import { cleanText } from '../../../shared/edit';
import { formatShort } from '../../../shared/model/time';
import { LangBadge } from '../../components/LangBadge';
import { VirtualList } from '../../components/VirtualList';
import { estimateRow } from '../review/SegmentList';
import { useT } from '../../i18n/i18n';
import { useApp } from '../../state/store';
import { diffSegment } from './diff-tokens';

export function DiffView() {
  const t = useT();
  const doc = useApp((s) => s.editor.doc);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const rows = useMemo(() => {
    const out: { index: number; clean: string }[] = [];
    doc.transcript.segments.forEach((s, index) => {
      const clean = cleanText(doc, s);
      if (!onlyChanged || clean !== s.raw) out.push({ index, clean });
    });
    return out;
  }, [doc, onlyChanged]);
  const segments = doc.transcript.segments;
  const itemKey = useCallback((i: number) => segments[rows[i]!.index]!.id, [segments, rows]);
  const estimate = useCallback((i: number, width: number) => estimateRow(segments[rows[i]!.index]!, width), [segments, rows]);
  const render = (i: number) => {
    const row = rows[i]!;
    const segment = segments[row.index]!;
    return (
      <div className="segment diff-row" data-segment-id={segment.id}>
        <div className="segment-meta">
          <span className="time">{segment.start !== undefined ? formatShort(segment.start) : `#${segment.sourceLine}`}</span>
          <LangBadge lang={segment.lang} />
        </div>
        <div className="segment-text">
          {diffSegment(segment.raw, row.clean, segment.lang).map((p, k) =>
            p.op === 'added' ? <ins key={k}>{p.text}</ins> : p.op === 'removed' ? <del key={k}>{p.text}</del> : <span key={k}>{p.text}</span>,
          )}
        </div>
      </div>
    );
  };
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="view-bar">
        <label><input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t('diff.onlyChanged')}</label>
        <span className="legend"><del>{t('diff.raw')}</del> <ins>{t('diff.clean')}</ins></span>
      </div>
      {rows.length === 0 && <p className="muted pad">{t('diff.unchanged')}</p>}
      <VirtualList className="segment-list" count={rows.length} itemKey={itemKey} estimate={estimate} render={render} overscan={6} />
    </div>
  );
}
