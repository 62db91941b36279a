/**
 * Helpers for the HTTP tests: the real restify server on an ephemeral loopback port, requests
 * through Node's fetch, the replies of `expectReplies` activities, and a record of every outgoing
 * TCP connection (anything but loopback is refused, so a test can never reach the internet).
 */
import net from 'node:net';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { createBotApp, type BotApp, type BotAppOptions } from '../../src/app';
import { answerRecordOf } from '../../src/bots/replies';
import type { AnswerRecord } from '../../src/answers/answer';
import { createLogger } from '../../src/logger';
import { createServer } from '../../src/server';

export interface Connection {
  readonly host: string;
  readonly port: number | undefined;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;

/** Every TCP connection attempted by this process since the guard was installed. */
export const connections: Connection[] = [];
const originalConnect = net.Socket.prototype.connect;
let guardInstalled = false;

/** Records every outgoing TCP connection and refuses those that are not to a loopback address. */
export function installNetworkGuard(): void {
  if (guardInstalled) return;
  guardInstalled = true;
  const connect = originalConnect as (...args: unknown[]) => net.Socket;
  (net.Socket.prototype as unknown as { connect: (...args: unknown[]) => net.Socket }).connect = function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host = 'localhost';
    let port: number | undefined;
    if (first && typeof first === 'object') {
      const options = first as { host?: string; port?: number | string; path?: string };
      host = options.path ? 'localhost' : options.host ?? 'localhost';
      port = options.port === undefined ? undefined : Number(options.port);
    } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
      port = Number(first);
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
    }
    connections.push({ host, port });
    if (!LOOPBACK.test(String(host).replace(/^\[|\]$/g, ''))) {
      const error = Object.assign(new Error(`http test: refused connection to ${host}`), { code: 'ECONNREFUSED' });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return connect.apply(this, args);
  };
}

/** Puts Node's own connect back (the prototype is shared with the other test files of a worker). */
export function removeNetworkGuard(): void {
  net.Socket.prototype.connect = originalConnect;
  guardInstalled = false;
}

export interface RunningBot {
  readonly app: BotApp;
  /** The activities whose turn reached the bot's logic (after the adapter's authentication). */
  readonly turns: Partial<Activity>[];
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startBot(options: Partial<BotAppOptions> = {}, maxBodyBytes?: number): Promise<RunningBot> {
  const logger = createLogger('silent');
  const app = createBotApp({ logger, ...options });
  const turns: Partial<Activity>[] = [];
  // The same app, with its turn logic counted: the server and the adapter are the real ones.
  const counted: BotApp = {
    ...app,
    logic: (context) => {
      turns.push({ ...context.activity });
      return app.logic(context);
    },
  };
  const server = createServer(counted, { logger, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address() as { port: number };
  return {
    app,
    turns,
    server,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface HttpResult {
  readonly status: number;
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly json: any;
}

/** Sends a request; `body` is sent as is when it is a string, as JSON otherwise. */
export async function request(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

let sequence = 0;

/** A message activity of a user in a conversation, to be answered in the HTTP response. */
export function messageActivity(conversationId: string, fields: Partial<Activity> & Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'Test user', role: 'user' },
    recipient: { id: 'coop-partners-bot', name: 'Co-op Partners', role: 'bot' },
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

export interface Exchange extends HttpResult {
  /** The message activities the bot replied with. */
  readonly replies: Partial<Activity>[];
  /** The answer record of the first reply that carries one. */
  readonly record: AnswerRecord | undefined;
}

/** Posts an activity to /api/messages and reads the replies of the expectReplies response. */
export async function post(bot: RunningBot, activity: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
  const result = await request(`${bot.url}/api/messages`, { method: 'POST', body: activity, headers });
  const activities: Partial<Activity>[] = Array.isArray(result.json?.activities) ? result.json.activities : [];
  const replies = activities.filter((reply) => reply.type === 'message');
  return { ...result, replies, record: replies.map(answerRecordOf).find((record) => record !== undefined) };
}

/** Asks a question as text in a conversation. */
export function ask(bot: RunningBot, conversationId: string, text: string, fields: Partial<Activity> & Record<string, unknown> = {}): Promise<Exchange> {
  return post(bot, messageActivity(conversationId, { text, ...fields }));
}
