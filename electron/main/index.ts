/// <reference types="electron-vite/node" />
/**
 * Electron main process: lifecycle, the single window, menus, the app protocol and the host IPC.
 * Behaviour lives in small modules (host-handlers, dispatch, menu, security, window-state); this file wires them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelOf, HOST_METHODS, type HostEvents, type HostEventName, type MenuCommand, type Settings } from '../../shared/ipc';
import { jsonFileStore } from '../node/json-store';
import { repairRecent, repairSettings } from '../node/settings-file';
import { resolveAppPath, contentTypeOf } from './app-protocol';
import { dispatch } from './dispatch';
import { electronDialogs, nodeFiles } from './electron-deps';
import { createHostHandlers } from './host-handlers';
import { defaultCacheDir } from '../node/audio/cache';
import { playableMedia } from '../node/audio/vbr';
import { audioWorkerClient } from './audio-worker-protocol';
import startAudioWorker from './audio-worker?nodeWorker';
import { serveMediaRequest } from './media-protocol';
import { buildMenuTemplate } from './menu';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, MEDIA_SCHEME, isAllowedNavigation, isExternalLink, secureWebPreferences } from './security';
import { restoreBounds } from './window-state';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
]);

const DEV_URL = process.env['ELECTRON_RENDERER_URL'];
const RENDERER_ROOT = join(__dirname, '../renderer');
const allowedOrigins = DEV_URL ? [APP_ORIGIN, new URL(DEV_URL).origin] : [APP_ORIGIN];

let mainWindow: BrowserWindow | null = null;
let documentState = { title: '', dirty: false };
let closingConfirmed = false;
const pendingFiles: string[] = [];

const settings = jsonFileStore<Settings>(join(app.getPath('userData'), 'settings.json'), repairSettings);
const recent = jsonFileStore(join(app.getPath('userData'), 'recent.json'), repairRecent);

const handlers = createHostHandlers({
  dialogs: electronDialogs(() => mainWindow),
  files: nodeFiles,
  settings,
  recent,
  recoveryPath: join(app.getPath('userData'), 'recovery.jiaodui.json'),
  samplePath: join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'samples', 'waic-2024-excerpt.txt'),
  appInfo: { name: 'Jiaodui', version: app.getVersion(), mode: 'electron', platform: process.platform, locale: app.getLocale() },
  // served by registerProtocol (Range requests answered by hand, electron#38749)
  mediaUrl: (path) => `${MEDIA_SCHEME}://file/${encodeURIComponent(path)}`,
  // peaks, deep zoom and timing run in a worker thread: the main process's event loop serves the window and IPC
  audio: audioWorkerClient(() => startAudioWorker({}), (path) => [defaultCacheDir(path), join(app.getPath('userData'), 'audio-cache')]),
  onAudioProgress: (progress) => send('audio-progress', progress),
  onDocumentState(state) {
    documentState = state;
    mainWindow?.setTitle(`${state.dirty ? '• ' : ''}${state.title ? `${state.title} — ` : ''}Jiaodui`);
    mainWindow?.setDocumentEdited(state.dirty);
  },
});

function send<E extends HostEventName>(event: E, payload: HostEvents[E]): void {
  mainWindow?.webContents.send(channelOf(event), payload);
}

async function openFromOs(path: string): Promise<void> {
  if (!mainWindow) return void pendingFiles.push(path);
  const kind = path.toLowerCase().endsWith('.jiaodui.json') ? 'project' : 'transcript';
  const result = await handlers.readChosen(path, kind);
  if (result.ok) send('open-file', result.value);
}

async function rebuildMenu(): Promise<void> {
  const current = await settings.get();
  const locale = current.locale ?? (app.getLocale().startsWith('zh') ? 'zh' : 'en');
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
    locale,
    platform: process.platform,
    recent: await recent.get(),
    send: (command: MenuCommand) => send('menu', command),
    openRecent: (path) => void handlers.openRecent(path).then((r) => r.ok && send('open-file', r.value)),
    clearRecent: () => void handlers.clearRecent().then(rebuildMenu),
  })));
}

function registerIpc(): void {
  for (const method of HOST_METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      const result = await dispatch(handlers, method, args, {
        frameUrl: frame?.url,
        isMainWindowTopFrame: !!mainWindow && event.sender === mainWindow.webContents && frame === mainWindow.webContents.mainFrame,
      }, allowedOrigins, (m) => console.warn(`[host] ${m}`));
      if (method === 'saveFile' || method === 'openFile' || method === 'openRecent' || method === 'setSettings' || method === 'clearRecent') void rebuildMenu();
      return result;
    });
  }
}

/** Playable copies by audio path: the file itself, or a constant-rate copy of a VBR MP3 (seeks drift otherwise). */
const playable = new Map<string, Promise<string>>();

function playablePath(path: string): Promise<string> {
  let p = playable.get(path);
  if (!p) {
    p = playableMedia(path, { cacheDir: defaultCacheDir(path) }).then((m) => m.path, () => path);
    playable.set(path, p);
  }
  return p;
}

function registerProtocol(): void {
  protocol.handle(MEDIA_SCHEME, (request) => serveMediaRequest(request, (url) => {
    const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return url.host === 'file' && handlers.policy.audio.has(path) ? playablePath(path) : null;
  }));
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(RENDERER_ROOT, request.url, APP_HOST);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Type', contentTypeOf(file));
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

async function createWindow(): Promise<void> {
  const saved = await settings.get();
  const bounds = restoreBounds(saved.windowBounds, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...bounds, minWidth: 720, minHeight: 480, show: false, title: 'Jiaodui',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  mainWindow = win;
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (e, url) => { if (!isAllowedNavigation(url)) e.preventDefault(); });
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.on('close', (e) => {
    const b = win.getNormalBounds();
    void settings.get().then((s) => settings.set({ ...s, windowBounds: { ...b, maximized: win.isMaximized() } }));
    if (!documentState.dirty || closingConfirmed) return;
    e.preventDefault();
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning', buttons: ['Save', "Don't save", 'Cancel'], defaultId: 0, cancelId: 2,
      message: 'Save changes before closing?', detail: 'Your unsaved work is kept in the recovery file until you choose.',
    });
    if (choice === 0) send('save-before-close', null);
    if (choice === 1) {
      closingConfirmed = true;
      void handlers.clearRecovery().then(() => win.close());
    }
  });
  win.on('closed', () => { mainWindow = null; });
  win.webContents.once('did-finish-load', () => { for (const p of pendingFiles.splice(0)) void openFromOs(p); });
  await (DEV_URL ? win.loadURL(DEV_URL) : win.loadURL(`${APP_ORIGIN}/index.html`));
}

function fileArgs(argv: readonly string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && /\.(jiaodui\.json|txt|srt|vtt|json|md)$/i.test(a));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    for (const file of fileArgs(argv)) void openFromOs(file);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromOs(path);
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    pendingFiles.push(...fileArgs(process.argv));
    registerProtocol();
    registerIpc();
    await rebuildMenu();
    await createWindow();
  });
}
