/**
 * The HTTP side of the local Direct Line, for the web chat when the bot runs without Azure: the
 * token route that starts a conversation, and the Direct Line v3 routes Web Chat calls with that
 * conversation's token. Each message runs through the bot in-process with deliveryMode
 * expectReplies, so the replies come back with the turn and nothing is posted back over HTTP.
 * Every route is limited per client address; posting is limited per conversation too, in
 * requests and in bytes, and a posted activity is capped in size.
 */
import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { BotApp } from '../app';
import type { ClientAddress } from '../http/clientAddress';
import type { InFlight } from '../http/inFlight';
import { limitedBy, tooMany } from '../http/limitHandler';
import { RateLimit, type RateLimitOptions } from '../http/rateLimit';
import { jsonBody } from '../http/jsonBody';
import type { Logger } from '../logger';
import { ConversationTokens } from './conversationTokens';
import { DEFAULT_DIRECT_LINE_LIMITS, LocalDirectLine, type DirectLineLimits } from './localDirectLine';
import { TOKEN_ROUTE } from './tokenRoute';

export const DIRECT_LINE_PATH = '/v3/directline';
/** Turns run in-process and answer in the result: nothing is ever sent to this address. */
const IN_PROCESS_SERVICE_URL = 'http://127.0.0.1/local-directline';
const BOT_ACCOUNT = { id: 'coop-partners-bot', name: 'Co-op Partners', role: 'bot' } as const;

export interface DirectLineRateLimits {
  /** Conversations a client address may start (the token route). */
  readonly start: RateLimitOptions;
  /** Direct Line requests of a client address (Web Chat polls about three times a second). */
  readonly client: RateLimitOptions;
  /** Bytes a client address may post. */
  readonly clientBytes: RateLimitOptions;
  /** Activities posted to one conversation. */
  readonly conversation: RateLimitOptions;
  /** Bytes posted to one conversation. */
  readonly conversationBytes: RateLimitOptions;
}

export const DEFAULT_DIRECT_LINE_RATE_LIMITS: DirectLineRateLimits = {
  start: { points: 10, perSeconds: 60 },
  client: { points: 600, perSeconds: 60 },
  clientBytes: { points: 256 * 1024, perSeconds: 60 },
  conversation: { points: 30, perSeconds: 60 },
  conversationBytes: { points: 64 * 1024, perSeconds: 60 },
};

/** The largest activity a client may post: a 2,000-character message and its envelope fit many times over. */
export const MAX_ACTIVITY_BYTES = 16 * 1024;

export interface LocalDirectLineOptions {
  readonly logger: Logger;
  readonly clientAddress: ClientAddress;
  readonly inFlight: InFlight;
  readonly limits?: DirectLineLimits;
  readonly rateLimits?: DirectLineRateLimits;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** Why a posted activity cannot be taken, or undefined. */
function userActivityProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body must be an activity object';
  if (typeof body.type !== 'string' || !body.type) return 'the activity must have a "type" string';
  if (body.text !== undefined && typeof body.text !== 'string') return '"text" must be a string';
  if (body.from !== undefined && !isObject(body.from)) return '"from" must be an object';
  return undefined;
}

const directLineError = (res: Response, status: number, code: string, message: string) => res.send(status, { error: { code, message } });

export function registerLocalDirectLine(server: Server, app: BotApp, options: LocalDirectLineOptions): LocalDirectLine {
  const directLine = new LocalDirectLine(options.limits ?? DEFAULT_DIRECT_LINE_LIMITS);
  const tokens = new ConversationTokens();
  const { logger, inFlight } = options;
  const rates = options.rateLimits ?? DEFAULT_DIRECT_LINE_RATE_LIMITS;
  const limits = {
    start: new RateLimit(rates.start),
    client: new RateLimit(rates.client),
    clientBytes: new RateLimit(rates.clientBytes),
    conversation: new RateLimit(rates.conversation),
    conversationBytes: new RateLimit(rates.conversationBytes),
  };
  const clientOf = (req: Request) => options.clientAddress(req);
  const perClient = limitedBy(limits.client, clientOf, logger, 'direct line: client');

  /** Runs one activity through the bot and appends its replies to the conversation. */
  const runTurn = (conversationId: string, activity: Partial<Activity>): void => {
    const turn: Partial<Activity> = {
      ...activity,
      channelId: 'webchat',
      serviceUrl: IN_PROCESS_SERVICE_URL,
      deliveryMode: 'expectReplies',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'webchat' },
      recipient: BOT_ACCOUNT,
    };
    const work = app.adapter.processInProcess(turn, app.logic).then((response) => {
      const replies = (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
      for (const reply of replies) directLine.append(conversationId, { ...reply, from: BOT_ACCOUNT });
    });
    inFlight.track(work).catch((error: unknown) => logger.error({ err: error, conversation: conversationId }, 'web chat turn failed'));
  };

  /** The conversation a request may use: its token's, which must be the one in the path when there is one. */
  const authorized = (req: Request, res: Response): string | undefined => {
    const inPath = req.params.conversationId === undefined ? undefined : String(req.params.conversationId);
    const check = tokens.check(req.headers.authorization, inPath);
    if (!check.ok) {
      directLineError(res, check.status, check.status === 401 ? 'Unauthorized' : 'Forbidden', check.reason);
      return undefined;
    }
    if (directLine.has(check.conversationId)) return check.conversationId;
    directLineError(res, 404, 'BadArgument', 'unknown or ended conversation');
    return undefined;
  };

  const started = (conversationId: string) => ({ conversationId, ...tokens.issue(conversationId) });

  // The page's first call, as with Azure's token route: it starts a conversation and gets its token.
  server.post(TOKEN_ROUTE, limitedBy(limits.start, clientOf, logger, 'direct line: start'), async (_req: Request, res: Response) => {
    const conversationId = directLine.createConversation();
    if (!conversationId) {
      logger.warn({ conversations: directLine.size }, 'direct line: at its conversation limit');
      res.header('Retry-After', '60');
      res.send(503, { error: 'the chat is busy; please try again in a minute' });
      return;
    }
    res.send(200, started(conversationId));
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, perClient, async (req: Request, res: Response) => {
    const conversationId = authorized(req, res);
    if (conversationId) res.send(200, started(conversationId));
  });

  // Web Chat starts (or resumes) the conversation its token names.
  server.post(`${DIRECT_LINE_PATH}/conversations`, perClient, async (req: Request, res: Response) => {
    const conversationId = authorized(req, res);
    if (conversationId) res.send(201, started(conversationId));
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, perClient, async (req: Request, res: Response) => {
    const conversationId = authorized(req, res);
    if (conversationId) res.send(200, started(conversationId));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, perClient, ...jsonBody(MAX_ACTIVITY_BYTES), async (req: Request, res: Response) => {
    const conversationId = authorized(req, res);
    if (!conversationId) return;
    const bytes = Number(req.headers['content-length'] ?? 0) || Buffer.byteLength(JSON.stringify(req.body ?? null));
    const retryAfter =
      (await limits.conversation.take(conversationId)) ??
      (await limits.conversationBytes.take(conversationId, bytes)) ??
      (await limits.clientBytes.take(clientOf(req), bytes));
    if (retryAfter !== undefined) {
      logger.warn({ conversation: conversationId, retryAfter }, 'direct line: conversation rate limited');
      tooMany(res, retryAfter, 'too many messages; please wait a moment');
      return;
    }
    const problem = userActivityProblem(req.body);
    if (problem) {
      directLineError(res, 400, 'BadArgument', problem);
      return;
    }
    const posted = req.body as Partial<Activity>;
    // Web Chat matches its own message in the stream by channelData.clientActivityID: keep it.
    const from = { id: String(posted.from?.id ?? 'user'), name: posted.from?.name ?? 'user', role: 'user' as const };
    const stored = { ...posted, from, timestamp: new Date() };
    const id = directLine.append(conversationId, stored)!;
    res.send(200, { id });
    runTurn(conversationId, { ...stored, id });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, perClient, async (req: Request, res: Response) => {
    const conversationId = authorized(req, res);
    if (!conversationId) return;
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const watermark = Number.parseInt(query.get('watermark') ?? '0', 10);
    res.send(200, directLine.activitiesSince(conversationId, Number.isFinite(watermark) && watermark > 0 ? watermark : 0));
  });

  return directLine;
}
