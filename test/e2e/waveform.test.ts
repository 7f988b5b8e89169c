/**
 * The waveform view in the web build, in Chromium: open the speech sample's transcript and its recording, the
 * waveform appears with the recording's duration, automatic timing gives every segment a start (undoable), a click
 * on a segment seeks the media element there and plays, Esc toggles playback, `[` retimes the selected segment at
 * the playhead and Ctrl+Z takes it back, and a saved project names its audio, which a browser must be given again.
 * Writes docs/screenshots/waveform.png.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HAVE_CHROMIUM, freshPage, launch, waitForDocument, waitIdle } from './browser';

const ROOT = join(import.meta.dirname, '../..');
const TRANSCRIPT = join(ROOT, 'samples/waic-excerpt-speech.txt');
const AUDIO = join(ROOT, 'samples/waic-excerpt-speech.ogg');
const SHOTS = join(ROOT, 'docs/screenshots');

let browser: Awaited<ReturnType<typeof launch>>;

async function choose(page: Page, button: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`[data-testid="${button}"]`)]);
  await chooser.setFiles(file);
}

const media = (page: Page) => page.evaluate(() => {
  const el = document.querySelector<HTMLAudioElement>('audio[data-testid="waveform-media"]')!;
  return { time: el.currentTime, paused: el.paused, duration: el.duration };
});
const times = (page: Page) => page.locator('[data-testid="segment-time"]').allTextContents();

describe.skipIf(!HAVE_CHROMIUM)('waveform in Chromium', () => {
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await freshPage(browser, 'en-US', { width: 1280, height: 760 }));
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    await choose(page, 'open-button', TRANSCRIPT);
    await page.waitForFunction(() => document.title.includes('waic-excerpt-speech'));
    await waitIdle(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the waveform of the chosen recording with its duration', async () => {
    await choose(page, 'audio-button', AUDIO);
    await page.waitForSelector('[data-testid="waveform"][data-state="ready"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="waveform"] canvas').count()).toBeGreaterThan(0);
    const shown = Number(await page.getAttribute('[data-testid="waveform"]', 'data-duration-ms'));
    await page.waitForFunction(() => Number.isFinite(document.querySelector<HTMLAudioElement>('audio[data-testid="waveform-media"]')?.duration));
    const { duration } = await media(page);
    expect(shown).toBeGreaterThan(50_000);
    expect(Math.abs(shown - duration * 1000)).toBeLessThan(100);
    expect(await page.textContent('[data-testid="clock"]')).toBe(`0:00.0 / 0:${String(Math.floor(duration)).padStart(2, '0')}`);
  });

  it('times the untimed transcript automatically, in one undoable step', async () => {
    expect((await times(page)).every((t) => t.startsWith('#'))).toBe(true);
    await page.click('[data-testid="auto-time"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="segment-time"]')].every((e) => !e.textContent.startsWith('#')));
    const timed = await times(page);
    expect(timed.length).toBe(3);
    expect(new Set(timed).size).toBe(timed.length);
    expect(await page.getAttribute('[data-testid="undo"]', 'title')).toBe('Undo retime 3 segments');
    const regions = await page.evaluate(() => (window as unknown as { __jiaoduiRegions: () => number }).__jiaoduiRegions());
    expect(regions).toBe(3);
    await page.keyboard.press('Control+z');
    expect((await times(page)).every((t) => t.startsWith('#'))).toBe(true);
    await page.keyboard.press('Control+y');
    expect(await times(page)).toEqual(timed);
    // every timed segment lies over speech: the silence check finds nothing and adds no undo step
    await page.click('[data-testid="check-silence"]');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent.startsWith('0 segments have text over') === true);
    expect(await page.getAttribute('[data-testid="undo"]', 'title')).toBe('Undo retime 3 segments');
  });

  it('seeks to a segment when its row is clicked, plays, and Esc pauses and resumes', async () => {
    const rows = page.locator('.segment');
    const start = await rows.nth(2).locator('[data-testid="segment-time"]').textContent();
    const [mm, ss] = start!.split(':').map(Number);
    await rows.nth(2).click();
    const after = await media(page);
    expect(after.time).toBeGreaterThanOrEqual(mm! * 60 + ss! - 0.01);
    expect(after.time).toBeLessThan(mm! * 60 + ss! + 1.5);
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('audio[data-testid="waveform-media"]')!.paused);
    expect(await page.getAttribute('[data-testid="play"]', 'title')).toMatch(/^Pause/);
    await page.keyboard.press('Escape');
    expect((await media(page)).paused).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('audio[data-testid="waveform-media"]')!.paused);
    await page.keyboard.press('Escape');
    expect((await media(page)).paused).toBe(true);
  });

  it('moves and speeds playback by keys, retimes a segment at the playhead with [ and undoes it', async () => {
    const row = page.locator('.segment').nth(1);
    await row.click();
    await page.keyboard.press('Escape');
    const before = await row.locator('[data-testid="segment-time"]').textContent();
    const t0 = (await media(page)).time;
    await page.keyboard.press('F2');
    await page.keyboard.press('F2');
    await page.keyboard.press('F2');
    expect((await media(page)).time).toBeCloseTo(t0 + 6, 0);
    await page.keyboard.press('F1');
    expect((await media(page)).time).toBeCloseTo(t0 + 4, 0);
    await page.keyboard.press('F3');
    expect(await page.textContent('[data-testid="rate"]')).toBe('0.9×');
    await page.keyboard.press('F4');
    expect(await page.textContent('[data-testid="rate"]')).toBe('1×');
    await page.keyboard.press('[');
    const moved = await row.locator('[data-testid="segment-time"]').textContent();
    expect(moved).not.toBe(before);
    expect(await page.getAttribute('[data-testid="undo"]', 'title')).toBe('Undo retime 1 segment');
    await page.keyboard.press('Control+z');
    expect(await row.locator('[data-testid="segment-time"]').textContent()).toBe(before);
  });

  it('keeps the waveform and playback when switching to the Diff view and back', async () => {
    await page.locator('.segment').nth(0).click();
    await page.click('[data-testid="tab-diff"]');
    await page.waitForSelector('[data-testid="diff-view"]');
    expect(await page.getAttribute('[data-testid="waveform"]', 'data-state')).toBe('ready');
    const t = (await media(page)).time;
    await page.waitForFunction((from) => document.querySelector<HTMLAudioElement>('audio[data-testid="waveform-media"]')!.currentTime > from + 0.2, t);
    await page.click('[data-testid="tab-review"]');
    await page.keyboard.press('Escape');
    expect((await media(page)).paused).toBe(true);
  });

  it('draws the detail of the visible window past 100 pixels a second (deep zoom) and drops it zoomed out', async () => {
    const zoom = page.locator('[data-testid="zoom"]');
    await zoom.fill('10'); // 1,000 px/s
    const overlay = page.locator('[data-testid="waveform"] canvas[data-deep-zoom]');
    await overlay.waitFor({ state: 'attached' });
    const box = await overlay.evaluate((c: HTMLCanvasElement) => ({ width: c.width, left: parseFloat(c.style.left) }));
    const view = await page.evaluate(() => {
      const scroller = document.querySelector('.waveform-canvas > div')!.shadowRoot!.querySelector('.scroll')!;
      return { left: scroller.scrollLeft, width: scroller.clientWidth };
    });
    // the detail covers the visible window and half a window on each side (clipped at the ends of the file)
    expect(box.left).toBeLessThanOrEqual(view.left + 1);
    expect(box.left + box.width).toBeGreaterThanOrEqual(view.left + view.width - 1);
    expect(box.width).toBeGreaterThan(view.width * 1.4);
    await zoom.fill('0');
    await overlay.waitFor({ state: 'detached' });
    // regression: zooming back out left the timeline laid out for the old scale, without labels
    await page.waitForFunction(() => [...document.querySelector('.waveform-canvas > div')!.shadowRoot!.querySelectorAll('[part~="timeline-notch"]')].some((n) => n.textContent === '20'));
  });

  it('writes the screenshot', async () => {
    await page.locator('.segment').nth(1).click();
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(400); // regions fade their colour over 0.2 s
    await page.screenshot({ path: join(SHOTS, 'waveform.png') });
    await page.selectOption('[data-testid="locale"]', 'zh');
    await page.waitForSelector('[data-testid="play"]:has-text("播放")');
    await page.screenshot({ path: join(SHOTS, 'waveform-zh.png') });
    await page.selectOption('[data-testid="locale"]', 'en');
  });

  it('saves the audio with the project; reopened in a browser, the user is asked to choose it again', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const project = JSON.parse(await readFile((await download.path()), 'utf8')) as { audioPath: string; extras: { audio: { name: string } }; transcript: { segments: { start?: number }[] } };
    expect(project.audioPath).toBe('waic-excerpt-speech.ogg');
    expect(project.extras.audio.name).toBe('waic-excerpt-speech.ogg');
    expect(project.transcript.segments.every((s) => typeof s.start === 'number')).toBe(true);
    await page.click('[aria-label="Close audio"]');
    await choose(page, 'open-button', (await download.path()));
    await page.waitForSelector('[data-testid="audio-missing"]');
    expect(await page.textContent('[data-testid="audio-missing"]')).toContain('choose the file again');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="audio-missing"] button.primary')]);
    await chooser.setFiles(AUDIO);
    await page.waitForSelector('[data-testid="waveform"][data-state="ready"]', { timeout: 30_000 });
  });
});
