/**
 * With Azure Bot Service, the web page gets a short-lived Direct Line token from this server,
 * which exchanges the Direct Line secret for it: the secret stays on the server. The route is
 * limited per client address (`limit`), so that it cannot be used to flood the Direct Line
 * service in the bot's name.
 */
import type { Request, Response, Server } from 'restify';
import type { RouteHandler } from '../http/limitHandler';
import type { Logger } from '../logger';

export const TOKEN_ROUTE = '/api/directline/token';
export const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com';

export interface TokenRouteOptions {
  readonly secret: string;
  /** The Direct Line service (a regional endpoint, or a stand-in in tests). */
  readonly endpoint?: string;
  readonly logger: Logger;
  /** The per-client limit in front of the route. */
  readonly limit: RouteHandler;
}

interface GeneratedToken {
  readonly token?: unknown;
  readonly conversationId?: unknown;
  readonly expires_in?: unknown;
}

export function registerTokenRoute(server: Server, options: TokenRouteOptions): void {
  const endpoint = (options.endpoint ?? DEFAULT_DIRECT_LINE_ENDPOINT).replace(/\/+$/, '');
  server.post(TOKEN_ROUTE, options.limit, async (_req: Request, res: Response) => {
    try {
      const response = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.secret}`, 'Content-Type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        options.logger.warn({ status: response.status }, 'Direct Line refused to generate a token');
        res.send(502, { error: 'the Direct Line service refused to give a token' });
        return;
      }
      const generated = (await response.json()) as GeneratedToken;
      if (typeof generated.token !== 'string') throw new Error('no token in the Direct Line answer');
      // Only what the page needs goes back: never the secret, nor anything else of the answer.
      res.send(200, {
        token: generated.token,
        conversationId: typeof generated.conversationId === 'string' ? generated.conversationId : undefined,
        expires_in: typeof generated.expires_in === 'number' ? generated.expires_in : undefined,
      });
    } catch (error) {
      options.logger.warn({ err: (error as Error).message }, 'could not get a Direct Line token');
      res.send(502, { error: 'the Direct Line service could not be reached' });
    }
  });
}
