#!/usr/bin/env node
/* global document, window, requestAnimationFrame, HTMLInputElement */
/**
 * The waveform view with a long recording, in Chromium on the web build:
 *   1. makes a long test recording with the bundled ffmpeg (3 s of a 220 Hz tone, 1 s of silence, repeated; 32 kbit/s
 *      CBR MP3) and its peaks with the CLI (`jiaodui peaks`, the desktop app's pipeline: ffmpeg → streamed peaks);
 *   2. makes a timed transcript of N segments (seed or sample lines) spread over the recording, as SRT;
 *   3. opens the transcript, then the recording with its peaks JSON (the web host reads the peaks and streams the
 *      audio through an <audio> element, nothing decoded): file chosen → waveform ready, JS heap after;
 *   4. long tasks (> 50 ms) and the worst frame while: scrolling the segment list 3 s; playing 5 s at 2× with the
 *      list following; panning the waveform across the file 3 s (regions recreated for each window).
 *   5. memory (first, in a Chromium without DevTools' Network domain; bench/lib.mjs): the page's renderer process —
 *      the app and its worker — after each of those steps, its peak, and the JS heaps of page and worker.
 * Usage: node bench/waveform.bench.mjs [--no-build] [--minutes 180] [--segments 3000] [--memory-only | --no-memory]
 *        [--dist DIR] (serve another web build, e.g. one of the previous code, instead of building dist/web)
 * Needs /usr/bin/chromium and `npm run build:cli` (dist/cli). The audio is kept in $TMPDIR/jiaodui-waveform-bench.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { build } from 'vite';
import { bareChromium, memoryLine, memoryThenPage, scrollListFor3s } from './lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const MINUTES = opt('--minutes', 180);
const SEGMENTS = opt('--segments', 3000);
const WORK = join(tmpdir(), 'jiaodui-waveform-bench');
mkdirSync(WORK, { recursive: true });

const ffmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path;
const audio = join(WORK, `tone-${MINUTES}min.mp3`);
if (!existsSync(audio)) {
  const t0 = Date.now();
  execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i',
    `aevalsrc='if(lt(mod(t,4),3),0.4*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*0.3*t)),0)':s=16000:d=${MINUTES * 60}`,
    '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', audio]);
  console.log(`made ${audio} (${(statSync(audio).size / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const peaksJson = join(WORK, `tone-${MINUTES}min.peaks.json`);
const cacheDir = join(WORK, `cache-${Date.now()}`);
const p0 = Date.now();
const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli/jiaodui.mjs'), 'peaks', audio, '-o', peaksJson, '--cache-dir', cacheDir], { encoding: 'utf8' });
if (cli.status !== 0) throw new Error(`jiaodui peaks failed: ${cli.stderr}`);
const peaksCold = Date.now() - p0;
const p1 = Date.now();
spawnSync(process.execPath, [join(ROOT, 'dist/cli/jiaodui.mjs'), 'peaks', audio, '-o', peaksJson, '--cache-dir', cacheDir]);
console.log(`peaks (CLI, ffmpeg → streamed peaks): cold ${(peaksCold / 1000).toFixed(1)} s, warm ${Date.now() - p1} ms (process start included); JSON ${(statSync(peaksJson).size / 1e6).toFixed(1)} MB`);
rmSync(cacheDir, { recursive: true, force: true });

// a timed transcript: seed lines (or the sample's) cut to ~60 characters, one cue per slot
const SEEDS = '/work/shared/seeds';
const seedName = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith('001_') && f.endsWith('.txt')) : undefined;
const lines = readFileSync(seedName ? join(SEEDS, seedName) : join(ROOT, 'samples/waic-2024-excerpt.txt'), 'utf8')
  .split(/\n+/).map((l) => l.trim()).filter((l) => l.length > 4).map((l) => [...l].slice(0, 60).join(''));
const slot = (MINUTES * 60 * 1000) / SEGMENTS;
const clock = (ms) => new Date(ms).toISOString().slice(11, 23).replace('.', ',');
const srt = Array.from({ length: SEGMENTS }, (_, i) => `${i + 1}\n${clock(i * slot)} --> ${clock(i * slot + slot * 0.8)}\n${lines[i % lines.length]}\n`).join('\n');
const srtPath = join(WORK, `talk-${SEGMENTS}.srt`);
writeFileSync(srtPath, srt);

const DIST = args.includes('--dist') ? resolve(args[args.indexOf('--dist') + 1]) : join(ROOT, 'dist/web');
if (!args.includes('--no-build') && !args.includes('--dist')) await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'warn' });
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };
const dist = DIST;
const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = resolve(dist, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
  if (!file.startsWith(dist + sep) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

/**
 * The memory pass: the same steps in a Chromium driven without DevTools' Network domain (bench/lib.mjs
 * bareChromium: playwright's network agent would keep ~50 MB of response bodies in the renderer), measuring the
 * page's renderer process (the page and its worker) after each step, and its peak RSS over the whole run.
 */
async function memoryPass(url) {
  const c = await bareChromium(url);
  const rows = [];
  const note = async (label) => {
    const m = await c.memory();
    rows.push([label, m]);
    console.log(`memory, ${label}: ${memoryLine(m)}`);
  };
  try {
    await c.waitFor(() => Boolean(document.querySelector('.app[data-ready="true"] [data-testid="review-view"] .segment') && document.querySelector('.app[data-busy="false"]')));
    await new Promise((r) => setTimeout(r, 1000));
    await note('the bundled sample open');
    await c.chooseFiles('[data-testid="open-button"]', [srtPath]);
    await c.waitFor((n) => document.title.includes(n) && Boolean(document.querySelector('.app[data-busy="false"]')), `talk-${SEGMENTS}`);
    await new Promise((r) => setTimeout(r, 500));
    await note(`${SEGMENTS} segments open`);
    await c.chooseFiles('[data-testid="audio-button"]', [audio, peaksJson]);
    await c.waitFor(() => Boolean(document.querySelector('[data-testid="waveform"][data-state="ready"]')));
    await new Promise((r) => setTimeout(r, 500));
    await note(`+ the ${MINUTES}-minute waveform`);
    await c.evaluate(scrollListFor3s);
    await new Promise((r) => setTimeout(r, 300));
    await note('after scrolling the list 3 s');
    await c.evaluate(() => {
      const input = document.querySelector('[data-testid="zoom"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '6');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await c.click('.segment .segment-meta', 3);
    for (let i = 0; i < 5; i++) await c.key('F4');
    const played = await c.evaluate(async () => {
      const media = document.querySelector('audio[data-testid="waveform-media"]');
      const from = media.currentTime;
      await new Promise((r) => setTimeout(r, 5000));
      return media.currentTime - from;
    });
    await c.key('Escape');
    await note(`after playing 5 s at 2× (${played.toFixed(1)} s of audio)`);
    await c.evaluate(async () => {
      const scroller = document.querySelector('.waveform-canvas > div').shadowRoot.querySelector('.scroll');
      const start = performance.now();
      while (performance.now() - start < 3000) {
        scroller.scrollLeft = ((performance.now() - start) / 3000) * (scroller.scrollWidth - scroller.clientWidth);
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => setTimeout(r, 300));
    });
    await note('after panning the waveform across the file in 3 s');
    const peak = Math.max(...rows.map(([, m]) => m.renderer?.peak ?? 0));
    console.log(`memory: the page's renderer process peaked at ${peak.toFixed(0)} MB RSS (VmHWM) over the run; after each step RSS ${rows.map(([, m]) => m.renderer?.rss.toFixed(0)).join(' → ')} MB`);
  } finally {
    await c.close();
  }
}

const { browser, context, page } = await memoryThenPage(args, server, () => memoryPass(`http://127.0.0.1:${server.address().port}/`));
page.on('pageerror', (e) => console.error('[page error]', e.message));
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');

await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('.app[data-ready="true"] [data-testid="review-view"] .segment');
await page.waitForSelector('.app[data-busy="false"]');
const choose = async (button, files) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`[data-testid="${button}"]`)]);
  await chooser.setFiles(files);
};
await choose('open-button', srtPath);
await page.waitForFunction((n) => document.title.includes(n), `talk-${SEGMENTS}`);
await page.waitForSelector('.app[data-busy="false"]', { timeout: 300_000 });

const t0 = Date.now();
await choose('audio-button', [audio, peaksJson]);
await page.waitForSelector('[data-testid="waveform"][data-state="ready"]', { timeout: 300_000 });
const wall = Date.now() - t0;
const marks = await page.evaluate(() => ({
  peaks: performance.measure('peaks', 'jiaodui:file-chosen', 'jiaodui:peaks-end').duration,
  ready: performance.measure('ready', 'jiaodui:file-chosen', 'jiaodui:waveform-ready').duration,
}));
await page.waitForTimeout(500);
console.log(`${SEGMENTS} segments over ${MINUTES} min: chosen → peaks read ${marks.peaks.toFixed(0)} ms, → waveform ready ${marks.ready.toFixed(0)} ms (wall ${wall} ms)`);

/** Runs `body` in the page with a long-task observer and a frame clock; returns its stats. */
const measured = (label, body, arg) => page.evaluate(async ([source, a]) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  const fn = new Function('arg', `return (${source})(arg)`);
  let frames = 0; let worst = 0; let last = performance.now(); let done = false;
  const clock = () => { const now = performance.now(); worst = Math.max(worst, now - last); last = now; frames++; if (!done) requestAnimationFrame(clock); };
  requestAnimationFrame(clock);
  const extra = await fn(a);
  done = true;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { frames, worst, longTasks, extra };
}, [body.toString(), arg]).then((r) => {
  const lt = r.longTasks.length ? ` (max ${Math.max(...r.longTasks).toFixed(0)} ms)` : '';
  console.log(`${label}: ${r.frames} frames, worst frame ${r.worst.toFixed(1)} ms, long tasks > 50 ms: ${r.longTasks.length}${lt}${r.extra ? `; ${r.extra}` : ''}`);
  return r;
});

await measured('scroll the list 3 s (900 px a frame)', scrollListFor3s);

await page.click('[data-testid="zoom"]');
await page.locator('[data-testid="zoom"]').fill('6');
// the time column: a click on the text may land on a flag (which selects the flag, not the row)
await page.locator('.segment .segment-meta').nth(3).click();
await page.keyboard.press('F4'); await page.keyboard.press('F4'); await page.keyboard.press('F4'); await page.keyboard.press('F4'); await page.keyboard.press('F4');
await measured('play 5 s at 2× (list follows, waveform auto-centres)', async () => {
  const media = document.querySelector('audio[data-testid="waveform-media"]');
  const from = media.currentTime;
  await new Promise((r) => setTimeout(r, 5000));
  return `played ${(media.currentTime - from).toFixed(1)} s of audio from ${from.toFixed(1)} s, rate ${media.playbackRate}, paused ${media.paused}, readyState ${media.readyState}, error ${media.error?.code ?? 'none'}, can play mp3: ${media.canPlayType('audio/mpeg')}`;
});
await page.keyboard.press('Escape');

if (args.includes('--profile')) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}
await measured('pan the waveform across the file 3 s', async () => {
  const host = document.querySelector('.waveform-canvas > div');
  const scroller = host.shadowRoot.querySelector('.scroll');
  const start = performance.now();
  let most = 0;
  while (performance.now() - start < 3000) {
    scroller.scrollLeft = ((performance.now() - start) / 3000) * (scroller.scrollWidth - scroller.clientWidth);
    await new Promise((r) => requestAnimationFrame(r));
    most = Math.max(most, window.__jiaoduiRegions?.() ?? 0);
  }
  return `at most ${most} regions at a time, ${window.__jiaoduiRegions?.()} at the end`;
});
if (args.includes('--profile')) {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

await browser.close();
server.close();
