/**
 * The HTTP side of the local Direct Line: the Direct Line v3 routes that Web Chat polls, and the
 * Bot Connector routes that the bot's replies are posted to (the turns run with a serviceUrl
 * pointing back at this server). Only registered when the bot runs without Azure.
 */
import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { BotApp } from '../app';
import type { Logger } from '../logger';
import { LocalDirectLine, type DirectLineLimits } from './localDirectLine';

export const DIRECT_LINE_PATH = '/v3/directline';
/** Where the bot's replies arrive: the serviceUrl of the turns run for the web chat. */
export const CONNECTOR_PATH = '/_connector';
const LOCAL_TOKEN = 'local';
const TOKEN_LIFETIME_SECONDS = 3600;
const BOT_ACCOUNT = { id: 'coop-partners-bot', name: 'Co-op Partners', role: 'bot' } as const;

export interface LocalDirectLineOptions {
  readonly logger: Logger;
  /** The server's own base URL (http://127.0.0.1:PORT), known once it listens. */
  readonly baseUrl: () => string;
  readonly limits?: DirectLineLimits;
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

export function registerLocalDirectLine(server: Server, app: BotApp, options: LocalDirectLineOptions): LocalDirectLine {
  const directLine = new LocalDirectLine(options.limits);
  const { logger } = options;

  /** Runs one activity through the bot; its replies come back through the connector routes. */
  const runTurn = (conversationId: string, activity: Partial<Activity>): void => {
    const turn: Partial<Activity> = {
      ...activity,
      channelId: 'webchat',
      serviceUrl: `${options.baseUrl()}${CONNECTOR_PATH}`,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'webchat' },
      recipient: BOT_ACCOUNT,
    };
    app.adapter.processInProcess(turn, app.logic).catch((error: unknown) => {
      logger.error({ err: error, conversation: conversationId }, 'web chat turn failed');
    });
  };

  const conversationOf = (req: Request, res: Response): string | undefined => {
    const id = String(req.params.conversationId ?? '');
    if (directLine.has(id)) return id;
    res.send(404, { error: { code: 'BadArgument', message: 'unknown conversation' } });
    return undefined;
  };

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (_req: Request, res: Response) => {
    res.send(200, { token: LOCAL_TOKEN, expires_in: TOKEN_LIFETIME_SECONDS });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (_req: Request, res: Response) => {
    const conversationId = directLine.createConversation();
    res.send(201, { conversationId, token: LOCAL_TOKEN, expires_in: TOKEN_LIFETIME_SECONDS });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const conversationId = conversationOf(req, res);
    if (conversationId) res.send(200, { conversationId, token: LOCAL_TOKEN, expires_in: TOKEN_LIFETIME_SECONDS });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const problem = userActivityProblem(req.body);
    if (problem) {
      res.send(400, { error: { code: 'BadArgument', message: problem } });
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

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversationId = conversationOf(req, res);
    if (!conversationId) return;
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const watermark = Number.parseInt(query.get('watermark') ?? '0', 10);
    res.send(200, directLine.activitiesSince(conversationId, Number.isFinite(watermark) && watermark > 0 ? watermark : 0));
  });

  // The Bot Connector API, as far as the bot's replies use it.
  const receiveReply = async (req: Request, res: Response) => {
    const conversationId = String(req.params.conversationId ?? '');
    if (!directLine.has(conversationId)) {
      res.send(404, { error: { code: 'ConversationNotFound', message: 'unknown conversation' } });
      return;
    }
    if (!isObject(req.body)) {
      res.send(400, { error: { code: 'BadArgument', message: 'the body must be an activity' } });
      return;
    }
    const reply = { ...(req.body as Partial<Activity>), from: BOT_ACCOUNT };
    const id = directLine.append(conversationId, reply);
    res.send(200, { id });
  };
  server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`, receiveReply);
  server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:activityId`, receiveReply);
  server.put(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:activityId`, async (req: Request, res: Response) => {
    const conversationId = String(req.params.conversationId ?? '');
    const activityId = String(req.params.activityId ?? '');
    if (!isObject(req.body) || !directLine.replace(conversationId, activityId, { ...(req.body as Partial<Activity>), from: BOT_ACCOUNT })) {
      res.send(404, { error: { code: 'ActivityNotFound', message: 'unknown activity' } });
      return;
    }
    res.send(200, { id: activityId });
  });

  return directLine;
}
