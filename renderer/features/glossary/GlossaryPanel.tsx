/** Glossary: terms with their other-language equivalent; import/export TSV; candidates from a reference document. */
import { useState, useSyncExternalStore } from 'react';
import type { GlossaryEntry } from '../../../shared/glossary';
import { useT } from '../../i18n/i18n';
import { glossaryOf } from '../../state/project-io';
import { useApp } from '../../state/store';
import { addReferenceFromHost, candidatesStore, currentEntries, exportGlossary, importGlossaryFromHost, setGlossary } from './glossary-actions';

function Candidates() {
  const t = useT();
  const list = useSyncExternalStore(candidatesStore.subscribe, candidatesStore.get);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  if (!list) return null;
  const keep = () => {
    const known = new Set(currentEntries().map((e) => e.term));
    const added: GlossaryEntry[] = list.candidates
      .filter((c) => chosen.has(c.term) && !known.has(c.term))
      .map((c) => ({ term: c.term, equivalent: '', note: c.evidence.slice(0, 80), source: `reference:${list.name}`, line: 0, kind: c.kind }));
    setGlossary([...currentEntries(), ...added]);
    candidatesStore.clear();
  };
  return (
    <section className="candidates">
      <h3>{t('glossary.candidates', { name: list.name })}</h3>
      <ul>
        {list.candidates.slice(0, 200).map((c) => (
          <li key={c.term}>
            <label>
              <input type="checkbox" checked={chosen.has(c.term)} onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(c.term); else next.delete(c.term);
                setChosen(next);
              }} />
              <strong>{c.term}</strong> <small className="muted">{c.kind} ×{c.count} — {c.evidence.slice(0, 60)}</small>
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={keep}>{t('glossary.keep')}</button>
    </section>
  );
}

function EntryRow({ entry, index, entries }: { entry: GlossaryEntry; index: number; entries: GlossaryEntry[] }) {
  const t = useT();
  const update = (patch: Partial<GlossaryEntry>) => {
    const next = entries.slice();
    next[index] = { ...entry, ...patch };
    const changed = { ...entry, ...patch };
    if (changed.term !== entry.term || changed.equivalent !== entry.equivalent || changed.note !== entry.note) setGlossary(next);
  };
  return (
    <tr>
      <td><input defaultValue={entry.term} onBlur={(e) => update({ term: e.target.value.trim() })} aria-label={t('glossary.term')} /></td>
      <td><input defaultValue={entry.equivalent} onBlur={(e) => update({ equivalent: e.target.value.trim() })} aria-label={t('glossary.equivalent')} /></td>
      <td><input defaultValue={entry.note} onBlur={(e) => update({ note: e.target.value })} aria-label={t('glossary.note')} /></td>
      <td><button type="button" className="small" onClick={() => setGlossary(entries.filter((_, i) => i !== index))}>{t('glossary.delete')}</button></td>
    </tr>
  );
}

export function GlossaryPanel() {
  const t = useT();
  const glossary = useApp((s) => glossaryOf(s.editor.doc));
  const entries = glossary?.entries ?? [];
  const [term, setTerm] = useState('');
  const [equivalent, setEquivalent] = useState('');
  const add = () => {
    if (!term.trim()) return;
    setGlossary([...entries, { term: term.trim(), equivalent: equivalent.trim(), note: '', source: 'app', line: 0 }]);
    setTerm('');
    setEquivalent('');
  };
  return (
    <div className="glossary-view" data-testid="glossary-view">
      <div className="view-bar">
        <button type="button" data-testid="glossary-import" onClick={() => void importGlossaryFromHost()}>{t('glossary.import')}</button>
        <button type="button" disabled={entries.length === 0} onClick={() => void exportGlossary()}>{t('glossary.exportTsv')}</button>
        <button type="button" onClick={() => void addReferenceFromHost()}>{t('glossary.extract')}</button>
      </div>
      <form className="glossary-add" onSubmit={(e) => { e.preventDefault(); add(); }}>
        <input placeholder={t('glossary.term')} value={term} onChange={(e) => setTerm(e.target.value)} data-testid="glossary-term" />
        <input placeholder={t('glossary.equivalent')} value={equivalent} onChange={(e) => setEquivalent(e.target.value)} />
        <button type="submit" className="primary">{t('glossary.add')}</button>
      </form>
      {entries.length === 0 ? <p className="muted pad">{t('glossary.empty')}</p> : (
        <table className="glossary-table">
          <thead><tr><th>{t('glossary.term')}</th><th>{t('glossary.equivalent')}</th><th>{t('glossary.note')}</th><th /></tr></thead>
          <tbody>{entries.map((e, i) => <EntryRow key={`${i}:${e.term}`} entry={e} index={i} entries={entries} />)}</tbody>
        </table>
      )}
      <Candidates />
    </div>
  );
}
