/**
 * The review list, virtualized (components/VirtualList.tsx): only the rows in view (plus overscan) exist in the
 * DOM, heights are estimated from the text length, measured once when shown and kept, so a 70,000-segment
 * transcript scrolls like a short one. The selected flag's segment is revealed when the selection moves (J/K);
 * while audio plays, the playing segment is highlighted and revealed as playback moves on (features/waveform).
 */
import { useCallback, useEffect, useRef } from 'react';
import { flagIndex } from '../../../shared/edit';
import type { Flag } from '../../../shared/model/flag';
import type { Segment } from '../../../shared/model/segment';
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList';
import { useT } from '../../i18n/i18n';
import { segmentPositions, visibleSegments } from '../../state/derived';
import { useApp } from '../../state/store';
import { timedSegments } from '../../state/timing';
import { usePlayer } from '../waveform';
import { SegmentRow } from './SegmentRow';

/** Layout constants of `.segment` in styles.css (15 px text at line-height 1.75, a 110 px meta column). */
const LINE = 26.25;
const CHROME = 17;
const META_MIN = 62;
const SIDE = 28 + 110 + 10;

/** Rough height of a segment row at a list width: average glyph width by language, wrapped lines. */
export function estimateRow(segment: Segment, width: number): number {
  const glyph = segment.lang === 'en' ? 7.5 : segment.lang === 'zh' ? 14.5 : 12;
  const perLine = Math.max(10, (width || 900) - SIDE);
  const lines = Math.max(1, Math.ceil((segment.raw.length * glyph) / perLine));
  return Math.max(META_MIN, lines * LINE) + CHROME;
}

const NO_FLAGS: readonly Flag[] = [];

export function SegmentList() {
  const t = useT();
  const doc = useApp((s) => s.editor.doc);
  const filters = useApp((s) => s.filters);
  const selection = useApp((s) => s.editor.selection);
  const editing = useApp((s) => s.editing);
  const rows = visibleSegments(doc, filters);
  const segments = timedSegments(doc);
  const playingId = usePlayer((p) => p.segmentId);
  const following = usePlayer((p) => p.playing);
  const list = useRef<VirtualListHandle>(null);
  const itemKey = useCallback((i: number) => segments[rows[i]!]!.id, [segments, rows]);
  const estimate = useCallback((i: number, width: number) => estimateRow(segments[rows[i]!]!, width), [segments, rows]);

  useEffect(() => {
    if (!selection.segmentId) return;
    const index = segmentPositions(doc.transcript.segments, null).get(selection.segmentId);
    if (index === undefined) return;
    list.current?.reveal(rows.indexOf(index));
    // only a selection change scrolls; rows and doc changes must not
  }, [selection.segmentId, selection.flagId]);

  useEffect(() => {
    if (!playingId || !following) return;
    const index = segmentPositions(doc.transcript.segments, null).get(playingId);
    if (index !== undefined) list.current?.reveal(rows.indexOf(index));
    // follow playback only: a paused player leaves the list where the user scrolled it
  }, [playingId, following]);

  const index = flagIndex(doc.flags);
  const render = (i: number) => {
    const segment = segments[rows[i]!]!;
    const selected = selection.segmentId === segment.id;
    return (
      <SegmentRow
        segment={segment}
        flags={index.get(segment.id) ?? NO_FLAGS}
        decisions={doc.decisions}
        level={doc.level}
        edit={doc.edits[segment.id]}
        selected={selected}
        selectedFlagId={selected ? selection.flagId : null}
        editing={editing === segment.id}
        playing={playingId === segment.id}
        t={t}
      />
    );
  };
  return <VirtualList ref={list} className="segment-list" testId="segment-list" count={rows.length} itemKey={itemKey} estimate={estimate} render={render} overscan={6} />;
}
