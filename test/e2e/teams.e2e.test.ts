/**
 * The bot in the Microsoft 365 Agents Playground (Teams mode), driven in headless Chromium: a
 * question in the personal chat shows the Adaptive Card, a follow-up button gets its answer, that
 * answer has Teams' native feedback buttons (not the card's thumbs) whose submission the bot
 * answers, a button of an older card answers about that card's project and "start over" forgets
 * it, the search message extension inserts a
 * project's card, and in the group chat a message that mentions the bot gets an answer.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../src/bots/messagingExtension';
import { freePort } from '../support/azurite';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startBot, type RunningBot } from '../support/botServer';
import { startPlayground, type Playground } from '../support/playground';
import { screenshotDir } from '../support/webChatPage';

// A temporary folder, or docs/ under `npm run screenshots`.
const SCREENSHOTS = screenshotDir();
const SCREENSHOT = join(SCREENSHOTS, 'teams.png');
const MESSAGE_EXTENSION_SCREENSHOT = join(SCREENSHOTS, 'teams-message-extension.png');

let bot: RunningBot;
let playground: Playground;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  bot = await startBot();
  playground = await startPlayground(`${bot.url}/api/messages`, await freePort());
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await bot?.close();
});

const cards = () => page.locator('.fai-OutputCard');
/** The Playground's native feedback buttons under a bot message (its Like / Dislike pair). */
const NATIVE_FEEDBACK = '[aria-label="Feedback Button"]';

/** Waits until a bot card whose text matches appears after the first `after` cards. */
async function waitForCard(after: number, expected: RegExp): Promise<void> {
  await page.waitForFunction(
    `Array.from(document.querySelectorAll('.fai-OutputCard')).slice(${after}).some((e) => new RegExp(${JSON.stringify(expected.source)}).test(e.textContent || ''))`,
    undefined,
    { timeout: 30_000 },
  );
}

async function send(text: string): Promise<void> {
  const box = page.locator('[role="textbox"][data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

describe('Teams (Agents Playground)', () => {
  it('answers in the personal chat with the Adaptive Card', async () => {
    await page.locator('[role="textbox"][data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
    const before = await cards().count();
    await send('what does SOCODEVI do in Honduras');
    await waitForCard(before, /Improved Revenues for Forestry Cooperatives[\s\S]*Lead organization/);
    await expect(cards().last().locator('button', { hasText: 'Video' }).count()).resolves.toBeGreaterThan(0);
  }, 60_000);

  it('answers a follow-up button of the card', async () => {
    const before = await cards().count();
    await cards().last().getByRole('button', { name: 'Who is SOCODEVI?' }).click();
    await waitForCard(before, /In Latin America since[\s\S]*1985/);
    // Tall enough to show the question, the project's card and the follow-up's answer together.
    await page.setViewportSize({ width: 1100, height: 2050 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 1100, height: 900 });
  }, 60_000);

  it('shows Teams\' native feedback buttons on the answer instead of the card\'s thumbs, and answers their submission', async () => {
    // The organization answer is rated: the Playground draws its Like / Dislike under the message.
    await page.locator(NATIVE_FEEDBACK).last().waitFor({ timeout: 15_000 });
    await expect(cards().last().getByRole('button', { name: '👍 Helpful', exact: true }).count()).resolves.toBe(0);
    await page.locator(NATIVE_FEEDBACK).last().getByRole('button', { name: 'Like', exact: true }).click();
    await page.getByText('What did you like?').waitFor({ timeout: 10_000 });
    await page.locator('textarea').last().fill('Clear answer');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    // The Playground thanks only when the bot answered the invoke with a 200 (else it shows an error).
    await page.getByText('We appreciate your feedback.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Close', exact: true }).last().click();
  }, 60_000);

  it('answers a button of an older card about that card\'s project, not the newest one', async () => {
    let before = await cards().count();
    await send('what does the CCA do in Peru?');
    await waitForCard(before, /Sustainable Crop Diversification/);
    const peruCard = cards().filter({ hasText: 'Sustainable Crop Diversification' }).last();
    before = await cards().count();
    await send('what does SOCODEVI do in Guatemala?');
    await waitForCard(before, /Sololá/);
    // PROSOL names no partner: only the Peru card's subject gives Norandino.
    before = await cards().count();
    await peruCard.getByRole('button', { name: 'Who are the partners?' }).click();
    await waitForCard(before, /Norandino/);
    expect(await cards().last().textContent()).not.toMatch(/Sololá|PROSOL/);
  }, 60_000);

  it('forgets the project on "start over": the next follow-up reaches neither project', async () => {
    const acknowledgements = await page.getByText(/Let.s start over/).count();
    await send('start over');
    await expect(page.getByText(/Let.s start over/).nth(acknowledgements).waitFor({ timeout: 30_000 })).resolves.toBeUndefined();
    const before = await cards().count();
    await send('who are the partners?');
    await page.waitForFunction(`document.querySelectorAll('.fai-OutputCard').length > ${before}`, undefined, { timeout: 30_000 });
    expect(await cards().last().textContent()).not.toMatch(/Norandino|Sustainable Crop Diversification|Sololá|PROSOL/);
  }, 60_000);

  it('finds a project with the search message extension and inserts its card, which the bot leaves alone', async () => {
    const title = 'Improved Revenues for Forestry Cooperatives';
    const insertedBefore = await page.locator('.ac-adaptiveCard', { hasText: title }).count();
    const repliesBefore = await cards().count();
    // The playground does not read the manifest: it asks for the command id and parameter name.
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByText('Search Command', { exact: true }).click();
    await page.getByText('Specify Command ID or Parameter').click();
    await page.getByPlaceholder('Command ID').fill(SEARCH_COMMAND_ID);
    await page.getByPlaceholder('Parameter name').fill(SEARCH_PARAMETER);
    await page.getByPlaceholder('Enter a search term').fill('Hondura');
    // The result list shows each project's preview (title; lead and country).
    await page.getByText('SOCODEVI · Honduras', { exact: true }).click();
    await page.getByRole('button', { name: 'Send Message' }).click();
    await expect(page.locator('.ac-adaptiveCard', { hasText: title }).nth(insertedBefore).waitFor({ timeout: 15_000 })).resolves.toBeUndefined();
    // The log panel shows the bot's 200 for the message; a reply would have come before it.
    await page.getByText('inline-compose-card').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(await cards().count()).toBe(repliesBefore);
    await page.screenshot({ path: MESSAGE_EXTENSION_SCREENSHOT });
  }, 60_000);

  it('answers a message that mentions the bot in the group chat', async () => {
    // The chat list item is never "stable" for Playwright (it animates): send the click event itself.
    await page.getByText('Group Chat', { exact: true }).filter({ visible: true }).first().dispatchEvent('click');
    const box = page.locator('[role="textbox"][data-lexical-editor="true"]');
    await box.click();
    // "@" opens the mention picker; the first entry is the bot.
    await page.keyboard.type('@Test');
    await page.locator('[role="menu"]').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type(' projects in Bolivia');
    const before = await cards().count();
    await page.getByRole('button', { name: 'Send Message' }).click();
    await waitForCard(before, /Cooperative and Mutualist Partnership Program/);
  }, 60_000);
});
