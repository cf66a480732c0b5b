import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const ARTIFACTS = join(import.meta.dirname, '.artifacts');
const README_SCREENSHOTS = join(import.meta.dirname, '..', '..', 'assets', 'screenshots');

/**
 * Saves a screenshot under tests/e2e/.artifacts; with UPDATE_SCREENSHOTS=1 also as the README's
 * copy in assets/screenshots (so that ordinary runs leave the working tree clean).
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(README_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(README_SCREENSHOTS, name) });
  }
}
