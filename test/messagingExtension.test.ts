/**
 * The Teams search message extension over real HTTP (the restify server and the whole bot on a
 * loopback port): hints for short queries, the user's language, paging, the answer time, and what
 * happens when a user sends the inserted card to the bot's own chat.
 */
import type { Activity } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../src/cards/adaptiveCard';
import { answerRecordOf } from '../src/bots/replies';
import { MAX_RESULTS, SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../src/bots/messagingExtension';
import { startBot, type RunningBot } from './support/botServer';

let bot: RunningBot;
// Not a rate-limit test: Teams sends one query a keystroke, and these come faster still.
beforeAll(async () => (bot = await startBot({}, { rateLimit: false })));
afterAll(async () => bot.close());

const TEAMS = {
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:1',
  from: { id: '29:user', name: 'Ana' },
  recipient: { id: '28:bot', name: 'Co-op Partners' },
  conversation: { id: 'a:personal-1', conversationType: 'personal' },
};

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...TEAMS, ...activity }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, ms: performance.now() - started };
}

interface Result {
  type: string;
  attachmentLayout: string;
  text?: string;
  attachments: Array<{ contentType: string; content: unknown; preview: { contentType: string; content: { title: string; text: string } } }>;
}

async function search(query: string, options: { locale?: string; skip?: number; count?: number } = {}): Promise<{ status: number; result: Result; ms: number }> {
  const { status, body, ms } = await post({
    type: 'invoke',
    name: 'composeExtension/query',
    locale: options.locale ?? 'en-US',
    value: {
      commandId: SEARCH_COMMAND_ID,
      parameters: [{ name: SEARCH_PARAMETER, value: query }],
      queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
    },
  });
  return { status, result: (body as { composeExtension: Result }).composeExtension, ms };
}

const titles = (result: Result) => result.attachments.map((a) => a.preview.content.title);

describe('the search message extension', () => {
  it('answers short queries with an empty list and a hint in the user language, not an error', async () => {
    for (const [query, locale, hint] of [
      ['', 'en-US', /at least 2 characters/],
      ['b', 'en-US', /at least 2 characters/],
      [' p ', 'fr-CA', /au moins 2 caractères/],
      ['x', 'es-MX', /al menos 2 caracteres/],
    ] as const) {
      const { status, result } = await search(query, { locale });
      expect(status).toBe(200);
      expect(result).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [], text: expect.stringMatching(hint) });
    }
  });

  it('finds projects by partner, sector, country and region, each with a card and a thumbnail preview', async () => {
    expect(titles((await search('norandino')).result)).toEqual([expect.stringMatching(/Peru|Diversif/i)]);
    expect(titles((await search('forestry')).result)).toEqual(['Improved Revenues for Forestry Cooperatives']);
    expect(titles((await search('Hondura')).result)).toEqual(['Improved Revenues for Forestry Cooperatives']);
    const caribbean = (await search('caribbean')).result;
    expect(caribbean.attachments.length).toBe(2);
    for (const attachment of caribbean.attachments) {
      expect(attachment.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
      expect(attachment.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(attachment.preview.content.text).toMatch(/ · /);
    }
    expect((await search('weather tomorrow')).result.attachments).toEqual([]);
  });

  it('writes the cards in the language of the invoke locale', async () => {
    const spanish = (await search('café', { locale: 'es-MX' })).result;
    expect(spanish.attachments).toHaveLength(1);
    expect(JSON.stringify(spanish.attachments[0]!.content)).toMatch(/Organización responsable/);
    const french = (await search('forêt', { locale: 'fr-FR' })).result;
    expect(JSON.stringify(french.attachments[0]!.content)).toMatch(/Organisation responsable/);
  });

  it('pages as Teams asks (skip, count) and never returns more than the cap', async () => {
    const all = (await search('socodevi')).result;
    expect(all.attachments.length).toBeGreaterThan(2);
    expect(all.attachments.length).toBeLessThanOrEqual(MAX_RESULTS);
    expect(titles((await search('socodevi', { count: 2 })).result)).toEqual(titles(all).slice(0, 2));
    expect(titles((await search('socodevi', { skip: 2, count: 2 })).result)).toEqual(titles(all).slice(2, 4));
    // Teams asks for the next page when the list is scrolled: there is none.
    expect((await search('socodevi', { skip: 25 })).result.attachments).toEqual([]);
  });

  it('answers within 5 seconds, the limit Teams waits for', async () => {
    for (const query of ['bolivya', 'socodevi', 'small business support', 'PASAC', 'pe']) {
      const { status, ms } = await search(query);
      expect(status).toBe(200);
      expect(ms).toBeLessThan(5000);
    }
  });

  it('reads a malformed query as an empty one', async () => {
    for (const value of [undefined, {}, { parameters: 'x' }, { parameters: [{ name: SEARCH_PARAMETER, value: 42 }] }, { parameters: [null] }]) {
      const { status, body } = await post({ type: 'invoke', name: 'composeExtension/query', value });
      expect(status).toBe(200);
      expect((body as { composeExtension: Result }).composeExtension.attachments).toEqual([]);
    }
  });
});

describe('an inserted card sent to the bot', () => {
  const replies = (body: unknown) => (body as { activities?: Partial<Activity>[] }).activities ?? [];

  it('gets no reply: sharing a project card is not a question', async () => {
    const card = (await search('Honduras')).result.attachments[0]!;
    // What Teams (and the Agents Playground) send when a card inserted from the compose box is sent.
    const { status, body } = await post({
      type: 'message',
      deliveryMode: 'expectReplies',
      text: '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>\n',
      attachments: [{ contentType: card.contentType, content: card.content }],
    });
    expect(status).toBe(200);
    expect(replies(body)).toEqual([]);
  });

  it('still answers a question typed next to a card, and a file without a question still gets told', async () => {
    const card = (await search('Honduras')).result.attachments[0]!;
    const question = await post({
      type: 'message',
      deliveryMode: 'expectReplies',
      conversation: { id: 'a:personal-2', conversationType: 'personal' },
      text: 'who funds these partnerships?',
      attachments: [{ contentType: card.contentType, content: card.content }],
    });
    expect(replies(question.body).map(answerRecordOf).find(Boolean)).toMatchObject({ intent: 'overview' });
    const file = await post({
      type: 'message',
      deliveryMode: 'expectReplies',
      conversation: { id: 'a:personal-3', conversationType: 'personal' },
      attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/x.png' }],
    });
    expect(replies(file.body).map((a) => a.text).join(' ')).toMatch(/only read text/);
  });
});
