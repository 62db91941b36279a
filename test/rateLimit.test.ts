/**
 * Rate limits over the real HTTP server: a flooding conversation gets 429 with Retry-After while
 * others go on; the per-client limit keys on the connection's address, and on X-Forwarded-For only
 * when the connection comes from a configured proxy.
 */
import { RateLimit } from '../src/http/rateLimit';
import { startBot, type RunningBot } from './support/botServer';

describe('rate limit', () => {
  it('allows its points in a window, then says how long to wait; keys are apart', async () => {
    const limit = new RateLimit({ points: 3, perSeconds: 60 });
    expect([await limit.take('a'), await limit.take('a'), await limit.take('a')]).toEqual([undefined, undefined, undefined]);
    expect(await limit.take('a')).toBeGreaterThanOrEqual(1);
    expect(await limit.take('b')).toBeUndefined();
    expect(await limit.take('c', 4)).toBeGreaterThanOrEqual(1);
  });
});

const send = (bot: RunningBot, conversation: string, headers: Record<string, string> = {}) =>
  fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ type: 'message', channelId: 'test', conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'b' }, text: 'PASAC', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1' }),
  });

async function statuses(responses: Promise<Response>[]): Promise<number[]> {
  return Promise.all(responses.map(async (pending) => {
    const response = await pending;
    await response.arrayBuffer();
    return response.status;
  }));
}

describe('per conversation, over HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({}, { rateLimit: { conversation: { points: 3, perSeconds: 60 }, client: { points: 100, perSeconds: 60 } } });
  });
  afterAll(async () => bot.close());

  it('answers 429 with Retry-After to a flooding conversation, and not to another one', async () => {
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const response = await send(bot, 'flood');
      codes.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(codes).toEqual([200, 200, 200, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await send(bot, 'calm')).status).toBe(200);
  });
});

describe('per client address, over HTTP', () => {
  const limits = { conversation: { points: 1000, perSeconds: 60 }, client: { points: 4, perSeconds: 60 } };

  it('ignores X-Forwarded-For from a connection that is not a configured proxy', async () => {
    const bot = await startBot({}, { rateLimit: limits });
    try {
      const codes = await statuses(Array.from({ length: 6 }, (_, i) => send(bot, `spoof-${i}`, { 'x-forwarded-for': `203.0.113.${i}` })));
      expect(codes.filter((code) => code === 429)).toHaveLength(2);
    } finally {
      await bot.close();
    }
  });

  it('keys on the forwarded client address behind a configured proxy', async () => {
    const bot = await startBot({}, { rateLimit: limits, trustedProxies: ['127.0.0.1'] });
    try {
      const first = await statuses(Array.from({ length: 6 }, (_, i) => send(bot, `proxied-a-${i}`, { 'x-forwarded-for': '203.0.113.7' })));
      expect(first.filter((code) => code === 429)).toHaveLength(2);
      // Another client behind the same proxy is not held up by the first.
      expect((await statuses([send(bot, 'proxied-b', { 'x-forwarded-for': '203.0.113.8' })]))).toEqual([200]);
    } finally {
      await bot.close();
    }
  });
});
