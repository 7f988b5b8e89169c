import { nextRedo, nextUndo } from '../../shared/edit';
import { stepText, useT } from '../i18n/i18n';
import { useApp, type View } from '../state/store';
import { runCommand } from './commands';
import { switchLocale } from './startup';

const VIEWS: View[] = ['review', 'diff', 'bilingual', 'glossary'];

export function Toolbar() {
  const t = useT();
  const locale = useApp((s) => s.locale);
  const view = useApp((s) => s.view);
  const loaded = useApp((s) => s.loaded);
  const undoStep = useApp((s) => nextUndo(s.editor));
  const redoStep = useApp((s) => nextRedo(s.editor));
  const undoTitle = undoStep ? t('toolbar.undoLabel', { label: stepText(t, undoStep.label, locale) }) : t('toolbar.undo');
  const redoTitle = redoStep ? t('toolbar.redoLabel', { label: stepText(t, redoStep.label, locale) }) : t('toolbar.redo');
  return (
    <header className="toolbar">
      <span className="brand">校对 <small>Jiaodui</small></span>
      <div className="group">
        <button type="button" data-testid="open-button" onClick={() => runCommand('open-transcript')}>{t('toolbar.open')}</button>
        <button type="button" disabled={!loaded} onClick={() => runCommand('save')}>{t('toolbar.save')}</button>
        <button type="button" disabled={!loaded} onClick={() => runCommand('open-audio')} data-testid="audio-button" title={t('audio.openHint')}>♪ {t('toolbar.audio')}</button>
        <button type="button" disabled={!loaded} onClick={() => runCommand('export')} data-testid="export-button">{t('toolbar.export')}</button>
      </div>
      <div className="group">
        <button type="button" disabled={!undoStep} title={undoTitle} aria-label={undoTitle} data-testid="undo" onClick={() => runCommand('undo')}>↶ {t('toolbar.undo')}</button>
        <button type="button" disabled={!redoStep} title={redoTitle} aria-label={redoTitle} data-testid="redo" onClick={() => runCommand('redo')}>↷ {t('toolbar.redo')}</button>
        <button type="button" disabled={!loaded} onClick={() => runCommand('find')}>{t('toolbar.find')}</button>
      </div>
      <nav className="tabs" role="tablist">
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'tab active' : 'tab'} data-testid={`tab-${v}`} onClick={() => runCommand(`view-${v}`)}>
            {t(`view.${v}`)}
          </button>
        ))}
      </nav>
      <label className="locale">
        <span className="sr-only">{t('toolbar.language')}</span>
        <select value={locale} data-testid="locale" aria-label={t('toolbar.language')} onChange={(e) => void switchLocale(e.target.value as 'en' | 'zh')}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
    </header>
  );
}
