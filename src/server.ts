/**
 * The HTTP server (restify): the Bot Framework endpoint, a health check and, when configured, the
 * web chat. In front of /api/messages: a per-client rate limit, JSON bodies only (415 otherwise),
 * a size cap (413), and a check that the body is an activity (400 with the reason, instead of the
 * adapter's 500). Then the adapter authenticates (401, nothing more said) and only then is the
 * conversation's own rate limit applied, so that anonymous requests cannot use it up.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import type { BotApp } from './app';
import type { Admission } from './bots/adapter';
import { DEFAULT_DIRECT_LINE_RATE_LIMITS, registerLocalDirectLine, type DirectLineRateLimits } from './directline/routes';
import type { DirectLineLimits } from './directline/localDirectLine';
import { registerTokenRoute } from './directline/tokenRoute';
import { clientAddressOf, type ClientAddress } from './http/clientAddress';
import { InFlight } from './http/inFlight';
import { limitedBy } from './http/limitHandler';
import { DEFAULT_MESSAGE_RATE_LIMITS, RateLimit, type MessageRateLimits } from './http/rateLimit';
import { jsonBody } from './http/jsonBody';
import { registerStaticRoutes } from './web/staticRoutes';
import type { Logger } from './logger';

export interface ServerOptions {
  readonly logger: Logger;
  /** Largest request body accepted; larger ones get 413. */
  readonly maxBodyBytes?: number;
  /** The web chat page and how it reaches the bot; no page when undefined. */
  readonly webChat?: WebChatOptions;
  /** /api/messages requests allowed per client address and per conversation; `false` turns the limits off (benchmarks). */
  readonly rateLimit?: MessageRateLimits | false;
  /** Proxies whose X-Forwarded-For names the client (addresses or CIDR ranges). */
  readonly trustedProxies?: readonly string[];
  /** The requests and turns in flight, for a graceful shutdown (src/http/gracefulShutdown.ts). */
  readonly inFlight?: InFlight;
}

export interface WebChatOptions {
  /** With Azure Bot Service: the Direct Line secret the token route exchanges. */
  readonly directLineSecret?: string;
  readonly directLineEndpoint?: string;
  /** The local Direct Line's memory bounds and rate limits (without Azure). */
  readonly limits?: DirectLineLimits;
  readonly rateLimits?: DirectLineRateLimits;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

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
  const inFlight = options.inFlight ?? new InFlight();
  const clientAddress = clientAddressOf(options.trustedProxies ?? []);

  // Every request counts as in flight until its answer is sent (or its connection drops); while
  // the service closes, each answer also closes its connection.
  server.pre((_req, res, next) => {
    // 'close' comes after the answer is sent, or when the connection drops before it.
    res.once('close', inFlight.begin());
    if (inFlight.closing) res.setHeader('Connection', 'close');
    next();
  });

  const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? DEFAULT_MESSAGE_RATE_LIMITS);
  const clientLimit = limits && new RateLimit(limits.client);
  const conversationLimit = limits && new RateLimit(limits.conversation);
  const admit: Admission = async (activity) => conversationLimit?.take(`${activity.channelId}/${activity.conversation.id}`);
  server.post(
    '/api/messages',
    ...(clientLimit ? [limitedBy(clientLimit, clientAddress, logger, 'messages: client')] : []),
    ...jsonBody(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
    async (req: Request, res: Response) => {
      const problem = activityProblem(req.body);
      if (problem) {
        logger.warn({ problem }, 'rejected a request that is not an activity');
        res.send(400, { error: problem });
        return;
      }
      const activity = validateAndFixActivity(req.body as Activity);
      const outcome = await app.adapter.processHttp(activity, String(req.headers.authorization ?? ''), admit, app.logic);
      if (outcome.retryAfter !== undefined) {
        logger.warn({ conversation: activity.conversation.id, retryAfter: outcome.retryAfter }, 'rate limited');
        res.header('Retry-After', String(outcome.retryAfter));
      }
      res.send(outcome.status, outcome.body);
    },
  );

  if (options.webChat) registerWebChat(server, app, options.webChat, { logger, clientAddress, inFlight });

  server.get('/healthz', async (_req: Request, res: Response) => {
    if (inFlight.closing) res.send(503, { status: 'closing' });
    else res.send(200, { status: 'ok', projects: app.knowledge.kb.projects.length });
  });

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn({ method: req.method, url: req.url, status: error.statusCode, err: error.message }, 'request failed');
    callback();
  });
  return server;
}

/** The page, and either the local Direct Line (no Azure) or the token route (Azure Bot Service). */
function registerWebChat(
  server: Server,
  app: BotApp,
  webChat: WebChatOptions,
  shared: { readonly logger: Logger; readonly clientAddress: ClientAddress; readonly inFlight: InFlight },
): void {
  if (webChat.directLineSecret) {
    registerStaticRoutes(server, { mode: 'azure' });
    const start = new RateLimit((webChat.rateLimits ?? DEFAULT_DIRECT_LINE_RATE_LIMITS).start);
    registerTokenRoute(server, {
      secret: webChat.directLineSecret,
      endpoint: webChat.directLineEndpoint,
      logger: shared.logger,
      limit: limitedBy(start, shared.clientAddress, shared.logger, 'direct line token'),
    });
    return;
  }
  registerStaticRoutes(server, { mode: 'local' });
  registerLocalDirectLine(server, app, { ...shared, limits: webChat.limits, rateLimits: webChat.rateLimits });
}
