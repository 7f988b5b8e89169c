import { useT, kindName } from '../../i18n/i18n';
import { Reason } from './Reason';
import { findFlag } from '../../state/derived';
import { useApp } from '../../state/store';
import { useHover } from './hover';

/** Reason and suggestion of the hovered flag. */
export function FlagTooltip() {
  const t = useT();
  const hover = useHover();
  const flags = useApp((s) => s.editor.doc.flags);
  const flag = hover ? findFlag(flags, hover.flagId) : undefined;
  if (!hover || !flag) return null;
  return (
    <div className="tooltip" role="tooltip" data-testid="flag-tooltip" style={{ left: Math.min(hover.x, window.innerWidth - 340), top: hover.y + 6 }}>
      <div className={`tooltip-kind kind-${flag.kind}`}>{kindName(t, flag.kind)} · <code>{flag.ruleId}</code> · {t('review.confidence', { value: flag.confidence.toFixed(2) })}</div>
      <Reason text={flag.reason} />
      <div className="tooltip-suggestion">{t('review.suggestion')}: <strong>{flag.suggestion === '' ? t('review.delete') : flag.suggestion}</strong></div>
    </div>
  );
}
