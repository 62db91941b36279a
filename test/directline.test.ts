/**
 * The local Direct Line (polling) that the web chat uses when the bot runs without Azure, over the
 * real HTTP server: conversation tokens as the real Direct Line issues them, turns run in-process
 * (no connector routes to forge replies through), and limits per client and per conversation, in
 * requests and bytes, that never throw a live conversation out for a new one.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { InFlight } from '../src/http/inFlight';
import { DEFAULT_DIRECT_LINE_LIMITS, LocalDirectLine } from '../src/directline/localDirectLine';
import { startBot, type RunningBot } from './support/botServer';

interface Started {
  readonly conversationId: string;
  readonly token: string;
  readonly expires_in: number;
}

interface Page {
  readonly activities: Partial<Activity>[];
  readonly watermark: string;
}

function client(bot: RunningBot) {
  const call = (path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${bot.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
  return {
    call,
    /** What the page does first: a token, which starts a conversation. */
    start: async (headers: Record<string, string> = {}): Promise<Started> => (await (await call('/api/directline/token', { method: 'POST', headers })).json()) as Started,
    activities: async (started: Started, watermark = 0): Promise<Page> =>
      (await (await call(`/v3/directline/conversations/${started.conversationId}/activities?watermark=${watermark}`, { token: started.token })).json()) as Page,
    say: (started: Started, activity: Record<string, unknown>) => call(`/v3/directline/conversations/${started.conversationId}/activities`, { token: started.token, body: activity }),
  };
}

describe('local Direct Line over HTTP', () => {
  let bot: RunningBot;
  const inFlight = new InFlight();
  let line: ReturnType<typeof client>;
  beforeAll(async () => {
    bot = await startBot({}, { webChat: {}, inFlight });
    line = client(bot);
  });
  afterAll(async () => bot.close());

  it('starts a conversation with its token, echoes the user, and streams the replies of the in-process turn', async () => {
    const started = await line.start();
    expect(started.expires_in).toBeGreaterThan(60);
    // Web Chat then starts the conversation its token names, with that token.
    const resumed = await line.call('/v3/directline/conversations', { method: 'POST', token: started.token });
    expect(resumed.status).toBe(201);
    expect(await resumed.json()).toMatchObject({ conversationId: started.conversationId });
    const posted = await line.say(started, { type: 'message', text: 'Que fait DID en Haïti ?', locale: 'fr-CA', from: { id: 'web-user' }, channelData: { clientActivityID: 'client-1' } });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    await inFlight.idle();
    const page = await line.activities(started);
    const [echo] = page.activities;
    expect(echo).toMatchObject({ id, type: 'message', from: { id: 'web-user', role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    const reply = page.activities.find((a) => answerRecordOf(a))!;
    expect(reply.from).toMatchObject({ role: 'bot' });
    expect(answerRecordOf(reply)).toMatchObject({ language: 'fr', projects: ['panseh'] });
    const ids = page.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await line.activities(started, Number(page.watermark))).activities).toEqual([]);
  });

  it('welcomes in the reader language when the page joins', async () => {
    const started = await line.start();
    await line.say(started, { type: 'event', name: 'webchat/join', value: { locale: 'es-MX' }, from: { id: 'u' } });
    await inFlight.idle();
    const welcome = (await line.activities(started)).activities.find((a) => a.from?.role === 'bot');
    expect(answerRecordOf(welcome!)).toMatchObject({ intent: 'greeting', language: 'es' });
  });

  it('requires the conversation token on every call: 401 without one or with a forged one, 403 with another conversation\'s', async () => {
    const mine = await line.start();
    const theirs = await line.start();
    const path = `/v3/directline/conversations/${mine.conversationId}/activities`;
    const [payload] = theirs.token.split('.');
    for (const [token, status] of [
      [undefined, 401],
      ['local', 401],
      [`${payload}.forged-signature`, 401],
      [theirs.token, 403],
    ] as const) {
      expect((await line.call(path, token ? { token } : {})).status).toBe(status);
      expect((await line.call(path, { ...(token ? { token } : {}), body: { type: 'message', text: 'hi', from: { id: 'x' } } })).status).toBe(status);
    }
    expect((await line.call('/v3/directline/conversations', { method: 'POST' })).status).toBe(401);
    // A refresh gives a new token for the same conversation only.
    const refreshed = (await (await line.call('/v3/directline/tokens/refresh', { method: 'POST', token: mine.token })).json()) as Started;
    expect(refreshed.conversationId).toBe(mine.conversationId);
    expect((await line.call(path, { token: refreshed.token })).status).toBe(200);
  });

  it('has no connector routes: a message forged as the bot\'s cannot be posted, nor a reply overwritten', async () => {
    const started = await line.start();
    await line.say(started, { type: 'message', text: 'PASAC', from: { id: 'u' } });
    await inFlight.idle();
    const before = await line.activities(started);
    const reply = before.activities.find((a) => a.from?.role === 'bot')!;
    const phishing = { type: 'message', text: 'Your session expired: log in at http://phishing.invalid', from: { id: 'coop-partners-bot', role: 'bot' } };
    const base = `/_connector/v3/conversations/${started.conversationId}/activities`;
    expect((await line.call(base, { body: phishing })).status).toBe(404);
    expect((await line.call(`${base}/${reply.id}`, { body: phishing })).status).toBe(404);
    expect((await line.call(`${base}/${reply.id}`, { method: 'PUT', body: phishing })).status).toBe(404);
    const after = await line.activities(started);
    expect(JSON.stringify(after.activities)).not.toContain('phishing');
    expect(after.activities).toEqual(before.activities);
  });

  it('refuses an activity over its size cap (413), and a body that is not JSON (415), keeping nothing of them', async () => {
    const started = await line.start();
    const huge = await line.say(started, { type: 'message', text: 'x'.repeat(250_000), from: { id: 'u' } });
    expect(huge.status).toBe(413);
    const form = await line.call(`/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      body: 'type=message&text=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect((await line.say(started, { text: 'no type' })).status).toBe(400);
    expect((await line.say(started, { type: 'message', text: 42 })).status).toBe(400);
    expect((await line.activities(started)).activities).toEqual([]);
  });

  it('limits a flooding conversation (429 with Retry-After) and keeps its memory within its byte budget', async () => {
    const started = await line.start();
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const response = await line.say(started, { type: 'message', text: `${i} ${'y'.repeat(15_000)}`, from: { id: 'u' } });
      codes.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(codes.filter((code) => code === 200).length).toBeGreaterThan(0);
    expect(codes.filter((code) => code === 429).length).toBeGreaterThan(30);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await inFlight.idle();
    const kept = (await line.activities(started)).activities;
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(DEFAULT_DIRECT_LINE_LIMITS.maxBytesPerConversation + 1024);
    // Other conversations go on.
    const other = await line.start();
    expect((await line.say(other, { type: 'message', text: 'PROSOL', from: { id: 'v' } })).status).toBe(200);
  });
});

describe('local Direct Line with many clients (behind a configured proxy)', () => {
  let bot: RunningBot;
  let line: ReturnType<typeof client>;
  beforeAll(async () => {
    bot = await startBot({}, { webChat: {}, trustedProxies: ['127.0.0.1'] });
    line = client(bot);
  });
  afterAll(async () => bot.close());

  it('never throws a live conversation out for new ones: past the limit, new ones are refused (503)', async () => {
    const first = await line.start({ 'x-forwarded-for': '198.51.100.1' });
    const codes: number[] = [];
    // One conversation per client address, 1,000 clients: the limit is 1,000 live conversations.
    for (let batch = 0; batch < DEFAULT_DIRECT_LINE_LIMITS.maxConversations; batch += 50) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => line.call('/api/directline/token', { method: 'POST', headers: { 'x-forwarded-for': `198.18.${(batch + i) >> 8}.${(batch + i) & 255}` } })),
      );
      for (const response of responses) {
        codes.push(response.status);
        await response.arrayBuffer();
      }
    }
    expect(codes.filter((code) => code === 200)).toHaveLength(DEFAULT_DIRECT_LINE_LIMITS.maxConversations - 1);
    expect(codes.filter((code) => code === 503)).toHaveLength(1);
    const page = await line.call(`/v3/directline/conversations/${first.conversationId}/activities`, { token: first.token, headers: { 'x-forwarded-for': '198.51.100.1' } });
    expect(page.status).toBe(200);
  });

  it('limits how many conversations one client address may start', async () => {
    const fresh = await startBot({}, { webChat: {}, trustedProxies: ['127.0.0.1'] });
    try {
      const freshLine = client(fresh);
      const codes: number[] = [];
      for (let i = 0; i < 15; i++) {
        const response = await freshLine.call('/api/directline/token', { method: 'POST', headers: { 'x-forwarded-for': '198.51.100.9' } });
        codes.push(response.status);
        await response.arrayBuffer();
      }
      expect(codes).toEqual([...Array<number>(10).fill(200), ...Array<number>(5).fill(429)]);
    } finally {
      await fresh.close();
    }
  });
});

describe('local Direct Line store', () => {
  it('keeps a conversation\'s latest activities within its byte budget', () => {
    const store = new LocalDirectLine({ maxConversations: 2, maxBytesPerConversation: 2_000, idleMs: 60_000 });
    const id = store.createConversation()!;
    for (let i = 0; i < 20; i++) store.append(id, { type: 'message', text: `m${i} ${'z'.repeat(300)}` });
    const page = store.activitiesSince(id, 0)!;
    expect(store.bytes).toBeLessThanOrEqual(2_000);
    expect(page.activities.at(-1)?.text).toMatch(/^m19 /);
    expect(page.watermark).toBe('20');
    expect(store.activitiesSince(id, 19)!.activities.map((a) => a.text?.slice(0, 3))).toEqual(['m19']);
  });

  it('refuses new conversations while the live ones are at the limit, and forgets idle ones', () => {
    let now = 0;
    const store = new LocalDirectLine({ maxConversations: 2, maxBytesPerConversation: 2_000, idleMs: 1_000 }, () => now);
    const first = store.createConversation()!;
    now = 500;
    const second = store.createConversation()!;
    expect(store.createConversation()).toBeUndefined();
    expect(store.has(first)).toBe(true);
    now = 1_400; // the first was used at 500, the second at 500: both still live
    expect(store.createConversation()).toBeUndefined();
    now = 1_600; // now both idle for more than 1,000 ms
    expect(store.createConversation()).toBeDefined();
    expect(store.has(second)).toBe(false);
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

  it('is limited per client: 300 anonymous calls do not become 300 calls to Direct Line', async () => {
    const before = seen.length;
    const codes: number[] = [];
    for (let i = 0; i < 300; i++) {
      const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
      codes.push(response.status);
      await response.arrayBuffer();
    }
    expect(codes.filter((code) => code === 429).length).toBeGreaterThanOrEqual(290);
    expect(seen.length - before).toBeLessThanOrEqual(10);
  });

  it('does not open the local Direct Line when Azure is configured', async () => {
    expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
  });
});
