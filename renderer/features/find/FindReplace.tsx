/** Find and replace across segments (plain or regex), over the clean text; Replace all is one undo step. */
import { useMemo, useState } from 'react';
import { compileQuery, findAll, replaceAll } from '../../../shared/edit';
import { useT } from '../../i18n/i18n';
import { performStep, selectSegment } from '../../state/actions';
import { getState, setState, useApp } from '../../state/store';

export function FindReplace() {
  const t = useT();
  const doc = useApp((s) => s.editor.doc);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [cursor, setCursor] = useState(0);
  const compiled = useMemo(() => compileQuery(query, { regex, caseSensitive }), [query, regex, caseSensitive]);
  const matches = useMemo(() => (compiled.ok ? findAll(doc, compiled.pattern, 10_000) : []), [doc, compiled]);
  const next = () => {
    if (!matches.length) return;
    const m = matches[cursor % matches.length]!;
    setCursor(cursor + 1);
    setState({ view: 'review' });
    selectSegment(m.segmentId);
  };
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input autoFocus placeholder={t('find.find')} value={query} onChange={(e) => { setQuery(e.target.value); setCursor(0); }} onKeyDown={(e) => { if (e.key === 'Enter') next(); if (e.key === 'Escape') setState({ findOpen: false }); }} data-testid="find-query" />
      <input placeholder={t('find.replace')} value={replacement} onChange={(e) => setReplacement(e.target.value)} data-testid="find-replacement" />
      <label><input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t('find.regex')}</label>
      <label><input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> {t('find.case')}</label>
      <span className={compiled.ok || query === '' ? 'muted' : 'error'} data-testid="find-count">{compiled.ok ? t('find.matches', { count: matches.length }) : query && compiled.message}</span>
      <button type="button" disabled={!matches.length} onClick={next}>{t('find.next')}</button>
      <button type="button" disabled={!matches.length} data-testid="replace-all" onClick={() => compiled.ok && performStep(replaceAll(getState().editor.doc, compiled.pattern, replacement))}>{t('find.replaceAll')}</button>
      <button type="button" className="icon" aria-label={t('find.close')} onClick={() => setState({ findOpen: false })}>×</button>
    </div>
  );
}
