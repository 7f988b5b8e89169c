import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type FileKind, type RecentFile, type SaveKind, type Settings } from '../../shared/ipc';
import { createHostHandlers } from '../../electron/main/host-handlers';
import { nodeFilesForTest } from './node-files';
import { memoryStore } from '../../electron/node/json-store';

let dir: string;
let openAnswer: string | null;
let saveAnswer: string | null;
let saveAsked: { kind: SaveKind; name: string }[];
let state: { title: string; dirty: boolean } | null;

function make() {
  return createHostHandlers({
    dialogs: {
      showOpen: (_kind: FileKind) => Promise.resolve(openAnswer),
      showSave: (kind, name) => {
        saveAsked.push({ kind, name });
        return Promise.resolve(saveAnswer);
      },
    },
    files: nodeFilesForTest,
    settings: memoryStore<Settings>({ ...DEFAULT_SETTINGS }),
    recent: memoryStore<RecentFile[]>([]),
    recoveryPath: join(dir, 'recovery.json'),
    samplePath: join(dir, 'sample.txt'),
    appInfo: { name: 'Jiaodui', version: '0.0.0', mode: 'electron', platform: 'linux', locale: 'zh-CN' },
    mediaUrl: (p) => `jiaodui-media://file/${encodeURIComponent(p)}`,
    audio: {
      loadPeaks: () => Promise.reject(new Error('not used here')),
      readWindowPeaks: () => Promise.reject(new Error('not used here')),
      autoTime: () => Promise.reject(new Error('not used here')),
      cacheDirs: () => [dir],
    },
    onAudioProgress: () => undefined,
    onDocumentState: (s) => { state = s; },
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiaodui-host-'));
  openAnswer = null;
  saveAnswer = null;
  saveAsked = [];
  state = null;
});

describe('main-process host handlers', () => {
  it('reads the chosen transcript and lists it as recent', async () => {
    const h = make();
    const path = join(dir, 'talk.txt');
    await writeFile(path, '大家好');
    openAnswer = path;
    const r = await h.openFile('transcript');
    expect(r.ok && r.value && new TextDecoder().decode(r.value.bytes)).toBe('大家好');
    const recent = await h.recentFiles();
    expect(recent.ok && recent.value.map((x) => x.name)).toEqual(['talk.txt']);
  });

  it('returns null when the open dialog is cancelled', async () => {
    expect(await make().openFile('glossary')).toEqual({ ok: true, value: null });
  });

  it('never writes over the opened source transcript, even when the user picks it in Save as', async () => {
    const h = make();
    const path = join(dir, 'talk.txt');
    await writeFile(path, 'original');
    openAnswer = path;
    await h.openFile('transcript');
    saveAnswer = path;
    const r = await h.saveFile({ kind: 'export', suggestedName: 'talk.txt', content: 'cleaned' });
    expect(r).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(await readFile(path, 'utf8')).toBe('original');
  });

  it('refuses a silent save to a path this session never chose', async () => {
    const r = await make().saveFile({ kind: 'project', suggestedName: 'x.jiaodui.json', content: '{}', path: join(dir, 'elsewhere.json') });
    expect(r).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves a project through the dialog, then saves again silently to the same path', async () => {
    const h = make();
    saveAnswer = join(dir, 'talk.jiaodui.json');
    const first = await h.saveFile({ kind: 'project', suggestedName: 'talk.jiaodui.json', content: 'v1' });
    expect(first).toEqual({ ok: true, value: { path: saveAnswer, name: 'talk.jiaodui.json' } });
    const second = await h.saveFile({ kind: 'project', suggestedName: 'talk.jiaodui.json', content: 'v2', path: saveAnswer });
    expect(second.ok).toBe(true);
    expect(saveAsked).toHaveLength(1);
    expect(await readFile(saveAnswer, 'utf8')).toBe('v2');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reopens only files that are in the recent list', async () => {
    const h = make();
    await writeFile(join(dir, 'secret.txt'), 'x');
    expect(await h.openRecent(join(dir, 'secret.txt'))).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  it('writes, reads and clears the recovery file', async () => {
    const h = make();
    expect(await h.readRecovery()).toEqual({ ok: true, value: null });
    await h.writeRecovery('{"schema":"jiaodui.project"}');
    expect(await h.readRecovery()).toEqual({ ok: true, value: { content: '{"schema":"jiaodui.project"}', savedAt: '2026-01-02T03:04:05.000Z' } });
    await h.clearRecovery();
    expect(await h.readRecovery()).toEqual({ ok: true, value: null });
  });

  it('keeps the recovery base (the source bytes) beside the record and clears both', async () => {
    const h = make();
    await h.writeRecoveryBase(new TextEncoder().encode('第一句。'));
    await h.writeRecovery('{"schema":"jiaodui.recovery"}');
    const r = await h.readRecovery();
    expect(r.ok && r.value?.base && new TextDecoder().decode(r.value.base)).toBe('第一句。');
    await h.clearRecovery();
    expect(await h.readRecovery()).toEqual({ ok: true, value: null });
    await h.writeRecovery('{}');
    const again = await h.readRecovery();
    expect(again.ok && again.value?.base).toBeUndefined();
  });

  it('treats a corrupt recovery file as no recovery rather than failing', async () => {
    const h = make();
    await writeFile(join(dir, 'recovery.json'), '{"content": tru');
    expect(await h.readRecovery()).toEqual({ ok: true, value: null });
  });

  it('merges settings patches', async () => {
    const h = make();
    await h.setSettings({ locale: 'zh' });
    const r = await h.setSettings({ zoom: 1.25 });
    expect(r.ok && r.value).toMatchObject({ locale: 'zh', zoom: 1.25, autosaveSeconds: 5 });
  });

  it('reports a missing sample as not-found and passes document state on', async () => {
    const h = make();
    expect(await h.loadSample()).toMatchObject({ ok: false, code: 'not-found' });
    await h.setDocumentState({ title: 'talk', dirty: true });
    expect(state).toEqual({ title: 'talk', dirty: true });
  });

  it('locates audio without reading it', async () => {
    openAnswer = join(dir, 'talk.mp3');
    const r = await make().openAudio();
    expect(r.ok && r.value).toEqual({ path: openAnswer, name: 'talk.mp3', url: `jiaodui-media://file/${encodeURIComponent(openAnswer)}` });
  });
});
