/**
 * Headless Debian Chromium for end-to-end tests, driven by playwright-core (no browser download):
 * the flags that keep it off the network, a fresh profile, and every request that is not to the
 * loopback address aborted, so a missing local asset fails the test instead of reaching a CDN.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const LOOPBACK_URL = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//i;

export interface TestBrowser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  /** Requests the page tried to send elsewhere than loopback (and that were aborted). */
  readonly blocked: string[];
  close(): Promise<void>;
}

export async function launchBrowser(options: { locale?: string } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1100, height: 900 },
  });
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (LOOPBACK_URL.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return {
    context,
    blocked,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
