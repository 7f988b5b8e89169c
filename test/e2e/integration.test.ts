/**
 * The app's detection equals the CLI's (same built lexicons, fetched by the worker from `data/`); the glossary
 * panel's import re-runs detection and brings misrecognition flags; the bilingual view pairs a bilingual
 * subtitle file cue by cue, aligns a transcript with a translation file and exports bilingual SRT.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDetectResources } from '../../electron/cli/resources';
import { detectTranscript } from '../../shared/detect';
import { parseBytes } from '../../shared/formats';
import { parseGlossary } from '../../shared/glossary';
import { RESOURCE } from '../../shared/lexicon/types';
import { HAVE_CHROMIUM, freshPage, launch, waitForDocument, waitIdle } from './browser';

const SAMPLES = join(import.meta.dirname, '../../samples');
let browser: Browser;

/** Flags the CLI finds in a sample (its resource loader: lexicon, English words, optional glossary). */
async function cliFlags(sample: string, glossaryFile?: string) {
  const bytes = await readFile(join(SAMPLES, sample));
  const parsed = parseBytes(bytes, { fileName: sample });
  if (!parsed.ok) throw new Error(parsed.message);
  const loaded = await loadDetectResources({ glossaries: [], references: [] });
  if (!loaded.ok) throw new Error(loaded.message);
  const resources = { ...loaded.value };
  if (glossaryFile) resources[RESOURCE.glossary] = parseGlossary(await readFile(join(SAMPLES, glossaryFile), 'utf8'), glossaryFile).glossary;
  return detectTranscript(parsed.value.transcript, { resources });
}

const totalFlags = async (page: Page) => Number((await page.textContent('[data-testid="flag-summary"]'))!.replace(/,/g, '').match(/of (\d+)/)![1]);

async function openThrough(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(button)]);
  await chooser.setFiles({ name, mimeType: 'text/plain', buffer });
  await page.waitForTimeout(100);
  await waitIdle(page);
}

describe.skipIf(!HAVE_CHROMIUM)('integration in Chromium', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('detects exactly what the CLI detects, lexicons included', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    const cli = await cliFlags('waic-2024-excerpt.txt');
    expect(cli.some((f) => f.ruleId === 'zh.lexicon' || f.ruleId === 'en.garble')).toBe(true);
    expect(await totalFlags(page)).toBe(cli.length);
    await context.close();
  });

  it('imports a glossary, re-detects, and shows misrecognition flags from it', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    expect(await page.locator('mark.flag[data-flag-id^="zh.glossary@"]').count()).toBe(0);
    await page.click('[data-testid="tab-glossary"]');
    await openThrough(page, '[data-testid="glossary-import"]', 'waic-glossary.tsv', await readFile(join(SAMPLES, 'waic-glossary.tsv')));
    await page.waitForSelector('.glossary-table input[value="姚期智"]');
    const cli = await cliFlags('waic-2024-excerpt.txt', 'waic-glossary.tsv');
    await page.waitForFunction((n) => document.querySelector('[data-testid="flag-summary"]')?.textContent?.replace(/,/g, '').includes(`of ${n}`), cli.length);
    await page.click('[data-testid="tab-review"]');
    const glossaryFlags = page.locator('mark.flag.kind-misrecognition[data-flag-id^="zh.glossary@"]');
    expect(await glossaryFlags.count()).toBeGreaterThan(0);
    await glossaryFlags.first().click();
    expect(await page.textContent('[data-testid="current-flag"]')).toMatch(/in glossary/);
    await context.close();
  });

  it('pairs a bilingual subtitle file cue by cue and exports bilingual SRT', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    await openThrough(page, '[data-testid="open-button"]', 'bilingual-panel.srt', await readFile(join(SAMPLES, 'bilingual-panel.srt')));
    await page.click('[data-testid="tab-bilingual"]');
    await page.click('[data-testid="align-cues"]');
    await page.waitForSelector('[data-testid="pair"]');
    const first = page.locator('[data-testid="pair"]').first();
    expect(await first.textContent()).toMatch(/人工智能治理论坛.*forum on AI governance/);
    expect(await page.textContent('[data-testid="alignment-source"]')).toMatch(/inside each cue/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-bilingual-srt"]')]);
    const srt = await readFile(await download.path(), 'utf8');
    expect(srt).toMatch(/^1\n00:00:01,200 --> 00:00:04,800\n欢迎各位来到人工智能治理论坛。\nWelcome to the forum on AI governance\.\n/);
    await context.close();
  });

  it('aligns a transcript with a translation file opened through the host', async () => {
    const srt = await readFile(join(SAMPLES, 'bilingual-panel.srt'), 'utf8');
    // the sample's Chinese lines as one file and its English lines as the other
    const side = (keep: (line: string) => boolean) => srt.split(/\n\n+/).map((cue) => {
      const [n, time, ...lines] = cue.split('\n');
      return [n, time, ...lines.filter(keep)].join('\n');
    }).join('\n\n');
    const zh = side((l) => /\p{Script=Han}/u.test(l));
    const en = side((l) => !/\p{Script=Han}/u.test(l));
    const { context, page } = await freshPage(browser);
    await page.goto(inject('baseUrl'));
    await waitForDocument(page);
    await openThrough(page, '[data-testid="open-button"]', 'panel-zh.srt', Buffer.from(zh));
    await page.click('[data-testid="tab-bilingual"]');
    await openThrough(page, '[data-testid="open-translation"]', 'panel-en.srt', Buffer.from(en));
    await page.waitForSelector('[data-testid="pair"]');
    expect(await page.textContent('[data-testid="alignment-source"]')).toMatch(/panel-en\.srt/);
    const first = page.locator('[data-testid="pair"]').first();
    expect(await first.textContent()).toMatch(/人工智能治理论坛.*forum on AI governance/);
    const scores = await page.locator('[data-testid="pair-confidence"]').allTextContents();
    expect(scores.every((s) => s === '—' || (Number(s) >= 0 && Number(s) <= 1))).toBe(true);
    await context.close();
  });
});
