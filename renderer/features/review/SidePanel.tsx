/** Counts per kind and rule, filters, the current flag with its actions, and the auto-accept level. */
import { FLAG_KINDS, type FlagKind } from '../../../shared/model/flag';
import { LEVELS } from '../../../shared/model/levels';
import { kindName, useT } from '../../i18n/i18n';
import { Reason } from './Reason';
import { acceptRule, changeLevel, decideFlag, performStep } from '../../state/actions';
import { findFlag, flagStats } from '../../state/derived';
import { getState, setState, useApp } from '../../state/store';
import { acceptAllOfKind } from '../../../shared/edit';

function toggleKind(kind: FlagKind): void {
  setState((s) => {
    const kinds = s.filters.kinds.includes(kind) ? s.filters.kinds.filter((k) => k !== kind) : [...s.filters.kinds, kind];
    return { filters: { ...s.filters, kinds } };
  });
}

function CurrentFlag() {
  const t = useT();
  const flagId = useApp((s) => s.editor.selection.flagId);
  const flags = useApp((s) => s.editor.doc.flags);
  const decision = useApp((s) => (flagId ? s.editor.doc.decisions.get(flagId) : undefined));
  const flag = flagId ? findFlag(flags, flagId) : undefined;
  if (!flag) return <p className="muted">{t('review.none')}</p>;
  return (
    <div className={`current kind-${flag.kind}`} data-testid="current-flag">
      <div><strong>{kindName(t, flag.kind)}</strong> · <code>{flag.ruleId}</code> · {t('review.confidence', { value: flag.confidence.toFixed(2) })}</div>
      <Reason text={flag.reason} as="p" />
      <p>{t('review.suggestion')}: <strong>{flag.suggestion === '' ? t('review.delete') : flag.suggestion}</strong></p>
      <div className="actions">
        <button type="button" className={decision === 'accepted' ? 'primary on' : 'primary'} data-testid="accept" onClick={() => decideFlag(flag.id, 'accepted')}>{t('review.accept')} <kbd>A</kbd></button>
        <button type="button" className={decision === 'rejected' ? 'on' : ''} data-testid="reject" onClick={() => decideFlag(flag.id, 'rejected')}>{t('review.reject')} <kbd>X</kbd></button>
        {decision && <button type="button" onClick={() => decideFlag(flag.id, undefined)}>{t('review.reset')}</button>}
      </div>
      <button type="button" className="link" data-testid="accept-kind" onClick={() => performStep(acceptAllOfKind(getState().editor.doc, flag.kind))}>
        {t('review.acceptAllKind', { kind: kindName(t, flag.kind) })} <kbd>Shift+A</kbd>
      </button>
    </div>
  );
}

export function SidePanel() {
  const t = useT();
  const stats = useApp((s) => flagStats(s.editor.doc.flags, s.editor.doc.decisions));
  const filters = useApp((s) => s.filters);
  const level = useApp((s) => s.editor.doc.level);
  const rules = [...stats.byRule.entries()].sort((a, b) => b[1].total - a[1].total);
  return (
    <aside className="side-panel" data-testid="side-panel">
      <section>
        <h3>{t('review.current')}</h3>
        <CurrentFlag />
      </section>
      <section>
        <h3>{t('review.kinds')}</h3>
        <ul className="counts">
          {FLAG_KINDS.filter((k) => stats.byKind.has(k)).map((k) => {
            const c = stats.byKind.get(k)!;
            return (
              <li key={k}>
                <label>
                  <input type="checkbox" checked={filters.kinds.includes(k)} onChange={() => toggleKind(k)} />
                  <span className={`swatch kind-${k}`} /> {kindName(t, k)}
                </label>
                <span className="count" data-testid={`count-${k}`}>{c.pending}/{c.total}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section>
        <h3>{t('review.rules')}</h3>
        <ul className="counts rules">
          {rules.map(([rule, c]) => (
            <li key={rule} className={filters.ruleId === rule ? 'active' : ''}>
              <button type="button" className="link" onClick={() => setState((s) => ({ filters: { ...s.filters, ruleId: s.filters.ruleId === rule ? null : rule } }))}>
                <span className={`swatch kind-${c.kind}`} /> <code>{rule}</code>
              </button>
              <span className="count">{c.pending}/{c.total}</span>
              <button type="button" className="small" disabled={c.pending === 0} onClick={() => acceptRule(rule)} data-testid={`accept-rule-${rule}`}>{t('review.acceptAllRule')}</button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>{t('review.filters')}</h3>
        <label className="block">
          {t('review.minConfidence', { value: filters.minConfidence.toFixed(2) })}
          <input type="range" min={0} max={1} step={0.05} value={filters.minConfidence} onChange={(e) => setState((s) => ({ filters: { ...s.filters, minConfidence: Number(e.target.value) } }))} />
        </label>
        <label className="block"><input type="checkbox" checked={filters.onlyFlagged} onChange={(e) => setState((s) => ({ filters: { ...s.filters, onlyFlagged: e.target.checked } }))} /> {t('review.onlyFlagged')}</label>
        <label className="block"><input type="checkbox" checked={filters.showDecided} onChange={(e) => setState((s) => ({ filters: { ...s.filters, showDecided: e.target.checked } }))} /> {t('review.showDecided')}</label>
        <label className="block">
          {t('review.level')}{' '}
          <select value={level} onChange={(e) => changeLevel(e.target.value as typeof level)}>
            {LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
          </select>
        </label>
      </section>
    </aside>
  );
}
