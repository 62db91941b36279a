/**
 * What a request can make the bot send, and where, over the real HTTP server: a serviceUrl that
 * never answers cannot hold a turn (every connector call has a deadline); without an app id a
 * serviceUrl that is not loopback nor configured is refused without any connection; 10,000 new
 * members get one welcome, not 10,000; and a form-encoded body is never read as an activity.
 */
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { connections, installNetworkGuard, messageActivity, post, removeNetworkGuard, request, startBot, type RunningBot } from './support/httpHarness';
import { recordingLogger } from './support/recordingLogger';

const CONNECTOR_TIMEOUT_MS = 300;

let hanging: TcpServer;
let hangingUrl: string;
const heldSockets: Socket[] = [];
let bot: RunningBot;
const { logger, lines } = recordingLogger();

beforeAll(async () => {
  installNetworkGuard();
  // A "connector" that accepts connections and never answers.
  hanging = createTcpServer((socket) => heldSockets.push(socket));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
  bot = await startBot({ logger, outbound: { serviceUrlHosts: [], timeoutMs: CONNECTOR_TIMEOUT_MS } });
});

afterAll(async () => {
  await bot?.close();
  for (const socket of heldSockets) socket.destroy();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));
  removeNetworkGuard();
});

describe('a serviceUrl that never answers', () => {
  it('does not hold the turn: the request is answered once the connector call times out, logged as a channel failure', async () => {
    const activity = messageActivity('hanging-1', { text: 'what does SOCODEVI do in Honduras', serviceUrl: hangingUrl, deliveryMode: 'normal' });
    const answered = await Promise.race([
      post(bot, activity).then((exchange) => exchange.status),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 20 s'), 20_000).unref()),
    ]);
    expect(answered).toBe(200);
    // The bot did try to reach it, and says so for what it is (not as a storage problem).
    expect(heldSockets.length).toBeGreaterThan(0);
    const failures = lines.filter((line) => /turn failed/.test(line.msg));
    expect(failures.map((line) => [line.msg, line.failure])).toEqual([['turn failed: the channel could not be reached', 'connector']]);
    expect(lines.some((line) => /storage/.test(line.msg))).toBe(false);
  }, 30_000);
});

describe('a serviceUrl elsewhere than loopback, without an app id', () => {
  it('is refused with a 400 before any connection is tried', async () => {
    const before = connections.length;
    const exchange = await post(bot, messageActivity('elsewhere-1', { text: 'hello', serviceUrl: 'http://bot-connector.invalid/', deliveryMode: 'normal' }));
    expect(exchange.status).toBe(400);
    expect(exchange.json).toEqual({ error: 'the serviceUrl must be a loopback address or a configured host' });
    expect(connections.slice(before).filter((c) => c.port !== bot.port)).toEqual([]);
    expect(bot.turns.some((turn) => turn.conversation?.id === 'elsewhere-1')).toBe(false);
  });

  it('is taken when its host is configured', async () => {
    const allowed = await startBot({ logger, outbound: { serviceUrlHosts: ['*.invalid'], timeoutMs: CONNECTOR_TIMEOUT_MS } });
    try {
      const exchange = await post(allowed, messageActivity('configured-1', { text: 'hello', serviceUrl: 'http://bot-connector.invalid/' }));
      expect(exchange.status).toBe(200);
      expect(exchange.replies.length).toBeGreaterThan(0);
    } finally {
      await allowed.close();
    }
  });
});

describe('a conversationUpdate with 10,000 new members', () => {
  it('gets one welcome', async () => {
    const membersAdded = Array.from({ length: 10_000 }, (_, i) => ({ id: `m${i}`, name: "" }));
    const exchange = await post(bot, messageActivity('crowd-1', { type: 'conversationUpdate', membersAdded }));
    expect(exchange.status).toBe(200);
    expect(exchange.replies).toHaveLength(1);
    expect(exchange.record?.intent).toBe('greeting');
    expect(exchange.text.length).toBeLessThan(20_000);
  });
});

describe('a form-encoded body', () => {
  it('gets 415 and runs no turn, as does text/plain', async () => {
    const form = 'type=message&channelId=test&conversation[id]=form-1&text=hello&deliveryMode=expectReplies&serviceUrl=http%3A%2F%2F127.0.0.1%3A1';
    const urlEncoded = await request(`${bot.url}/api/messages`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(urlEncoded.status).toBe(415);
    const plain = await request(`${bot.url}/api/messages`, { method: 'POST', body: JSON.stringify(messageActivity('form-1', { text: 'hello' })), headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(bot.turns.some((turn) => turn.conversation?.id === 'form-1')).toBe(false);
  });
});
