/**
 * What readers see on the web chat page, on a phone (390x844) and a desktop (1280x800) side by
 * side, in the three languages: an example question sent by its button, then five typed ones
 * (follow-ups among them, answered in context). After each turn the send box and the newest reply
 * are on screen; no word of a card is broken across lines and no button title is cut (on the phone
 * at 320 px too); the page never grows past the screen. The whole project card shows its facts; a
 * video asked for is the first button, and opens the video. The screenshot after the sixth turn
 * goes to a temporary folder (to docs/ under `npm run screenshots`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import conversations from '../fixtures/webchat-conversations.json';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startBot, type RunningBot } from '../support/botServer';
import { activityCount, ask, buttonsCut, onScreen, replyInView, screenshotDir, SEND_BOX, waitForReply, waitForReplyInView, wordsBrokenInCards } from '../support/webChatPage';

/**
 * Per language (test/fixtures/webchat-conversations.json): what the first example button's answer
 * and its card show, then five typed questions whose answers the page must fit (a compact card, a
 * list, a profile, the funders), each with a piece of text its answer shows and, for a video, the
 * address its first button opens.
 */
interface Conversation {
  readonly locale: string;
  readonly example: string;
  readonly exampleCardShows: string;
  readonly turns: ReadonlyArray<{ readonly question: string; readonly expected: string; readonly firstButtonOpens?: string }>;
}
const CONVERSATIONS = conversations as Record<string, Conversation>;

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
type Device = keyof typeof VIEWPORTS;

const SCREENSHOTS = screenshotDir();

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot({}, { webChat: {} });
}, 60_000);

afterAll(async () => {
  await bot?.close();
});

/** The send box and the newest reply are on screen once the transcript has scrolled; no word of its cards broken, no button cut. */
async function expectReadable(page: Page, device: Device, turn: string): Promise<void> {
  // The transcript scrolls smoothly to the new reply: wait for the scroll to bring it in view.
  await waitForReplyInView(page);
  const screen = await onScreen(page);
  expect({ device, turn, screen, inView: replyInView(screen) }).toEqual({ device, turn, screen, inView: true });
  expect({ device, turn, broken: await wordsBrokenInCards(page, 'newest'), cut: await buttonsCut(page, 'newest') }).toEqual({ device, turn, broken: [], cut: [] });
}

/** The address the first button of the newest card opens (the page records it instead of leaving the machine). */
async function firstButtonOpens(page: Page): Promise<unknown> {
  await page.evaluate('window.open = (url) => { window.openedUrl = url; return null; }');
  await page.locator('.ac-adaptiveCard').last().locator('button').first().click();
  return page.evaluate('window.openedUrl');
}

/** Six turns on one device: the first example button, then the typed questions. */
async function converse(browser: TestBrowser, language: string, conversation: Conversation, device: Device): Promise<void> {
  const page = await browser.newPage();
  await page.setViewportSize(VIEWPORTS[device]);
  await page.goto(bot.url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.ac-adaptiveCard', { timeout: 20_000 });
  // On a phone too, the send box is on screen as soon as the page has loaded.
  const atLoad = await onScreen(page);
  expect({ device, sendBoxBottom: Math.min(atLoad.sendBox.bottom, atLoad.viewportHeight) }).toEqual({ device, sendBoxBottom: atLoad.sendBox.bottom });

  // The first example question, sent by its button (folded with the intro on a phone).
  if (device === 'phone') await page.locator('#intro summary').click();
  const example = page.locator('#examples button').first();
  const exampleText = (await example.textContent()) ?? '';
  const before = await activityCount(page);
  await example.click();
  await waitForReply(page, before, new RegExp(conversation.example));
  await expect(page.locator('.webchat__stacked-layout--from-user').last().textContent()).resolves.toContain(exampleText);
  await expect(page.locator('.ac-adaptiveCard').last().textContent()).resolves.toMatch(new RegExp(conversation.exampleCardShows));
  await expectReadable(page, device, exampleText);

  for (const turn of conversation.turns) {
    await ask(page, turn.question, new RegExp(turn.expected));
    await expectReadable(page, device, turn.question);
    if (turn.firstButtonOpens) await expect(firstButtonOpens(page)).resolves.toBe(turn.firstButtonOpens);
  }

  const screen = await onScreen(page);
  expect({ device, pageHeight: screen.pageHeight }).toEqual({ device, pageHeight: screen.viewportHeight });
  await expect(page.locator(SEND_BOX).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, `webchat-${language}-${device}.png`) });
  if (device === 'phone') {
    // The narrowest phones (and Teams mobile): the same cards at 320 px.
    await page.setViewportSize({ width: 320, height: 640 });
    expect({ width: 320, broken: await wordsBrokenInCards(page), cut: await buttonsCut(page) }).toEqual({ width: 320, broken: [], cut: [] });
  }
  await page.close();
}

describe.each(Object.entries(CONVERSATIONS))('web chat in %s', (language, conversation) => {
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: conversation.locale });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  // The phone and the desktop talk to the bot at the same time, each in its own conversation.
  it('keeps the send box and the newest reply in view for six turns, on a phone and on a desktop', async () => {
    await Promise.all((Object.keys(VIEWPORTS) as Device[]).map((device) => converse(browser, language, conversation, device)));
  }, 120_000);

  it('loaded nothing from outside the machine', () => {
    expect(browser.blocked.filter((url) => !/fonts|favicon/.test(url))).toEqual([]);
  });
});
