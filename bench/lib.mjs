/* global document, requestAnimationFrame */
// Shared benchmark helpers: load TypeScript modules from the repo by bundling them with esbuild into a
// temporary ESM file (the benchmarks are plain Node scripts), and time a function over repeated runs; measure the
// app's memory in Chromium (bareChromium, below).
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = join(ROOT, '..', 'shared');

/**
 * Bundles a TypeScript entry (path relative to the repo root) into `outfile` (default: a new temporary
 * directory) and returns the file's path. `external`: leave packages to node_modules (the outfile must then
 * sit inside the repo, e.g. under node_modules/.cache, so they resolve).
 */
export async function bundleTs(entry, { outfile = join(mkdtempSync(join(tmpdir(), 'jiaodui-bench-')), 'bundle.mjs'), external = false } = {}) {
  await build({
    absWorkingDir: ROOT, entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', logLevel: 'error', ...(external ? { packages: 'external' } : {}),
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

/** Bundles a TypeScript entry (path relative to the repo root) and imports it. */
export async function loadTs(entry) {
  return import(pathToFileURL(await bundleTs(entry)).href);
}

/** Median wall time in ms of `fn` over `runs` runs (after one warm-up). */
export function time(fn, runs = 5) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

export function mb(bytes) {
  return Math.round(bytes / 1048576);
}


/*
 * Memory of the app in Chromium. Chromium runs a page and its dedicated workers in one renderer process; the app
 * starts its work worker on load, so the page's renderer is the one with a `DedicatedWorker` thread. Measured
 * from /proc: RSS, PSS, private anonymous memory, the part of RSS that is the Chromium executable (code and data
 * shared by all of Chromium's processes) and the peak RSS (VmHWM) since the process started.
 *
 * Why not through playwright: playwright enables the DevTools Network domain on every page and worker it drives,
 * and the network agent keeps each response body (up to 10 MB a resource) in the renderer so that
 * `Network.getResponseBody` can answer — ~50 MB of the app's data files held twice, which the app alone never
 * holds. `bareChromium` launches Chromium with only a CDP pipe and attaches to the page without enabling Network,
 * so the renderer holds what the app holds. JS heaps: `Performance.getMetrics` of the page and
 * `Runtime.getHeapUsage` of each worker (V8's used heap, and the ArrayBuffer backing stores outside it, where
 * the typed-array lexicons and peaks live).
 */

/** The processes of the Chromium whose browser process carries `tag` (KB figures; `worker`: a DedicatedWorker thread). */
export function chromiumProcesses(tag) {
  const kb = (text, key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).trim().split('\n').map((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l);
    return m ? { pid: Number(m[1]), ppid: Number(m[2]), args: m[3] } : null;
  }).filter(Boolean);
  const mine = new Set(rows.filter((r) => r.args.includes(tag)).map((r) => r.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (!mine.has(r.pid) && mine.has(r.ppid)) { mine.add(r.pid); grew = true; }
  }
  const threads = (pid) => {
    try {
      return readdirSync(`/proc/${pid}/task`).map((t) => { try { return readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').trim(); } catch { return ''; } });
    } catch {
      return [];
    }
  };
  return rows.filter((r) => mine.has(r.pid)).map((r) => {
    let rollup = '';
    let status = '';
    let binary = 0;
    try {
      rollup = readFileSync(`/proc/${r.pid}/smaps_rollup`, 'utf8');
      status = readFileSync(`/proc/${r.pid}/status`, 'utf8');
      let inBinary = false;
      for (const line of readFileSync(`/proc/${r.pid}/smaps`, 'utf8').split('\n')) {
        if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inBinary = /\/chromium$/.test(line.trim());
        else if (inBinary && line.startsWith('Rss:')) binary += kb(line, 'Rss');
      }
    } catch { /* the process ended */ }
    const type = /--type=([\w-]+)/.exec(r.args)?.[1] ?? 'browser';
    return {
      pid: r.pid, type: type === 'utility' ? /--utility-sub-type=([\w.]+)/.exec(r.args)?.[1] ?? type : type,
      worker: type === 'renderer' && threads(r.pid).includes('DedicatedWorker'),
      rss: kb(rollup, 'Rss'), pss: kb(rollup, 'Pss'), anon: kb(rollup, 'Anonymous'), binary, hwm: kb(status, 'VmHWM'),
    };
  });
}

/**
 * The app benches' two passes: first the memory pass in a bare Chromium (skipped with `--no-memory`; with
 * `--memory-only` the run ends there), then a playwright page at 1400×900 in English for the timing pass.
 */
export async function memoryThenPage(args, server, memoryPass) {
  if (!args.includes('--no-memory')) await memoryPass();
  if (args.includes('--memory-only')) {
    server.close();
    process.exit(0);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  return { browser, context, page: await context.newPage() };
}

/** In the page: scrolls the segment list 900 px a frame for 3 s, then back to the top. */
export async function scrollListFor3s() {
  const el = document.querySelector('[data-testid="segment-list"]');
  const start = performance.now();
  while (performance.now() - start < 3000) {
    el.scrollTop += 900;
    await new Promise((r) => requestAnimationFrame(r));
  }
  el.scrollTop = 0;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Chromium driven through a CDP pipe with no Network domain (see above): `url` opens in its one page.
 * `evaluate(fn, arg)` runs `fn(arg)` in the page (awaited, with a user gesture); `chooseFiles(selector, files)`
 * clicks a button and answers the file chooser it opens; `key(key)` presses a key; `memory()` measures.
 */
export async function bareChromium(url, { width = 1400, height = 900 } = {}) {
  const tag = `--jiaodui-bench=${process.pid}-${Date.now()}`;
  const profile = mkdtempSync(join(tmpdir(), 'jiaodui-chromium-'));
  const child = spawn('/usr/bin/chromium', [...CHROMIUM_ARGS, tag, '--remote-debugging-pipe', `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`, '--lang=en-US', url], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [toChromium, fromChromium] = [child.stdio[3], child.stdio[4]];
  let seq = 1;
  const waiting = new Map();
  const listeners = new Set();
  let buffered = '';
  fromChromium.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const w = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) w?.reject(new Error(`${w.method}: ${message.error.message}`));
        else w?.resolve(message.result);
      } else for (const l of listeners) l(message);
    }
  });
  const send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
    const id = seq++;
    waiting.set(id, { resolve, reject, method });
    toChromium.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  });
  const next = (method, test = () => true, timeout = 60_000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listeners.delete(l); reject(new Error(`no ${method} in ${timeout} ms`)); }, timeout);
    const l = (m) => { if (m.method === method && test(m)) { clearTimeout(timer); listeners.delete(l); resolve(m); } };
    listeners.add(l);
  });
  let target;
  for (let i = 0; i < 100 && !target; i++) {
    target = (await send('Target.getTargets')).targetInfos.find((t) => t.type === 'page');
    if (!target) await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId: page } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
  const workers = new Map();
  listeners.add((m) => {
    if (m.method === 'Target.attachedToTarget' && m.params.targetInfo.type === 'worker') workers.set(m.params.sessionId, m.params.targetInfo.url);
    if (m.method === 'Target.detachedFromTarget') workers.delete(m.params.sessionId);
  });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, page);
  await send('Page.enable', {}, page);
  await send('Performance.enable', {}, page);
  await send('Page.setInterceptFileChooserDialog', { enabled: true }, page);

  const evaluate = async (fn, arg) => {
    const r = await send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`, awaitPromise: true, returnByValue: true, userGesture: true,
    }, page);
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  const waitFor = async (fn, arg, timeout = 300_000) => {
    const start = Date.now();
    while (!(await evaluate(fn, arg).catch(() => false))) {
      if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${fn}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const click = async (selector, nth = 0) => {
    const box = await evaluate(([s, n]) => {
      const el = document.querySelectorAll(s)[n];
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, [selector, nth]);
    for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
      await send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 }, page);
    }
  };
  const chooseFiles = async (selector, files) => {
    const opened = next('Page.fileChooserOpened');
    await click(selector);
    const { params } = await opened;
    await send('DOM.setFileInputFiles', { files, backendNodeId: params.backendNodeId }, page);
  };
  const CODES = { Escape: 27, F1: 112, F2: 113, F3: 114, F4: 115 };
  const key = async (name) => {
    for (const type of ['rawKeyDown', 'keyUp']) {
      await send('Input.dispatchKeyEvent', { type, key: name, code: name, windowsVirtualKeyCode: CODES[name] ?? 0 }, page);
    }
  };
  /** The page's renderer (MB), the other Chromium processes, and the JS heaps after a GC (MB). */
  const memory = async () => {
    const all = chromiumProcesses(tag);
    const renderer = all.find((p) => p.worker) ?? null;
    await send('HeapProfiler.collectGarbage', {}, page).catch(() => undefined);
    const { metrics } = await send('Performance.getMetrics', {}, page);
    const heap = { used: (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576 };
    const workerHeaps = [];
    for (const sessionId of workers.keys()) {
      await send('HeapProfiler.collectGarbage', {}, sessionId).catch(() => undefined);
      const usage = await send('Runtime.getHeapUsage', {}, sessionId).catch(() => null);
      if (usage) workerHeaps.push({ used: usage.usedSize / 1048576, buffers: (usage.backingStorageSize ?? 0) / 1048576 });
    }
    const mbOf = (p) => p && { rss: p.rss / 1024, pss: p.pss / 1024, anon: p.anon / 1024, binary: p.binary / 1024, peak: p.hwm / 1024 };
    const others = all.filter((p) => p !== renderer);
    return {
      renderer: mbOf(renderer), heap, workers: workerHeaps,
      others: { rss: others.reduce((a, p) => a + p.rss, 0) / 1024, pss: others.reduce((a, p) => a + p.pss, 0) / 1024 },
    };
  };
  const close = async () => {
    await send('Browser.close').catch(() => undefined);
    await new Promise((r) => { if (child.exitCode !== null) r(); else { child.once('exit', r); setTimeout(() => { child.kill(); r(); }, 5000); } });
    rmSync(profile, { recursive: true, force: true });
  };
  return { send, next, evaluate, waitFor, click, chooseFiles, key, memory, close, tag };
}

/** One line for a `memory()` result. */
export function memoryLine(m) {
  const r = m.renderer;
  const f = (x) => x.toFixed(0);
  const workers = m.workers.map((w) => `worker heap ${w.used.toFixed(1)} MB + ArrayBuffers ${w.buffers.toFixed(1)} MB`).join(', ') || 'no worker';
  return `${r ? `page renderer RSS ${f(r.rss)} MB (PSS ${f(r.pss)}, private anonymous ${f(r.anon)}, Chromium executable ${f(r.binary)}; peak RSS so far ${f(r.peak)})` : 'page renderer not found'}; `
    + `page JS heap ${m.heap.used.toFixed(1)} MB, ${workers}; other Chromium processes RSS ${f(m.others.rss)} MB (PSS ${f(m.others.pss)})`;
}
