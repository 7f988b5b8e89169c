import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_EVENTS, HOST_METHODS, MENU_COMMANDS, channelOf, ok, type MenuCommand } from '../../shared/ipc';
import { contentTypeOf, resolveAppPath } from '../../electron/main/app-protocol';
import { dispatch, isTrustedSender } from '../../electron/main/dispatch';
import type { HostHandlers } from '../../electron/main/host-handlers';
import { buildMenuTemplate } from '../../electron/main/menu';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/main/security';
import { restoreBounds } from '../../electron/main/window-state';
import { writeFileAtomic } from '../../electron/node/atomic-write';
import { pushRecent, repairSettings } from '../../electron/node/settings-file';
import { buildHost } from '../../electron/preload/build-host';
import type { MenuItemConstructorOptions } from 'electron';

const trusted = { frameUrl: 'app://jiaodui/index.html', isMainWindowTopFrame: true };
const origins = ['app://jiaodui'];

function fakeHandlers(calls: unknown[][]): HostHandlers {
  return new Proxy({}, {
    get: (_t, method) => (...args: unknown[]) => {
      calls.push([method, ...args]);
      if (method === 'getSettings') throw new Error('disk on fire');
      return Promise.resolve(ok(null));
    },
  }) as HostHandlers;
}

describe('IPC dispatch', () => {
  it('refuses calls from a frame that is not our window on our origin', async () => {
    const calls: unknown[][] = [];
    const h = fakeHandlers(calls);
    expect(await dispatch(h, 'clearRecent', [], { ...trusted, frameUrl: 'https://evil.example/' }, origins)).toMatchObject({ code: 'forbidden-sender' });
    expect(await dispatch(h, 'clearRecent', [], { ...trusted, isMainWindowTopFrame: false }, origins)).toMatchObject({ code: 'forbidden-sender' });
    expect(calls).toEqual([]);
  });

  it('validates arguments before a handler runs', async () => {
    const calls: unknown[][] = [];
    const r = await dispatch(fakeHandlers(calls), 'openFile', ['/etc/passwd'], trusted, origins);
    expect(r).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(calls).toEqual([]);
  });

  it('turns a handler exception into an internal error value', async () => {
    const r = await dispatch(fakeHandlers([]), 'getSettings', [], trusted, origins);
    expect(r).toEqual({ ok: false, code: 'internal', message: 'getSettings failed: disk on fire' });
  });

  it('accepts the dev server origin only when it is listed', () => {
    const dev = { frameUrl: 'http://localhost:5173/', isMainWindowTopFrame: true };
    expect(isTrustedSender(dev, origins)).toBe(false);
    expect(isTrustedSender(dev, [...origins, 'http://localhost:5173'])).toBe(true);
  });
});

describe('preload', () => {
  it('exposes exactly the contract methods plus on(), each invoking its own channel', async () => {
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (e: unknown, p: unknown) => void>();
    const host = buildHost({
      invoke: (channel, ...args) => { invoked.push([channel, ...args]); return Promise.resolve(ok(1)); },
      on: (channel, l) => listeners.set(channel, l),
      removeListener: (channel) => listeners.delete(channel),
    });
    expect(Object.keys(host).sort()).toEqual([...HOST_METHODS, 'on'].sort());
    await host.openFile('transcript');
    expect(invoked).toEqual([['jiaodui:openFile', 'transcript']]);
    const got: MenuCommand[] = [];
    const off = host.on('menu', (c) => got.push(c));
    listeners.get(channelOf('menu'))!({ sender: 'ipc internals' }, 'undo');
    expect(got).toEqual(['undo']);
    off();
    expect(listeners.size).toBe(0);
    expect(() => host.on('shell' as never, () => undefined)).toThrow(/unknown event/);
    expect(HOST_EVENTS).toContain('open-file');
  });
});

describe('menu', () => {
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);

  it('routes every menu command to the renderer, with the standard accelerators', () => {
    const sent: MenuCommand[] = [];
    const items = flatten(buildMenuTemplate({ locale: 'en', platform: 'linux', recent: [], send: (c) => sent.push(c), openRecent: () => undefined, clearRecent: () => undefined }));
    for (const item of items) if (item.click && item.enabled !== false) (item.click as () => void)();
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
    const accel = (label: string) => items.find((i) => i.label === label)?.accelerator;
    expect(accel('Undo')).toBe('CmdOrCtrl+Z');
    expect(accel('Save project')).toBe('CmdOrCtrl+S');
    expect(accel('Accept all of this kind')).toBe('Shift+A');
  });

  it('lists recent files and speaks Chinese when asked', () => {
    const opened: string[] = [];
    const recent = pushRecent([], { path: '/talks/waic.txt', name: 'waic.txt', kind: 'transcript' });
    const items = flatten(buildMenuTemplate({ locale: 'zh', platform: 'linux', recent, send: () => undefined, openRecent: (p) => opened.push(p), clearRecent: () => undefined }));
    (items.find((i) => i.label === 'waic.txt')!.click as () => void)();
    expect(opened).toEqual(['/talks/waic.txt']);
    expect(items.some((i) => i.label === '撤销')).toBe(true);
  });
});

describe('window security and state', () => {
  it('isolates, sandboxes and denies Node in the renderer', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppPath('/app/out/renderer', 'app://jiaodui/assets/a.js', 'jiaodui')).toBe('/app/out/renderer/assets/a.js');
    expect(resolveAppPath('/app/out/renderer', 'app://jiaodui/', 'jiaodui')).toBe('/app/out/renderer/index.html');
    expect(resolveAppPath('/app/out/renderer', 'app://jiaodui/..%2F..%2Fetc/passwd', 'jiaodui')).toBeNull();
    expect(resolveAppPath('/app/out/renderer', 'app://other/index.html', 'jiaodui')).toBeNull();
  });

  it('serves the built lexicons the worker fetches from data/ as text', () => {
    expect(resolveAppPath('/app/out/renderer', 'app://jiaodui/data/zh-lexicon.tsv', 'jiaodui')).toBe('/app/out/renderer/data/zh-lexicon.tsv');
    expect(contentTypeOf('/app/out/renderer/data/zh-lexicon.tsv')).toMatch(/^text\//);
    expect(contentTypeOf('/app/out/renderer/data/en-words.txt')).toMatch(/^text\/plain/);
  });

  it('restores window bounds only when they are on a display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 100, y: 100, width: 1000, height: 700 }, displays)).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    expect(restoreBounds({ x: 3000, y: 100, width: 1000, height: 700 }, displays)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('repairs a corrupt settings file field by field', () => {
    expect(repairSettings({ locale: 'zh', zoom: 'huge', extra: 1 })).toMatchObject({ locale: 'zh', zoom: 1 });
    expect(repairSettings('garbage')).toMatchObject({ locale: null });
  });
});

describe('atomic write', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiaodui-atomic-'));
    const path = join(dir, 'p.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, '新内容');
    expect(await readFile(path, 'utf8')).toBe('新内容');
    expect(await readdir(dir)).toEqual(['p.json']);
  });

  it('fails without touching the target when the directory is missing', async () => {
    await expect(writeFileAtomic(join(tmpdir(), 'no-such-dir-jiaodui', 'x'), 'a')).rejects.toThrow();
  });
});
