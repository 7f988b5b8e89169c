/**
 * The web build end to end in Chromium: first visit opens the sample with flags; review by keys and clicks;
 * undo; inline edit; SRT export compared with the expected file; interface language; autosave recovery.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HAVE_CHROMIUM, freshPage, launch, waitForDocument } from './browser';

const EXPECTED = join(import.meta.dirname, 'expected');
let browser: Browser;

const pendingCount = (page: Page) => page.locator('mark.flag.status-pending').count();

async function firstFlag(page: Page): Promise<string> {
  await page.keyboard.press('j');
  const id = await page.getAttribute('mark.flag.selected', 'data-flag-id');
  if (!id) throw new Error('J selected no flag');
  return id;
}

/** True once the web host's IndexedDB holds a recovery record. */
const hasRecovery = (page: Page) => page.evaluate(() => new Promise<boolean>((ok) => {
  const req = indexedDB.open('jiaodui');
  req.onsuccess = () => {
    const get = req.result.transaction('kv').objectStore('kv').get('recovery');
    get.onsuccess = () => {
      req.result.close();
      ok(get.result !== undefined);
    };
  };
}));

const statusOf = (page: Page, id: string) => page.getAttribute(`mark[data-flag-id="${id}"]`, 'data-status');

describe.skipIf(!HAVE_CHROMIUM)('web app in Chromium', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the bundled sample on the first visit and shows flags coloured by kind', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    expect(await page.locator('.segment').count()).toBeGreaterThan(5);
    expect(await page.locator('mark.flag').count()).toBeGreaterThan(0);
    const kinds = await page.locator('mark.flag').evaluateAll((els) => [...new Set(els.map((e) => [...e.classList].find((c) => c.startsWith('kind-'))))]);
    expect(kinds.length).toBeGreaterThan(1);
    expect(await page.textContent('[data-testid="flag-summary"]')).toMatch(/flags to review/);
    await context.close();
  });

  it('accepts by key, rejects by click, undoes with the step name, and edits a segment', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    const first = await firstFlag(page);
    await page.keyboard.press('a');
    expect(await statusOf(page, first)).toBe('accepted');
    // A moved the selection on; reject that one with the side panel's button
    const second = await page.getAttribute('mark.flag.selected', 'data-flag-id');
    expect(second).not.toBe(first);
    await page.click('[data-testid="reject"]');
    expect(await statusOf(page, second!)).toBe('rejected');
    expect(await page.getAttribute('[data-testid="undo"]', 'title')).toMatch(/^Undo reject 1 \w+ flag$/);
    await page.click('[data-testid="undo"]');
    expect(await statusOf(page, second!)).not.toBe('rejected');
    expect(await statusOf(page, first)).toBe('accepted');
    await page.click('[data-testid="redo"]');
    expect(await statusOf(page, second!)).toBe('rejected');

    const row = page.locator('.segment').nth(2);
    const segmentId = await row.getAttribute('data-segment-id');
    await row.locator('.segment-text').dblclick();
    await page.fill('[data-testid="segment-editor"]', '人工智能技术的发展速度远远快于监管制度调整的速度。');
    await page.keyboard.press('Enter');
    const edited = page.locator(`.segment[data-segment-id="${segmentId}"] .edited-text`);
    expect(await edited.textContent()).toBe('人工智能技术的发展速度远远快于监管制度调整的速度。');
    expect(await page.getAttribute('[data-testid="dirty-marker"]', 'class')).toBe('dirty');
    await page.keyboard.press('Control+z');
    expect(await edited.count()).toBe(0);
    await context.close();
  });

  it('accepts all of a kind as one undoable step', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    await firstFlag(page);
    const before = await pendingCount(page);
    await page.keyboard.press('Shift+A');
    const title = await page.getAttribute('[data-testid="undo"]', 'title');
    expect(title).toMatch(/^Undo accept \d+ \w+ flags?$/);
    expect(await pendingCount(page)).toBeLessThan(before);
    await page.keyboard.press('Control+z');
    expect(await pendingCount(page)).toBe(before);
    await context.close();
  });

  it('exports SRT that matches the expected file', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    await firstFlag(page);
    await page.keyboard.press('a');
    await page.keyboard.press('x');
    await page.click('[data-testid="export-button"]');
    await page.selectOption('[data-testid="export-format"]', 'srt');
    await page.waitForSelector('[data-testid="export-save"]:not([disabled])');
    expect(await page.textContent('[data-testid="export-preview"]')).toMatch(/^1\n\d\d:\d\d:\d\d,\d\d\d --> /);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-save"]')]);
    expect(download.suggestedFilename()).toBe('waic-2024-excerpt.srt');
    const got = await readFile(await download.path(), 'utf8');
    const expectedPath = join(EXPECTED, 'waic-2024-excerpt.srt');
    if (process.env['UPDATE_EXPECTED'] === '1') await writeFile(expectedPath, got);
    // regenerate with UPDATE_EXPECTED=1 after a deliberate change to the rules or the exporter, and read the diff
    expect(got).toBe(await readFile(expectedPath, 'utf8'));
    await context.close();
  });

  it('switches the interface language and remembers it', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    expect(await page.textContent('[data-testid="tab-review"]')).toBe('Review');
    await page.selectOption('[data-testid="locale"]', 'zh');
    expect(await page.textContent('[data-testid="tab-review"]')).toBe('校对');
    expect(await page.textContent('[data-testid="flag-summary"]')).toMatch(/待校对/);
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    expect(await page.textContent('[data-testid="tab-review"]')).toBe('校对');
    await context.close();
  });

  it('defaults to Chinese on a Chinese system', async () => {
    const { context, page } = await freshPage(browser, 'zh-CN');
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    expect(await page.textContent('[data-testid="tab-diff"]')).toBe('对比');
    // the current flag's reason is worded in Chinese; the rule's English stays on hover
    await firstFlag(page);
    const reason = page.locator('[data-testid="current-flag"] [data-testid="flag-reason"]');
    expect(await reason.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await reason.textContent()).not.toMatch(/\b(?:filled pause|repeated|glossary|not a word)\b/);
    expect(await reason.getAttribute('title')).toMatch(/[a-z]{3,}/);
    await context.close();
  });

  it('offers autosaved work after a crash and recovers it', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    const first = await firstFlag(page);
    await page.keyboard.press('a');
    // autosave runs every 5 s while there are unsaved changes
    for (let waited = 0; !(await hasRecovery(page)); waited += 250) {
      if (waited > 15_000) throw new Error('no autosave within 15 s');
      await page.waitForTimeout(250);
    }
    await page.close({ runBeforeUnload: false });
    const again = await context.newPage();
    await again.goto(inject('baseUrl'));
    await again.waitForSelector('[data-testid="recovery"]');
    await again.click('[data-testid="recover"]');
    await again.waitForSelector('[data-testid="review-view"] .segment');
    expect(await statusOf(again, first)).toBe('accepted');
    expect(await again.getAttribute('[data-testid="dirty-marker"]', 'class')).toBe('dirty');
    await context.close();
  });

  it('shows the diff, glossary and bilingual views', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    await firstFlag(page);
    await page.keyboard.press('Shift+A');
    await page.click('[data-testid="tab-diff"]');
    await page.waitForSelector('[data-testid="diff-view"] .diff-row del, [data-testid="diff-view"] .diff-row ins');
    await page.click('[data-testid="tab-glossary"]');
    await page.fill('[data-testid="glossary-term"]', '姚期智');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.glossary-table input[value="姚期智"]');
    await page.click('[data-testid="tab-bilingual"]');
    await page.click('[data-testid="align-cues"]');
    // the sample is an interpreted talk: its Chinese and English are different speech, never paired
    await page.waitForSelector('[data-testid="bilingual-empty"]');
    expect(await page.textContent('[data-testid="bilingual-empty"]')).toMatch(/not bilingual cue by cue/);
    expect(await page.locator('[data-testid="pair"]').count()).toBe(0);
    await context.close();
  });
});
