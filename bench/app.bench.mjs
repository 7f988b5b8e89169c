#!/usr/bin/env node
/* global document, window, requestAnimationFrame, KeyboardEvent */
/**
 * App performance in Chromium (performance marks + long-task observer), on the web build:
 *   1. the seed transcript (or the bundled sample) renders: time from choosing the file to rows on screen;
 *   2. a ~70,000-segment transcript (the seed concatenated 100×) opens: rows on screen (parse in the worker, segments
 *      streamed), then all flags in (detection by chunks, flags streamed as columns), with long tasks meanwhile;
 *   3. scrolling it for ~3 s: long tasks over 50 ms;
 *   4. "accept all fillers" on it (Shift+A): keydown to the next painted frame.
 *   5. memory (first, in a Chromium without DevTools' Network domain; bench/lib.mjs bareChromium): the page's
 *      renderer process — the app and its worker — with the bundled sample, the seed, and the N× file open.
 * Usage: node bench/app.bench.mjs [--no-build] [--times N] [--profile] (CPU profile of scrolling and accept-all)
 *        [--memory-only | --no-memory] [--dist DIR] (serve another web build instead of building dist/web)
 * Needs /usr/bin/chromium. Reads /work/shared/seeds/001_*.txt when present, else samples/waic-2024-excerpt.txt.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { build } from 'vite';
import { bareChromium, memoryLine, memoryThenPage } from './lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TMP = mkdtempSync(join(tmpdir(), 'jiaodui-bench-'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

/** Serves dist/web like any static server would. */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(dir, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    if (!file.startsWith(dir + sep) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}
const args = process.argv.slice(2);
const times = Number(args[args.indexOf('--times') + 1]) || 100;
const SEEDS = '/work/shared/seeds';
const seedName = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith('001_') && f.endsWith('.txt')) : undefined;
const seedPath = seedName ? join(SEEDS, seedName) : join(ROOT, 'samples/waic-2024-excerpt.txt');
const seed = readFileSync(seedPath, 'utf8');

const DIST = args.includes('--dist') ? resolve(args[args.indexOf('--dist') + 1]) : join(ROOT, 'dist/web');
if (!args.includes('--no-build') && !args.includes('--dist')) await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'warn' });
const { server, url } = await serveStatic(DIST);

const big = Array.from({ length: times }, () => seed).join('\n\n');

/** Memory (see bench/lib.mjs): the page's renderer after the sample, the seed and the N× file are open. */
async function memoryPass() {
  const c = await bareChromium(url);
  const rss = [];
  const note = async (label) => {
    const m = await c.memory();
    rss.push(m.renderer?.rss ?? 0);
    console.log(`memory, ${label}: ${memoryLine(m)}`);
    return m;
  };
  const openFile = async (name, text) => {
    const file = join(TMP, name);
    writeFileSync(file, text);
    await c.chooseFiles('[data-testid="open-button"]', [file]);
    await c.waitFor((n) => document.title.includes(n) && Boolean(document.querySelector('.segment')) && Boolean(document.querySelector('.app[data-busy="false"]')), name.replace(/\.txt$/, ''), 600_000);
    await new Promise((r) => setTimeout(r, 1000));
  };
  try {
    await c.waitFor(() => Boolean(document.querySelector('.app[data-ready="true"] [data-testid="review-view"] .segment') && document.querySelector('.app[data-busy="false"]')));
    await new Promise((r) => setTimeout(r, 1000));
    await note('the bundled sample open');
    await openFile('seed.txt', seed);
    await note(`the seed open (${seed.length.toLocaleString()} characters)`);
    await openFile('big.txt', big);
    const last = await note(`the ${times}× file open (${(big.length / 1e6).toFixed(1)} M characters, all flags in)`);
    console.log(`memory: the page's renderer process peaked at ${last.renderer?.peak.toFixed(0)} MB RSS (VmHWM); after each step RSS ${rss.map((x) => x.toFixed(0)).join(' → ')} MB`);
  } finally {
    await c.close();
  }
}
const { browser, context, page } = await memoryThenPage(args, server, memoryPass);
await page.goto(url);
await page.waitForSelector('[data-testid="review-view"] .segment');
if (args.includes('--no-autosave')) {
  await page.evaluate(() => localStorage.setItem('jiaodui.settings', JSON.stringify({ sampleShown: true, autosaveSeconds: 3600 })));
  await page.reload();
  await page.waitForSelector('.app[data-ready="true"]');
}

async function open(name, text) {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__observer?.disconnect();
    window.__observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); });
    window.__observer.observe({ type: 'longtask', buffered: false });
  });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="open-button"]')]);
  const t0 = Date.now();
  // a real file path: Chromium reads it like a user's file (a buffer would be decoded by page script first)
  const file = join(TMP, name);
  writeFileSync(file, text);
  await chooser.setFiles(file);
  await page.waitForFunction((n) => document.title.includes(n.replace(/\.txt$/, '')) && document.querySelector('.segment'), name, { timeout: 300_000, polling: 20 });
  const rowsWall = Date.now() - t0;
  await page.waitForSelector('.app[data-busy="false"]', { timeout: 600_000, polling: 50 });
  const wall = Date.now() - t0;
  const marks = await page.evaluate(() => {
    const rows = performance.measure('rows', 'jiaodui:file-chosen', 'jiaodui:open-rows').duration;
    const all = performance.measure('open', 'jiaodui:file-chosen', 'jiaodui:open-end').duration;
    performance.clearMarks();
    performance.clearMeasures();
    window.__observer.disconnect();
    return { rows, all, longTasks: window.__longTasks };
  });
  const counts = await page.evaluate(() => ({ segments: document.querySelector('[data-testid="flag-summary"]')?.textContent, rows: document.querySelectorAll('.segment').length }));
  return { rowsWall, wall, marks, counts };
}
/** With --profile: a CPU profile of the page's main thread around fn, printed as the top self-time functions. */
async function profiled(label, fn) {
  if (!args.includes('--profile')) return fn();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`  profile of ${label}:`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  await cdp.detach();
  return result;
}

const lt = (list) => `${list.length} long tasks >50 ms${list.length ? ` (max ${Math.max(...list).toFixed(0)} ms)` : ''}`;

const small = await open('seed.txt', seed);
console.log(`seed (${seedName ?? 'sample'}, ${seed.length.toLocaleString()} chars): open→rows ${small.rowsWall} ms (marks ${small.marks.rows.toFixed(0)} ms), all flags in ${small.wall} ms; ${small.counts.segments}; ${lt(small.marks.longTasks)}`);

const bigRun = await profiled(`opening ${times}×`, () => open('big.txt', big));
const segCount = await page.evaluate(() => document.querySelector('.statusbar')?.textContent ?? '');
console.log(`${times}× seed (${(big.length / 1e6).toFixed(1)} M chars): open→rows ${bigRun.rowsWall} ms (marks ${bigRun.marks.rows.toFixed(0)} ms), all flags in ${bigRun.wall} ms (marks ${bigRun.marks.all.toFixed(0)} ms); ${lt(bigRun.marks.longTasks)} while opening; ${segCount}`);

const scroll = await profiled('scrolling', () => page.evaluate(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const el = document.querySelector('[data-testid="segment-list"]');
  const start = performance.now();
  let frames = 0;
  let worstFrame = 0;
  let last = start;
  while (performance.now() - start < 3000) {
    el.scrollTop += 900;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    worstFrame = Math.max(worstFrame, now - last);
    last = now;
    frames++;
  }
  el.scrollTop = el.scrollHeight * 0.9;
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  return { frames, worstFrame, longTasks, scrolledTo: el.scrollTop };
}));
console.log(`scroll 3 s: ${scroll.frames} frames, worst frame ${scroll.worstFrame.toFixed(1)} ms, long tasks >50 ms: ${scroll.longTasks.length}${scroll.longTasks.length ? ` (max ${Math.max(...scroll.longTasks).toFixed(0)} ms)` : ''}`);

await page.evaluate(() => { document.querySelector('[data-testid="segment-list"]').scrollTop = 0; });
await page.waitForTimeout(300);
await page.locator('mark.flag.kind-filler').first().click();
const accept = await profiled('accept all fillers', () => page.evaluate(async () => {
  const before = document.querySelector('[data-testid="flag-summary"]').textContent;
  const t0 = performance.now();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', shiftKey: true, bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const t1 = performance.now();
  return { ms: t1 - t0, before, after: document.querySelector('[data-testid="flag-summary"]').textContent, label: document.querySelector('[data-testid="undo"]').title };
}));
console.log(`accept all fillers: ${accept.ms.toFixed(0)} ms to the next painted frame (${accept.label}; ${accept.before} → ${accept.after})`);

await browser.close();
server.close();
