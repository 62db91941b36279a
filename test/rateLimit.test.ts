/** Rate limits: a flooding conversation gets 429 with Retry-After; others go on; memory stays bounded. */
import { RateLimiter } from '../src/http/rateLimit';
import { startBot, type RunningBot } from './support/botServer';

describe('rate limiter', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ requestsPerSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take(['a']))).toEqual([0, 0, 0]);
    expect(limiter.take(['a'])).toBe(1);
    expect(limiter.take(['b'])).toBe(0);
    now += 500;
    expect(limiter.take(['a'])).toBe(0);
    expect(limiter.take(['a'])).toBeGreaterThan(0);
  });

  it('forgets the least recently used keys past its cap', () => {
    const limiter = new RateLimiter({ requestsPerSecond: 1, burst: 1, maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) limiter.take([key]);
    expect(limiter.size).toBe(3);
  });
});

describe('rate limit over HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({}, { rateLimit: { conversation: { requestsPerSecond: 1, burst: 3 }, client: { requestsPerSecond: 100, burst: 100 } } });
  });
  afterAll(async () => bot.close());

  const send = (conversation: string) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'test', conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'b' }, text: 'PASAC', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1' }),
    });

  it('answers 429 with Retry-After to a flooding conversation, and not to another one', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const response = await send('flood');
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await send('calm')).status).toBe(200);
  });
});
