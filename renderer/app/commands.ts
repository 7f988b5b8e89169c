/**
 * Every user command in one table, reached from the keyboard, the Electron menu (host `menu` events) and buttons.
 * Single-letter review keys (J/K/A/X) never fire while typing in a field.
 */
import type { MenuCommand } from '../../shared/ipc';
import { isDirty } from '../../shared/edit';
import { host } from '../host';
import { translator } from '../i18n/i18n';
import { acceptAllOfSelectedKind, decideSelected, moveFlag, redoAction, setView, undoAction } from '../state/actions';
import { openFromHost, openSample, saveProject } from '../state/project-io';
import { getState, initialState, setState } from '../state/store';
import { importGlossaryFromHost, addReferenceFromHost } from '../features/glossary/glossary-actions';
import { closeAudio, openAudioFromHost } from '../state/audio-io';
import { hasPlayer, replaySegment, setEdgeAtPlayhead, skip, SKIP_SECONDS, stepRate, togglePlay } from '../features/waveform';

export function runCommand(command: MenuCommand | 'next-flag' | 'prev-flag' | 'open-sample'): void {
  switch (command) {
    case 'open-transcript': void openFromHost('transcript'); break;
    case 'open-sample': void openSample(); break;
    case 'open-audio': void openAudioFromHost(); break;
    case 'open-glossary': void importGlossaryFromHost(); break;
    case 'add-reference': void addReferenceFromHost(); break;
    case 'save': void saveProject(false); break;
    case 'save-as': void saveProject(true); break;
    case 'close': closeDocument(); break;
    case 'export': setState({ dialog: 'export' }); break;
    case 'undo': undoAction(); break;
    case 'redo': redoAction(); break;
    case 'find': case 'replace': setState({ findOpen: true }); break;
    case 'accept': decideSelected('accepted'); break;
    case 'reject': decideSelected('rejected'); break;
    case 'accept-all-kind': acceptAllOfSelectedKind(); break;
    case 'view-review': setView('review'); break;
    case 'view-diff': setView('diff'); break;
    case 'view-bilingual': setView('bilingual'); break;
    case 'view-glossary': setView('glossary'); break;
    case 'about': setState({ dialog: 'about' }); break;
    case 'shortcuts': setState({ dialog: 'shortcuts' }); break;
    case 'next-flag': moveFlag(1); break;
    case 'prev-flag': moveFlag(-1); break;
  }
}

function closeDocument(): void {
  const s = getState();
  if (s.loaded && isDirty(s.editor) && !window.confirm(translator(s.locale)('dialog.unsaved'))) return;
  const fresh = initialState();
  setState({ editor: fresh.editor, loaded: false, title: '', source: null, projectPath: null, diagnostics: [], editing: null });
  closeAudio();
  void host.clearRecovery();
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** The keyboard map; in Electron the menu owns Ctrl/Cmd shortcuts, so only plain keys are handled here. */
export function handleKey(event: KeyboardEvent, electron: boolean): void {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod) {
    if (electron) return;
    const k = key.toLowerCase();
    const map: Record<string, MenuCommand | undefined> = {
      z: event.shiftKey ? 'redo' : 'undo', y: 'redo', s: event.shiftKey ? 'save-as' : 'save', o: event.shiftKey ? 'open-audio' : 'open-transcript',
      f: 'find', h: 'replace', e: 'export', '1': 'view-review', '2': 'view-diff', '3': 'view-bilingual', '4': 'view-glossary',
    };
    const command = map[k];
    // inside a text field, let the field's own undo work
    if (command && !(typing(event.target) && (k === 'z' || k === 'y'))) {
      event.preventDefault();
      runCommand(command);
    }
    return;
  }
  if (typing(event.target) || event.altKey) return;
  if ((key === 'F1' && (event.shiftKey || !hasPlayer())) || key === '?') return void (event.preventDefault(), runCommand('shortcuts'));
  if (getState().dialog) return;
  if (hasPlayer() && audioKey(event)) return void event.preventDefault();
  if (getState().view !== 'review') return;
  const plain: Record<string, Parameters<typeof runCommand>[0]> = { j: 'next-flag', k: 'prev-flag', a: 'accept', x: 'reject', A: 'accept-all-kind' };
  const command = plain[key];
  if (command) {
    event.preventDefault();
    runCommand(command);
  }
}

/**
 * Playback keys while audio is open, oTranscribe's habits: Esc play/pause, F1/F2 back/forward 2 s, F3/F4 slower/
 * faster; R replays the segment; [ and ] set the selected segment's start/end at the playhead. True when handled.
 */
function audioKey(event: KeyboardEvent): boolean {
  switch (event.key) {
    case 'Escape': togglePlay(); return true;
    case 'F1': skip(-SKIP_SECONDS); return true;
    case 'F2': skip(SKIP_SECONDS); return true;
    case 'F3': stepRate(-1); return true;
    case 'F4': stepRate(1); return true;
    case 'r': case 'R': replaySegment(); return true;
    case '[': setEdgeAtPlayhead('start'); return true;
    case ']': setEdgeAtPlayhead('end'); return true;
    default: return false;
  }
}

export const SHORTCUTS: readonly [string, string][] = [
  ['J / K', 'next / previous flag · 下一个 / 上一个标记'],
  ['A', 'accept flag · 接受'],
  ['X', 'reject flag · 拒绝'],
  ['Shift+A', 'accept all of this kind · 接受所有同类'],
  ['Double-click / Enter', 'edit segment · 编辑段落'],
  ['Ctrl+Z / Ctrl+Y', 'undo / redo · 撤销 / 重做'],
  ['Ctrl+F / Ctrl+H', 'find / replace · 查找 / 替换'],
  ['Ctrl+O', 'open transcript · 打开'],
  ['Ctrl+S / Ctrl+Shift+S', 'save / save as · 保存 / 另存为'],
  ['Ctrl+E', 'export · 导出'],
  ['Ctrl+1…4', 'review, diff, bilingual, glossary · 切换视图'],
  ['Ctrl+Shift+O', 'open audio · 打开音频'],
  ['Esc', 'play / pause (audio open) · 播放 / 暂停'],
  ['F1 / F2', 'back / forward 2 s (audio open) · 后退 / 前进 2 秒'],
  ['F3 / F4', 'slower / faster · 减速 / 加速'],
  ['R', 'replay the segment · 重播本段'],
  ['[ / ]', 'segment starts / ends at the playhead · 段落起点 / 终点设为播放位置'],
  ['click a segment', 'play from its start · 从段落开头播放'],
  ['F1 (no audio), Shift+F1, ?', 'this list · 快捷键'],
];
