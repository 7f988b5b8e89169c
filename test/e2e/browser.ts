/**
 * Launches Debian's Chromium through playwright-core. Without /usr/bin/chromium the e2e suite is skipped with a
 * message, except in CI (CI=true), where a missing browser must fail the run loudly.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['JIAODUI_CHROMIUM'] ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env['CI'] === 'true' || process.env['CI'] === '1';

if (!HAVE_CHROMIUM) {
  if (IN_CI) throw new Error(`e2e: ${CHROMIUM} is missing; CI must install it (apt-get install -y chromium fonts-noto-cjk)`);
  console.warn(`\n[e2e] SKIPPED: ${CHROMIUM} not found. Install it with: apt-get install -y chromium fonts-noto-cjk\n`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A fresh profile (empty storage = first visit) with a fixed viewport and locale. */
export async function freshPage(browser: Browser, locale = 'en-US', viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport, acceptDownloads: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return { context, page };
}

/** Waits for the app to start and the first document (the sample) to be open with all its flags in. */
export async function waitForDocument(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-ready="true"]');
  await page.waitForSelector('[data-testid="review-view"] .segment');
  await waitIdle(page);
}

/** Waits until no worker task (loading, detection, alignment) is running. */
export async function waitIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('.app[data-busy="false"]', { timeout });
}
