/**
 * The web chat page in a real browser (headless Debian Chromium): the user asks in French about
 * Haiti and sees a French answer card, asks in Spanish for the Panama video and gets its button
 * first, which opens the video's address, and a follow-up ("y en Honduras?") is answered in
 * context. Its screenshot goes to a temporary folder (to docs/ under `npm run screenshots`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startBot, type RunningBot } from '../support/botServer';
import { screenshotDir, waitForReplyInView } from '../support/webChatPage';

const SCREENSHOT = join(screenshotDir(), 'webchat.png');

let bot: RunningBot;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  bot = await startBot({}, { webChat: {} });
  browser = await launchBrowser({ locale: 'fr-CA' });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

const input = () => page.locator('[data-id="webchat-sendbox-input"]');
/** The bot's side of the transcript: its bubbles and its cards. */
const REPLIES = '.webchat__bubble:not(.webchat__bubble--from-user), .ac-adaptiveCard';

/** Types a message and waits until the bot's answer for it shows in the transcript. */
async function ask(text: string, expected: RegExp): Promise<void> {
  const before = await page.locator(REPLIES).count();
  await input().fill(text);
  await input().press('Enter');
  // A page-side expression (a string: the tests are compiled without the DOM's types).
  const selector = REPLIES;
  await page.waitForFunction(
    `(() => { const replies = Array.from(document.querySelectorAll(${JSON.stringify(selector)}));
      return replies.length > ${before} && new RegExp(${JSON.stringify(expected.source)}).test(replies.slice(${before}).map((e) => e.textContent || '').join(' ')); })()`,
    undefined,
    { timeout: 20_000 },
  );
}

describe('web chat page', () => {
  it('shows the intro in the browser language and the bot welcome', async () => {
    await page.goto(bot.url, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('h2#intro-title').textContent()).resolves.toMatch(/partenariats/);
    await page.waitForSelector('.webchat__bubble', { timeout: 20_000 });
    await expect(page.locator('#webchat').textContent()).resolves.toMatch(/Bonjour/);
  }, 60_000);

  it('answers in French about Haiti with a French card', async () => {
    await ask('Que fait DID en Haïti ?', /PANSEH/);
    const card = page.locator('.ac-adaptiveCard').last();
    await expect(card.textContent()).resolves.toMatch(/Organisation responsable/);
    await expect(card.textContent()).resolves.toMatch(/Le Levier/);
  }, 60_000);

  it('offers the Panama video as the first button of the card, in Spanish, which opens its address', async () => {
    await ask('¿Hay un video del proyecto en Panamá?', /Centro Financiero para Empresas/);
    const button = page.locator('.ac-adaptiveCard').last().locator('button').first();
    await expect(button.textContent()).resolves.toMatch(/Video \(español\)/);
    // The page records what the button opens instead of leaving the machine.
    await page.evaluate('window.open = (url) => { window.openedUrl = url; return null; }');
    await button.click();
    await expect(page.evaluate('window.openedUrl')).resolves.toBe('https://youtu.be/hxRwdlre_i0');
  }, 60_000);

  it('keeps the context for a follow-up', async () => {
    await ask('¿Qué hace SOCODEVI en Bolivia?', /Bolivia/);
    await ask('y en Honduras?', /Mejores ingresos|forestal|Honduras/);
    await expect(page.locator('.ac-adaptiveCard').last().textContent()).resolves.toMatch(/Honduras/);
    await expect(waitForReplyInView(page)).resolves.toBe(true);
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);

  it('loaded nothing from outside the machine', () => {
    expect(browser.blocked.filter((url) => !/fonts|favicon/.test(url))).toEqual([]);
  });
});
