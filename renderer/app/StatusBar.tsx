import { isDirty } from '../../shared/edit';
import { ProgressBar } from '../components/ProgressBar';
import { useT } from '../i18n/i18n';
import { flagStats } from '../state/derived';
import { useApp } from '../state/store';
import { cancelTasks } from '../worker/client';

export function StatusBar() {
  const t = useT();
  const loaded = useApp((s) => s.loaded);
  const dirty = useApp((s) => s.loaded && isDirty(s.editor));
  const title = useApp((s) => s.title);
  const segments = useApp((s) => s.editor.doc.transcript.segments.length);
  const stats = useApp((s) => flagStats(s.editor.doc.flags, s.editor.doc.decisions));
  const task = useApp((s) => s.task);
  const audio = useApp((s) => s.audio);
  return (
    <footer className="statusbar">
      {loaded && (
        <>
          <span className={dirty ? 'dirty' : 'clean'} data-testid="dirty-marker" title={dirty ? t('status.unsaved') : t('status.saved')}>
            {dirty ? '●' : '○'} {title}
          </span>
          <span>{t('status.segments', { count: segments.toLocaleString() })}</span>
          <span data-testid="flag-summary">{t('status.flags', { pending: stats.all.pending.toLocaleString(), total: stats.all.total.toLocaleString() })}</span>
          {audio && <span>♪ {audio.name}</span>}
        </>
      )}
      <span className="spacer" />
      {task && <ProgressBar label={task.label} done={task.done} total={task.total} cancelLabel={t('status.cancel')} onCancel={cancelTasks} />}
    </footer>
  );
}
