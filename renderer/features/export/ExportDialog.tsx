/**
 * Export: format (every registered exporter: SRT, VTT, TXT, Markdown, JSON report, and bilingual or summary
 * exporters as they are registered), level, clean or verbatim, a preview, and Save through the host.
 * The export itself runs in the worker.
 */
import { useEffect, useState } from 'react';
import { EXPORTERS } from '../../../shared/export';
import { LEVELS, type Level } from '../../../shared/model/levels';
import { Dialog } from '../../components/Dialog';
import { host } from '../../host';
import { translator, useT } from '../../i18n/i18n';
import { notify } from '../../state/actions';
import { dataUrl, withTask } from '../../state/project-io';
import { getState, useApp } from '../../state/store';
import { timedTranscript } from '../../state/timing';

const PREVIEW_CHARS = 6000;

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const docLevel = useApp((s) => s.editor.doc.level);
  const [exporterId, setExporterId] = useState(EXPORTERS[0]?.id ?? 'srt');
  const [level, setLevel] = useState<Level>(docLevel);
  const [mode, setMode] = useState<'clean' | 'verbatim'>('clean');
  // subtitle formats: long segments become readable cues unless the user wants one cue a segment
  const [cues, setCues] = useState(true);
  const [result, setResult] = useState<{ text: string; key: string } | null>(null);
  const timed = EXPORTERS.find((e) => e.id === exporterId)?.timed === true;
  const key = `${exporterId}|${level}|${mode}|${timed && cues}`;

  useEffect(() => {
    let live = true;
    const s = getState();
    const doc = s.editor.doc;
    void withTask(translator(s.locale)('task.exporting'), {
      type: 'export', exporterId, dataUrl: dataUrl(),
      input: { transcript: timedTranscript(doc), flags: doc.flags, decisions: doc.decisions.toRecord(), edits: doc.edits, level, mode, source: s.source, version: s.info?.version ?? '0.1.0', diagnostics: s.diagnostics, cues: timed && cues },
    }).then((r) => { if (live && r) setResult({ text: r.text, key }); }, (e: Error) => notify(e.message, true));
    return () => { live = false; };
  }, [exporterId, level, mode, timed, cues, key]);

  const exporter = EXPORTERS.find((e) => e.id === exporterId);
  const save = async () => {
    if (!result || result.key !== key || !exporter) return;
    const name = `${getState().title || 'transcript'}${mode === 'verbatim' ? '.verbatim' : ''}${exporter.extension}`;
    const r = await host.saveFile({ kind: 'export', suggestedName: name, content: result.text });
    if (!r.ok) notify(r.message, true);
    else if (r.value) {
      notify(t('export.saved', { name: r.value.name }));
      onClose();
    }
  };
  return (
    <Dialog title={t('export.title')} onClose={onClose} wide testId="export-dialog">
      <div className="export-options">
        <label>{t('export.format')}
          <select value={exporterId} onChange={(e) => setExporterId(e.target.value)} data-testid="export-format">
            {EXPORTERS.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
          </select>
        </label>
        <label>{t('export.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value as Level)} data-testid="export-level">
            {LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
          </select>
        </label>
        <fieldset className="mode">
          <legend>{t('export.mode')}</legend>
          <label><input type="radio" checked={mode === 'clean'} onChange={() => setMode('clean')} /> {t('export.clean')}</label>
          <label><input type="radio" checked={mode === 'verbatim'} onChange={() => setMode('verbatim')} data-testid="export-verbatim" /> {t('export.verbatim')}</label>
        </fieldset>
        {timed && <label className="cues"><input type="checkbox" checked={cues} onChange={(e) => setCues(e.target.checked)} data-testid="export-cues" /> {t('export.cues')}</label>}
      </div>
      <h3>{t('export.preview')}</h3>
      <pre className="preview" data-testid="export-preview">{result?.key === key ? result.text.slice(0, PREVIEW_CHARS) + (result.text.length > PREVIEW_CHARS ? '\n…' : '') : '…'}</pre>
      <div className="actions">
        <button type="button" className="primary" disabled={result?.key !== key} onClick={() => void save()} data-testid="export-save">{t('export.save')}</button>
        <button type="button" onClick={onClose}>{t('export.close')}</button>
      </div>
    </Dialog>
  );
}
