/**
 * The HTTP server (restify): the Bot Framework endpoint and a health check. Requests that are not
 * activities get a 400 with a reason instead of reaching the adapter (which would answer 500).
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { AddressInfo } from 'node:net';
import type { BotApp } from './app';
import { registerLocalDirectLine } from './directline/routes';
import { registerTokenRoute } from './directline/tokenRoute';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitOptions } from './http/rateLimit';
import { registerStaticRoutes } from './web/staticRoutes';
import type { Logger } from './logger';

export interface ServerOptions {
  readonly logger: Logger;
  /** Largest request body accepted; larger ones get 413. */
  readonly maxBodyBytes?: number;
  /** The web chat page and how it reaches the bot; no page when undefined. */
  readonly webChat?: WebChatOptions;
  /** Requests allowed per conversation and per client address; `false` turns the limits off (benchmarks). */
  readonly rateLimit?: { readonly conversation: RateLimitOptions; readonly client: RateLimitOptions } | false;
}

export interface WebChatOptions {
  /** With Azure Bot Service: the Direct Line secret the token route exchanges. */
  readonly directLineSecret?: string;
  readonly directLineEndpoint?: string;
}

/** Why a request body is not an activity, or undefined when it is one. */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (a Bot Framework activity)';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type.trim()) return 'the activity must have a "type" string';
  const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
  // Conversation state is kept under the channel and the conversation: both must be named.
  if (typeof activity.channelId !== 'string' || !activity.channelId) return 'the activity must have a "channelId" string';
  if (!isObject(activity.conversation) || typeof activity.conversation.id !== 'string' || !activity.conversation.id) {
    return 'the activity must have a "conversation" object with an "id" string';
  }
  for (const field of ['from', 'recipient']) {
    const value = activity[field];
    if (value !== undefined && value !== null && !isObject(value)) return `"${field}" must be an object`;
  }
  for (const field of ['text', 'id', 'serviceUrl', 'locale', 'textFormat', 'deliveryMode', 'name', 'replyToId', 'inputHint', 'summary']) {
    const value = activity[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return `"${field}" must be a string`;
  }
  for (const field of ['membersAdded', 'membersRemoved', 'attachments', 'entities']) {
    const value = activity[field];
    if (value !== undefined && value !== null && (!Array.isArray(value) || !value.every(isObject))) return `"${field}" must be a list of objects`;
  }
  return undefined;
}

export function createServer(app: BotApp, options: ServerOptions): Server {
  const { logger } = options;
  const server = restify.createServer({ name: 'coop-partners-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes ?? 256 * 1024, mapParams: false }));

  // Per conversation: one chat cannot flood the bot. Per client address, much higher: all Teams
  // traffic reaches the bot from Bot Service's few addresses.
  const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? DEFAULT_RATE_LIMITS);
  const conversationLimiter = limits && new RateLimiter(limits.conversation);
  const clientLimiter = limits && new RateLimiter(limits.client);
  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.warn({ problem }, 'rejected a request that is not an activity');
      res.send(400, { error: problem });
      return;
    }
    if (conversationLimiter && clientLimiter) {
      const activity = req.body as { conversation: { id: string } };
      const wait = Math.max(conversationLimiter.take([activity.conversation.id]), clientLimiter.take([req.socket.remoteAddress ?? '-']));
      if (wait > 0) {
        logger.warn({ conversation: activity.conversation.id, retryAfter: wait }, 'rate limited');
        res.header('Retry-After', String(wait));
        res.send(429, { error: 'too many messages; please wait a moment' });
        return;
      }
    }
    await app.adapter.process(req, res, app.logic);
  });

  if (options.webChat) registerWebChat(server, app, options.webChat, logger);

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', projects: app.knowledge.kb.projects.length });
  });

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn({ method: req.method, url: req.url, status: error.statusCode, err: error.message }, 'request failed');
    callback();
  });
  return server;
}

/** The page, and either the local Direct Line (no Azure) or the token route (Azure Bot Service). */
function registerWebChat(server: Server, app: BotApp, webChat: WebChatOptions, logger: Logger): void {
  if (webChat.directLineSecret) {
    registerStaticRoutes(server, { mode: 'azure' });
    registerTokenRoute(server, { secret: webChat.directLineSecret, endpoint: webChat.directLineEndpoint, logger });
    return;
  }
  registerStaticRoutes(server, { mode: 'local' });
  registerLocalDirectLine(server, app, {
    logger,
    baseUrl: () => {
      const address = server.address() as AddressInfo;
      return `http://127.0.0.1:${address.port}`;
    },
  });
}
