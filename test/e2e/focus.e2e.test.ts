/**
 * The conversation's focus in the web chat page, as a reader meets it: a follow-up button clicked
 * on an older card answers about that card's project, not the newest one; "start over" (and
 * "recommencer") is acknowledged, after which a follow-up no longer reaches the old project.
 * The same is checked in the Agents Playground by teams.e2e.test.ts.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startBot, type RunningBot } from '../support/botServer';
import { ACTIVITIES, activityCount, ask, waitForReply } from '../support/webChatPage';

let bot: RunningBot;
let browser: TestBrowser;

beforeAll(async () => {
  bot = await startBot({}, { webChat: {} });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

/** The text of the bot's newest reply. */
function newestReplyText(page: Page): Promise<string> {
  return page.evaluate(`(() => { const replies = Array.from(document.querySelectorAll(${JSON.stringify(ACTIVITIES)})).filter((a) => !a.querySelector('.webchat__stacked-layout--from-user'));
    return replies.length ? replies[replies.length - 1].textContent || '' : ''; })()`) as Promise<string>;
}

/** A new conversation on the page, once the bot has welcomed it. */
async function openChat(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(bot.url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.ac-adaptiveCard', { timeout: 20_000 });
  return page;
}

describe('the focus of a web chat conversation', () => {
  it('answers a button of an older card about that card\'s project, then forgets it on "start over"', async () => {
    const page = await openChat();
    await ask(page, 'what does the CCA do in Peru?', /Sustainable Crop Diversification/);
    const peruCard = page.locator('.ac-adaptiveCard', { hasText: 'Sustainable Crop Diversification' }).last();
    await ask(page, 'what does SOCODEVI do in Guatemala?', /Sololá/);

    // The Peru card is the older one: its partners button answers about Peru (Norandino), where
    // the conversation's focus (PROSOL, which names no partner) would say something else.
    const beforeClick = await activityCount(page);
    await peruCard.getByRole('button', { name: 'Who are the partners?' }).click();
    await waitForReply(page, beforeClick, /Norandino/);
    const partners = await newestReplyText(page);
    expect(partners).toMatch(/Sustainable Crop Diversification/);
    expect(partners).not.toMatch(/Sololá|PROSOL/);

    // Web Chat's markdown may curl the apostrophes: any quote mark will do.
    await ask(page, 'start over', /Let.s start over: I.ve forgotten what we were talking about/);
    // Without a focus, "the partners" are no project's: not Peru's, not Guatemala's.
    await ask(page, 'who are the partners?', /\S/);
    expect(await newestReplyText(page)).not.toMatch(/Norandino|Sustainable Crop Diversification|Sololá|PROSOL/);
    await page.close();
  }, 90_000);

  it('forgets the project on "recommencer" too (fr)', async () => {
    const page = await openChat();
    // Before starting over, the follow-up does reach the project (its partner Levier).
    await ask(page, 'que fait DID en Haïti ?', /Haïti/);
    await ask(page, 'qui sont les partenaires ?', /Levier/);
    await ask(page, 'recommencer', /On recommence\s*:\s*j.ai oublié de quoi nous parlions/);
    await ask(page, 'qui sont les partenaires ?', /\S/);
    expect(await newestReplyText(page)).not.toMatch(/Levier|PANSEH|Haïti/);
    await page.close();
  }, 90_000);

  it('loaded nothing from outside the machine', () => {
    expect(browser.blocked.filter((url) => !/fonts|favicon/.test(url))).toEqual([]);
  });
});
