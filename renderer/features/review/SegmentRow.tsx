/** One row of the review list: time, language badge, speaker, flagged text or the inline editor. */
import { memo, useEffect, useRef, useState } from 'react';
import { cleanText, type Decisions } from '../../../shared/edit';
import { isApplied } from '../../../shared/model/clean';
import type { Flag } from '../../../shared/model/flag';
import type { Level } from '../../../shared/model/levels';
import type { Segment } from '../../../shared/model/segment';
import { formatShort } from '../../../shared/model/time';
import { LangBadge } from '../../components/LangBadge';
import type { Translate } from '../../i18n/i18n';
import { commitEdit, performStep, selectFlag, selectSegment } from '../../state/actions';
import { setState } from '../../state/store';
import { resetEdit } from '../../../shared/edit';
import { getState } from '../../state/store';
import { FlaggedText } from './FlaggedText';
import { playSegment } from '../waveform';

/**
 * Only what this row shows, so a row re-renders when its own flags, a decision, the level or its edit change,
 * not on every document change (flags streaming in for other segments, say).
 */
interface Props {
  segment: Segment;
  flags: readonly Flag[];
  decisions: Decisions;
  level: Level;
  edit: string | undefined;
  selectedFlagId: string | null;
  selected: boolean;
  editing: boolean;
  /** Under the playhead while audio plays. */
  playing?: boolean;
  t: Translate;
}

function Editor({ initial, onDone }: { initial: string; onDone: (text: string | null) => void }) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <textarea
      ref={ref}
      className="segment-editor"
      data-testid="segment-editor"
      value={text}
      rows={Math.min(8, Math.max(2, Math.ceil(text.length / 60)))}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          onDone(text);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onDone(null);
        }
        e.stopPropagation();
      }}
      onBlur={() => onDone(text)}
    />
  );
}

function SegmentRowImpl({ segment, flags, decisions, level, edit, selectedFlagId, selected, editing, playing, t }: Props) {
  const startEdit = () => setState({ editing: segment.id });
  const onClick = () => {
    selectSegment(segment.id);
    if (!editing) playSegment(segment.id);
  };
  return (
    <div className={`segment${selected ? ' selected' : ''}${playing ? ' playing' : ''}${edit !== undefined ? ' edited' : ''}`} data-segment-id={segment.id} onClick={onClick}>
      <div className="segment-meta">
        <span className="time" data-testid="segment-time">{segment.start !== undefined ? formatShort(segment.start) : `#${segment.sourceLine}`}</span>
        <LangBadge lang={segment.lang} />
        {segment.speaker && <span className="speaker">{segment.speaker}</span>}
      </div>
      <div className="segment-text" onDoubleClick={startEdit} title={t('review.editHint')} lang={segment.lang === 'en' ? 'en' : 'zh-CN'}>
        {editing ? (
          <Editor
            initial={cleanText(getState().editor.doc, segment)}
            onDone={(text) => (text === null ? setState({ editing: null }) : commitEdit(segment.id, text))}
          />
        ) : edit !== undefined ? (
          <>
            <span className="edited-text">{edit}</span>
            <span className="edited-badge">{t('review.edited')}</span>
            <button type="button" className="link small" onClick={(e) => { e.stopPropagation(); performStep(resetEdit(getState().editor.doc, segment.id)); }}>{t('review.resetEdit')}</button>
          </>
        ) : (
          <FlaggedText
            raw={segment.raw}
            flags={flags}
            decisions={decisions}
            applied={(f) => isApplied(f, { level, ...(decisions.get(f.id) ? { decisions: { [f.id]: decisions.get(f.id)! } } : {}) })}
            selectedFlagId={selectedFlagId}
            onFlagClick={selectFlag}
          />
        )}
      </div>
    </div>
  );
}

export const SegmentRow = memo(SegmentRowImpl);
