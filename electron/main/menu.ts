/**
 * The application menu as data: `buildMenuTemplate` returns Electron's template from plain inputs (labels in the
 * interface language, the recent list, the platform) so it is tested without Electron. Each item sends one
 * `MenuCommand` to the renderer, which owns the behaviour; the menu only routes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile, UiLocale } from '../../shared/ipc';

export interface MenuInputs {
  locale: UiLocale;
  platform: string;
  recent: readonly RecentFile[];
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

const LABELS = {
  en: {
    file: '&File', openTranscript: 'Open transcript…', openAudio: 'Open audio…', openGlossary: 'Open/Import glossary…',
    addReference: 'Add reference document…', openRecent: 'Open recent', clearRecent: 'Clear recent', save: 'Save project',
    saveAs: 'Save as…', export: 'Export', exportEllipsis: 'Export…', close: 'Close', edit: '&Edit', undo: 'Undo', redo: 'Redo',
    find: 'Find…', replace: 'Replace…', accept: 'Accept flag', reject: 'Reject flag', acceptKind: 'Accept all of this kind',
    view: '&View', review: 'Review', diff: 'Diff', bilingual: 'Bilingual', glossary: 'Glossary', help: '&Help',
    about: 'About Jiaodui', shortcuts: 'Keyboard shortcuts', noRecent: 'No recent files',
  },
  zh: {
    file: '文件(&F)', openTranscript: '打开转写稿…', openAudio: '打开音频…', openGlossary: '打开/导入术语表…',
    addReference: '添加参考文档…', openRecent: '最近打开', clearRecent: '清除最近记录', save: '保存项目',
    saveAs: '另存为…', export: '导出', exportEllipsis: '导出…', close: '关闭', edit: '编辑(&E)', undo: '撤销', redo: '重做',
    find: '查找…', replace: '替换…', accept: '接受标记', reject: '拒绝标记', acceptKind: '接受所有同类标记',
    view: '视图(&V)', review: '校对', diff: '对比', bilingual: '双语', glossary: '术语表', help: '帮助(&H)',
    about: '关于校对', shortcuts: '快捷键', noRecent: '没有最近文件',
  },
} as const;

export function buildMenuTemplate(input: MenuInputs): MenuItemConstructorOptions[] {
  const l = LABELS[input.locale];
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label, ...(accelerator ? { accelerator } : {}), click: () => input.send(command),
  });
  const recent: MenuItemConstructorOptions[] = input.recent.length
    ? [
        ...input.recent.filter((r) => r.kind !== 'audio').map((r) => ({ label: r.name, toolTip: r.path, click: () => input.openRecent(r.path) })),
        { type: 'separator' as const },
        { label: l.clearRecent, click: () => input.clearRecent() },
      ]
    : [{ label: l.noRecent, enabled: false }];
  const mac = input.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        cmd(l.openTranscript, 'open-transcript', 'CmdOrCtrl+O'),
        cmd(l.openAudio, 'open-audio', 'CmdOrCtrl+Shift+O'),
        cmd(l.openGlossary, 'open-glossary'),
        cmd(l.addReference, 'add-reference'),
        { label: l.openRecent, submenu: recent },
        { type: 'separator' },
        cmd(l.save, 'save', 'CmdOrCtrl+S'),
        cmd(l.saveAs, 'save-as', 'CmdOrCtrl+Shift+S'),
        { label: l.export, submenu: [cmd(l.exportEllipsis, 'export', 'CmdOrCtrl+E')] },
        { type: 'separator' },
        cmd(l.close, 'close', 'CmdOrCtrl+W'),
      ],
    },
    {
      label: l.edit,
      submenu: [
        // undo/redo go to our document history, not the focused field's native undo
        cmd(l.undo, 'undo', 'CmdOrCtrl+Z'),
        cmd(l.redo, 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
        { type: 'separator' },
        cmd(l.find, 'find', 'CmdOrCtrl+F'),
        cmd(l.replace, 'replace', mac ? 'Cmd+Alt+F' : 'Ctrl+H'),
        { type: 'separator' },
        // single-letter review keys are handled by the renderer (they must not fire while typing); shown here for discovery
        { ...cmd(l.accept, 'accept'), accelerator: 'A', registerAccelerator: false },
        { ...cmd(l.reject, 'reject'), accelerator: 'X', registerAccelerator: false },
        { ...cmd(l.acceptKind, 'accept-all-kind'), accelerator: 'Shift+A', registerAccelerator: false },
      ],
    },
    {
      label: l.view,
      submenu: [
        cmd(l.review, 'view-review', 'CmdOrCtrl+1'),
        cmd(l.diff, 'view-diff', 'CmdOrCtrl+2'),
        cmd(l.bilingual, 'view-bilingual', 'CmdOrCtrl+3'),
        cmd(l.glossary, 'view-glossary', 'CmdOrCtrl+4'),
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: l.help, submenu: [cmd(l.shortcuts, 'shortcuts', 'Shift+F1'), cmd(l.about, 'about')] },
  ];
}
