/**
 * What readers see on the web chat page, on a phone (390x844) and a desktop (1280x800), in the
 * three languages: an example question sent by its button, then five typed ones. After each
 * turn the send box and the top of the newest reply are on screen; no word of a card is broken
 * across lines and no button title is cut (at 320 px too); the page never grows past the screen. The screenshot
 * after the sixth turn goes to a temporary folder (to docs/ under `npm run screenshots`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import conversations from '../fixtures/webchat-conversations.json';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startBot, type RunningBot } from '../support/botServer';
import { activityCount, ask, buttonsCut, onScreen, replyInView, screenshotDir, SEND_BOX, waitForReply, waitForReplyInView, wordsBrokenInCards } from '../support/webChatPage';

/**
 * Per language (test/fixtures/webchat-conversations.json): what the first example button's answer
 * shows, then five typed questions whose answers the page must fit (a compact card, a list, a
 * profile, the funders), each with a piece of text its answer shows.
 */
interface Conversation {
  readonly locale: string;
  readonly example: string;
  readonly turns: ReadonlyArray<{ readonly question: string; readonly expected: string }>;
}
const CONVERSATIONS = conversations as Record<string, Conversation>;

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

const SCREENSHOTS = screenshotDir();

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot({}, { webChat: {} });
}, 60_000);

afterAll(async () => {
  await bot?.close();
});

/** The send box and the newest reply's top are on screen once the transcript has scrolled; no card word broken, no button cut. */
async function expectReadable(page: Page, turn: string): Promise<void> {
  // The transcript scrolls smoothly to the new reply: wait for the scroll to bring it in view.
  await waitForReplyInView(page);
  const screen = await onScreen(page);
  expect({ turn, screen, inView: replyInView(screen) }).toEqual({ turn, screen, inView: true });
  expect({ turn, broken: await wordsBrokenInCards(page) }).toEqual({ turn, broken: [] });
  expect({ turn, cut: await buttonsCut(page) }).toEqual({ turn, cut: [] });
}

describe.each(Object.entries(CONVERSATIONS))('web chat in %s', (language, conversation) => {
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: conversation.locale });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(Object.entries(VIEWPORTS))('keeps the send box and the newest reply in view for six turns on a %s', async (device, viewport) => {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    await page.goto(bot.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.ac-adaptiveCard', { timeout: 20_000 });
    // On a phone too, the send box is on screen as soon as the page has loaded.
    const atLoad = await onScreen(page);
    expect(atLoad.sendBox.bottom).toBeLessThanOrEqual(atLoad.viewportHeight);

    // The first example question, sent by its button (folded with the intro on a phone).
    if (device === 'phone') await page.locator('#intro summary').click();
    const example = page.locator('#examples button').first();
    const exampleText = (await example.textContent()) ?? '';
    const before = await activityCount(page);
    await example.click();
    await waitForReply(page, before, new RegExp(conversation.example));
    await expect(page.locator('.webchat__stacked-layout--from-user').last().textContent()).resolves.toContain(exampleText);
    await expectReadable(page, exampleText);

    for (const turn of conversation.turns) {
      await ask(page, turn.question, new RegExp(turn.expected));
      await expectReadable(page, turn.question);
    }

    const screen = await onScreen(page);
    expect(screen.pageHeight).toBeLessThanOrEqual(screen.viewportHeight);
    await expect(page.locator(SEND_BOX).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `webchat-${language}-${device}.png`) });
    if (device === 'phone') {
      // The narrowest phones (and Teams mobile): the same cards at 320 px.
      await page.setViewportSize({ width: 320, height: 640 });
      expect({ width: 320, broken: await wordsBrokenInCards(page), cut: await buttonsCut(page) }).toEqual({ width: 320, broken: [], cut: [] });
    }
    await page.close();
  }, 90_000);

  it('loaded nothing from outside the machine', () => {
    expect(browser.blocked.filter((url) => !/fonts|favicon/.test(url))).toEqual([]);
  });
});
