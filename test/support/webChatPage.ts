/**
 * The web chat page in a browser, as a reader uses it: the send box, the bot's replies, and
 * measures of what is on screen (page-side expressions are strings: the tests are compiled
 * without the DOM's types).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where tests save screenshots: SCREENSHOT_DIR (set by `npm run screenshots` to docs/), else a fresh temporary folder. */
export function screenshotDir(): string {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return mkdtempSync(join(tmpdir(), 'coop-screenshots-'));
  mkdirSync(resolve(dir), { recursive: true });
  return resolve(dir);
}

export const SEND_BOX = '[data-id="webchat-sendbox-input"]';
/** Every activity of the transcript, the reader's and the bot's. */
export const ACTIVITIES = 'article.webchat__basic-transcript__activity';

/** How many activities the transcript shows, and how many of them are the bot's. */
export function activityCount(page: Page): Promise<number> {
  return page.locator(ACTIVITIES).count();
}

/** Waits until the bot has answered: a bot activity after the first `before` ones, whose text matches. */
export async function waitForReply(page: Page, before: number, expected: RegExp): Promise<void> {
  await page.waitForFunction(
    `(() => { const activities = Array.from(document.querySelectorAll(${JSON.stringify(ACTIVITIES)})).slice(${before});
      return activities.some((a) => !a.querySelector('.webchat__stacked-layout--from-user') && new RegExp(${JSON.stringify(expected.source)}).test(a.textContent || '')); })()`,
    undefined,
    { timeout: 20_000 },
  );
}

/** Types a question, sends it and waits for its answer. */
export async function ask(page: Page, question: string, expected: RegExp): Promise<void> {
  const before = await activityCount(page);
  const input = page.locator(SEND_BOX);
  await input.fill(question);
  await input.press('Enter');
  await waitForReply(page, before, expected);
}

/** The transcript's scrolling pane. */
export const PANE = '.webchat__basic-transcript__scrollable';

/** Where the send box, the transcript's pane and the newest bot reply are, against the viewport. */
export interface OnScreen {
  readonly viewportHeight: number;
  readonly pageHeight: number;
  readonly sendBox: { readonly top: number; readonly bottom: number };
  readonly pane: { readonly top: number; readonly bottom: number };
  readonly newestReply: { readonly top: number; readonly bottom: number };
}

const MEASURE = `(() => {
  const box = (element) => { const r = element.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
  const replies = Array.from(document.querySelectorAll(${JSON.stringify(ACTIVITIES)})).filter((a) => !a.querySelector('.webchat__stacked-layout--from-user'));
  return { viewportHeight: window.innerHeight, pageHeight: document.documentElement.scrollHeight,
    sendBox: box(document.querySelector(${JSON.stringify(SEND_BOX)})), pane: box(document.querySelector(${JSON.stringify(PANE)})),
    newestReply: box(replies[replies.length - 1]) };
})()`;

export function onScreen(page: Page): Promise<OnScreen> {
  return page.evaluate(MEASURE) as Promise<OnScreen>;
}

/** How far below the pane's top a reply taller than the pane may start (the reader's question above it, its time stamp). */
export const TOP_MARGIN = 80;

/**
 * The newest reply is in view: whole inside the pane, or, taller than the pane, starting at its
 * top; and the send box is inside the viewport.
 */
export function replyInView(screen: OnScreen): boolean {
  const { sendBox, pane, newestReply: reply } = screen;
  const sendBoxOnScreen = sendBox.top >= 0 && sendBox.bottom <= screen.viewportHeight;
  const whole = reply.top >= pane.top - 1 && reply.bottom <= pane.bottom + 1;
  const topFirst = reply.top >= pane.top - 1 && reply.top <= pane.top + TOP_MARGIN && reply.bottom > pane.bottom;
  return sendBoxOnScreen && (whole || topFirst);
}

/** Waits, while the transcript scrolls, until the newest reply is in view (see replyInView); false if it never is. */
export async function waitForReplyInView(page: Page, timeout = 5_000): Promise<boolean> {
  const inView = `(() => { const s = ${MEASURE}; const { sendBox, pane, newestReply: reply } = s;
    const sendBoxOnScreen = sendBox.top >= 0 && sendBox.bottom <= s.viewportHeight;
    const whole = reply.top >= pane.top - 1 && reply.bottom <= pane.bottom + 1;
    const topFirst = reply.top >= pane.top - 1 && reply.top <= pane.top + ${TOP_MARGIN} && reply.bottom > pane.bottom;
    return sendBoxOnScreen && (whole || topFirst); })()`;
  return page.waitForFunction(inView, undefined, { timeout }).then(() => true, () => false);
}

/** The cards of the newest bot reply, or every card of the transcript. */
function cardsIn(scope: 'newest' | 'all'): string {
  return scope === 'all'
    ? `Array.from(document.querySelectorAll('.ac-adaptiveCard'))`
    : `(() => { const replies = Array.from(document.querySelectorAll(${JSON.stringify(ACTIVITIES)})).filter((a) => !a.querySelector('.webchat__stacked-layout--from-user'));
        return Array.from(replies[replies.length - 1].querySelectorAll('.ac-adaptiveCard')); })()`;
}

/**
 * The words of the cards' text that a line break splits, found by their client rects: a word drawn
 * on one line has rects with one top. Words are what lies between spaces and hyphens (a line may
 * break after a hyphen). Each entry is the word and the card text it sits in.
 */
export function wordsBrokenInCards(page: Page, scope: 'newest' | 'all' = 'all'): Promise<string[]> {
  return page.evaluate(`(() => {
    const broken = [];
    for (const card of ${cardsIn(scope)}) {
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent || '';
        const pattern = /[^\\s\\-–/]+/g;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0] + ' in "' + text.slice(0, 60) + '"');
        }
      }
    }
    return broken;
  })()`) as Promise<string[]>;
}

/** The titles of card buttons that their button cuts (drawn wider than the button). */
export function buttonsCut(page: Page, scope: 'newest' | 'all' = 'all'): Promise<string[]> {
  return page.evaluate(`${cardsIn(scope)}.flatMap((card) => Array.from(card.querySelectorAll('button'))).filter((b) => b.offsetParent &&
    [b, ...b.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1)).map((b) => b.textContent || '')`) as Promise<string[]>;
}
