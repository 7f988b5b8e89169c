/**
 * Screenshots of each view on the real seed transcript (/work/shared/seeds/001_*.txt) for the README, written to
 * docs/screenshots/ (the bilingual view also on samples/bilingual-panel.srt, since the seed is not a translation pair).
 * Skipped when the seed is not present (npm test must not need /work/shared).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { HAVE_CHROMIUM, freshPage, launch, waitForDocument, waitIdle } from './browser';

const SEEDS = '/work/shared/seeds';
const seed = existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith('001_') && f.endsWith('.txt')) : undefined;
const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const GLOSSARY = resolve(import.meta.dirname, '../../samples/waic-glossary.tsv');
const BILINGUAL = resolve(import.meta.dirname, '../../samples/bilingual-panel.srt');

let browser: Browser;

async function openWithChooser(page: Page, click: () => Promise<void>, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles(file);
  await page.waitForTimeout(100);
  await waitIdle(page);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

describe.skipIf(!HAVE_CHROMIUM || !seed)('screenshots on the seed transcript', () => {
  beforeAll(async () => {
    browser = await launch();
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['zh-CN', 'en-US'] as const) {
    it(`captures every view (${locale})`, async () => {
      const { context, page } = await freshPage(browser, locale, { width: 1400, height: 860 });
      const suffix = locale === 'zh-CN' ? '' : '-en';
      await page.goto(inject('baseUrl'));
      await waitForDocument(page);
      await openWithChooser(page, () => page.click('[data-testid="open-button"]'), join(SEEDS, seed!));
      await page.waitForFunction((name) => document.title.includes(name), seed!.replace(/\.txt$/, ''));
      await page.waitForSelector('[data-testid="review-view"] mark.flag');
      // import the event glossary so misrecognitions of names are flagged too
      await page.click('[data-testid="tab-glossary"]');
      await openWithChooser(page, () => page.click('[data-testid="glossary-import"]'), GLOSSARY);
      await page.waitForSelector('.glossary-table tbody tr');
      await page.waitForTimeout(800);
      await waitIdle(page);
      await shoot(page, `glossary${suffix}`);
      await page.click('[data-testid="tab-review"]');
      for (let i = 0; i < 4; i++) await page.keyboard.press('j');
      await page.keyboard.press('a');
      await page.keyboard.press('x');
      const mark = page.locator('mark.flag.status-pending').nth(3);
      await mark.hover();
      await shoot(page, `review${suffix}`);
      await page.mouse.move(5, 400);
      await page.click('[data-testid="tab-diff"]');
      await page.waitForSelector('.diff-row');
      await shoot(page, `diff${suffix}`);
      await page.click('[data-testid="tab-bilingual"]');
      // the seed is an interpreted talk: the view says so instead of pairing unrelated sentences
      await page.click('[data-testid="align-cues"]');
      await page.waitForSelector('[data-testid="bilingual-empty"]');
      await shoot(page, `bilingual-seed${suffix}`);
      await page.click('[data-testid="export-button"]');
      await page.waitForSelector('[data-testid="export-save"]:not([disabled])');
      await shoot(page, `export${suffix}`);
      await page.keyboard.press('Escape');
      // a bilingual subtitle file, paired cue by cue with the aligner's scores
      await openWithChooser(page, () => page.click('[data-testid="open-button"]'), BILINGUAL);
      await page.click('[data-testid="tab-bilingual"]');
      await page.click('[data-testid="align-cues"]');
      await page.waitForSelector('[data-testid="pair"]');
      await shoot(page, `bilingual${suffix}`);
      await context.close();
    });
  }
});
