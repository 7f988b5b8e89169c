/**
 * The virtualized segment list (@tanstack/react-virtual): only the rows in view (plus overscan) exist in the DOM,
 * with heights measured as they render, so a 70,000-segment transcript scrolls like a short one. The selected
 * flag's segment is scrolled into view when the selection moves (J/K).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { segmentPositions, visibleSegments } from '../../state/derived';
import { useApp } from '../../state/store';
import { SegmentRow } from './SegmentRow';

export function SegmentList() {
  const t = useT();
  const doc = useApp((s) => s.editor.doc);
  const filters = useApp((s) => s.filters);
  const selection = useApp((s) => s.editor.selection);
  const editing = useApp((s) => s.editing);
  const rows = visibleSegments(doc, filters);
  const parentRef = useRef<HTMLDivElement>(null);
  // a stable key function: a new one each render would make the virtualizer rebuild all its measurements
  const getItemKey = useCallback((i: number) => doc.transcript.segments[rows[i]!]!.id, [doc.transcript.segments, rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey,
  });

  useEffect(() => {
    if (!selection.segmentId) return;
    const index = segmentPositions(doc.transcript.segments, null).get(selection.segmentId);
    if (index === undefined) return;
    const row = rows.indexOf(index);
    if (row < 0) return;
    const el = parentRef.current?.querySelector(`[data-segment-id="${CSS.escape(selection.segmentId)}"]`);
    const box = el?.getBoundingClientRect();
    const view = parentRef.current?.getBoundingClientRect();
    if (box && view && box.top >= view.top && box.bottom <= view.bottom) return;
    virtualizer.scrollToIndex(row, { align: 'center' });
    // only a selection change scrolls; rows and doc changes must not
  }, [selection.segmentId, selection.flagId]);

  return (
    <div className="segment-list" ref={parentRef} data-testid="segment-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const segment = doc.transcript.segments[rows[item.index]!]!;
          const selected = selection.segmentId === segment.id;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="row" style={{ transform: `translateY(${item.start}px)` }}>
              <SegmentRow
                segment={segment}
                doc={doc}
                selected={selected}
                selectedFlagId={selected ? selection.flagId : null}
                editing={editing === segment.id}
                t={t}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
