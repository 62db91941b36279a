/** The local Direct Line (polling) that the web chat uses when the bot runs without Azure. */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { LocalDirectLine } from '../src/directline/localDirectLine';
import { startBot, type RunningBot } from './support/botServer';

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local Direct Line over HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot({}, { webChat: {} })));
  afterAll(async () => bot.close());

  const directLine = (path: string, init?: RequestInit) => fetch(`${bot.url}/v3/directline${path}`, init);
  const post = (path: string, body: unknown) =>
    directLine(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer local' }, body: JSON.stringify(body) });

  it('starts a conversation, echoes the user, and streams the bot replies after the watermark', async () => {
    const { conversationId, token } = await json<{ conversationId: string; token: string }>(await post('/conversations', {}));
    expect(token).toBe('local');
    const posted = await post(`/conversations/${conversationId}/activities`, {
      type: 'message',
      text: 'Que fait DID en Haïti ?',
      locale: 'fr-CA',
      from: { id: 'web-user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(posted.status).toBe(200);
    const { id } = await json<{ id: string }>(posted);
    const answered = await waitFor(async () => {
      const page = await json<{ activities: Partial<Activity>[]; watermark: string }>(await directLine(`/conversations/${conversationId}/activities?watermark=0`));
      return page.activities.some((a) => answerRecordOf(a)) ? page : undefined;
    });
    const [echo] = answered.activities;
    expect(echo).toMatchObject({ id, type: 'message', from: { id: 'web-user', role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    const reply = answered.activities.find((a) => answerRecordOf(a))!;
    expect(reply.from).toMatchObject({ role: 'bot' });
    expect(answerRecordOf(reply)).toMatchObject({ language: 'fr', projects: ['panseh'] });
    const ids = answered.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing new after the latest watermark.
    const after = await json<{ activities: unknown[] }>(await directLine(`/conversations/${conversationId}/activities?watermark=${answered.watermark}`));
    expect(after.activities).toEqual([]);
  });

  it('welcomes in the reader language when the page joins', async () => {
    const { conversationId } = await json<{ conversationId: string }>(await post('/conversations', {}));
    await post(`/conversations/${conversationId}/activities`, { type: 'event', name: 'webchat/join', value: { locale: 'es-MX' }, from: { id: 'u' } });
    const welcome = await waitFor(async () => {
      const page = await json<{ activities: Partial<Activity>[] }>(await directLine(`/conversations/${conversationId}/activities`));
      return page.activities.find((a) => a.from?.role === 'bot');
    });
    expect(answerRecordOf(welcome)).toMatchObject({ intent: 'greeting', language: 'es' });
  });

  it('answers 404 for an unknown conversation and 400 for a bad activity, never 500', async () => {
    expect((await directLine('/conversations/nope/activities')).status).toBe(404);
    expect((await post('/conversations/nope/activities', { type: 'message' })).status).toBe(404);
    const { conversationId } = await json<{ conversationId: string }>(await post('/conversations', {}));
    expect((await post(`/conversations/${conversationId}/activities`, { text: 'no type' })).status).toBe(400);
    expect((await post(`/conversations/${conversationId}/activities`, [1, 2])).status).toBe(400);
    expect((await post(`/conversations/${conversationId}/activities`, { type: 'message', text: 42 })).status).toBe(400);
  });
});

describe('local Direct Line store', () => {
  it('drops the oldest conversations and activities past its limits', () => {
    const store = new LocalDirectLine({ maxConversations: 2, maxActivitiesPerConversation: 3 });
    const first = store.createConversation();
    const second = store.createConversation();
    store.createConversation();
    expect(store.has(first)).toBe(false);
    expect(store.size).toBe(2);
    for (let i = 0; i < 5; i++) store.append(second, { type: 'message', text: `m${i}` });
    const page = store.activitiesSince(second, 0)!;
    expect(page.activities.map((a) => a.text)).toEqual(['m2', 'm3', 'm4']);
    expect(page.watermark).toBe('5');
    expect(store.activitiesSince(second, 4)!.activities.map((a) => a.text)).toEqual(['m4']);
  });
});

describe('Direct Line token route (Azure Bot Service)', () => {
  let fake: HttpServer;
  let bot: RunningBot;
  const seen: Array<{ url?: string; authorization?: string }> = [];
  const SECRET = 'super-secret-direct-line-key';

  beforeAll(async () => {
    // A stand-in for the Direct Line service, on loopback.
    fake = createHttpServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'conv-from-azure', token: 'short-lived-token', expires_in: 1800, secretEcho: SECRET }));
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    bot = await startBot({}, { webChat: { directLineSecret: SECRET, directLineEndpoint: endpoint } });
  });
  afterAll(async () => {
    await bot.close();
    await new Promise<void>((resolve) => fake.close(() => resolve()));
  });

  it('exchanges the secret server-side and gives the page only the token', async () => {
    const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ token: 'short-lived-token', conversationId: 'conv-from-azure', expires_in: 1800 });
    expect(text).not.toContain(SECRET);
    expect(seen).toEqual([{ url: '/v3/directline/tokens/generate', authorization: `Bearer ${SECRET}` }]);
    const config = await (await fetch(`${bot.url}/api/chat-config`)).text();
    expect(JSON.parse(config)).toEqual({ mode: 'azure' });
    expect(config).not.toContain(SECRET);
  });

  it('does not open the local Direct Line when Azure is configured', async () => {
    expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
  });
});
