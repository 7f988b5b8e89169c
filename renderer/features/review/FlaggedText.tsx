/**
 * A segment's raw text with its flags marked inline, coloured by kind. Accepted (or auto-applied) flags show the
 * raw span struck through with the suggestion after it; rejected ones are dimmed; pending ones highlighted.
 * Overlapping flags: the earlier span is drawn and a later flag starting inside it is drawn as a marker at the
 * end of that span, so every flag stays reachable by click and by J/K.
 */
import { memo, type ReactElement } from 'react';
import type { Decisions } from '../../../shared/edit';
import type { Flag } from '../../../shared/model/flag';
import { setHover } from './hover';

interface Props {
  raw: string;
  flags: readonly Flag[];
  decisions: Decisions;
  applied: (flag: Flag) => boolean;
  selectedFlagId: string | null;
  onFlagClick: (flagId: string) => void;
}

function FlaggedTextImpl({ raw, flags, decisions, applied, selectedFlagId, onFlagClick }: Props) {
  const parts: ReactElement[] = [];
  let pos = 0;
  for (const f of flags) {
    const start = Math.max(f.start, pos);
    if (start > pos) parts.push(<span key={`t${pos}`}>{raw.slice(pos, start)}</span>);
    const end = Math.max(start, f.end);
    const decision = decisions.get(f.id);
    const status = decision === 'accepted' ? 'accepted' : decision === 'rejected' ? 'rejected' : applied(f) ? 'auto' : 'pending';
    const shown = raw.slice(start, end);
    const isApplied = status === 'accepted' || status === 'auto';
    parts.push(
      <mark
        key={f.id}
        data-flag-id={f.id}
        data-status={status}
        className={`flag kind-${f.kind} status-${status}${f.id === selectedFlagId ? ' selected' : ''}${shown === '' ? ' insertion' : ''}`}
        onClick={(e) => {
          e.stopPropagation();
          onFlagClick(f.id);
        }}
        onMouseEnter={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setHover({ flagId: f.id, x: r.left, y: r.bottom });
        }}
        onMouseLeave={() => setHover(null)}
      >
        {isApplied ? <del>{shown}</del> : shown || '‸'}
        {isApplied && f.suggestion && <ins>{f.suggestion}</ins>}
      </mark>,
    );
    pos = Math.max(pos, end);
  }
  if (pos < raw.length) parts.push(<span key={`t${pos}`}>{raw.slice(pos)}</span>);
  return <>{parts}</>;
}

export const FlaggedText = memo(FlaggedTextImpl);
