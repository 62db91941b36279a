/**
 * Authentication failures over the real HTTP server, with an app id configured: a forged bearer
 * token gets a bare 401 that says nothing of the server's internals, and anonymous requests,
 * however many, cannot use up a conversation's rate limit (it applies after authentication).
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { installNetworkGuard, messageActivity, post, removeNetworkGuard, request, startBot, type RunningBot } from './support/httpHarness';

const APP_ID = '00000000-0000-0000-0000-000000000001';

/** A well-formed RS256 JWT with the claims a channel's token has, signed with a key nobody trusts. */
function forgedToken(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'forged-key', x5t: 'forged-key' })}.${encode({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: 'http://127.0.0.1:1',
    nbf: now - 60,
    exp: now + 3600,
  })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

let bot: RunningBot;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  // The token's keys would be fetched from Bot Framework's servers: the guard refuses it in-process.
  installNetworkGuard();
  bot = await startBot({ credentials: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' } });
});
afterAll(async () => {
  await bot?.close();
  removeNetworkGuard();
});
// botbuilder may print the authentication error to the console; keep the test output readable.
beforeEach(() => (consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)));
afterEach(() => consoleError.mockRestore());

describe('a forged bearer token', () => {
  it('gets 401 with a body that carries no internals, and runs no turn', async () => {
    const result = await post(bot, messageActivity('forged-1', { text: 'hello' }), { authorization: `Bearer ${forgedToken()}` });
    expect(result.status).toBe(401);
    expect(result.json).toEqual({ error: 'unauthorized' });
    expect(bot.turns).toEqual([]);
    expect((await request(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('anonymous requests for a conversation', () => {
  it('get 401 every time, never the 429 that would lock the real conversation out', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await post(bot, messageActivity('victim-1', { text: 'hello' }), { authorization: 'Bearer not-a-jwt' })).status);
    expect(new Set(statuses)).toEqual(new Set([401]));
  });
});
