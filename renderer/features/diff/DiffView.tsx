/** Diff view: each segment's verbatim text against its clean text, virtualized like the review list. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { cleanText } from '../../../shared/edit';
import { formatShort } from '../../../shared/model/time';
import { LangBadge } from '../../components/LangBadge';
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
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => 80, overscan: 6 });
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="view-bar">
        <label><input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t('diff.onlyChanged')}</label>
        <span className="legend"><del>{t('diff.raw')}</del> <ins>{t('diff.clean')}</ins></span>
      </div>
      {rows.length === 0 && <p className="muted pad">{t('diff.unchanged')}</p>}
      <div className="segment-list" ref={parentRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const segment = doc.transcript.segments[row.index]!;
            return (
              <div key={segment.id} data-index={item.index} ref={virtualizer.measureElement} className="row" style={{ transform: `translateY(${item.start}px)` }}>
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
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
