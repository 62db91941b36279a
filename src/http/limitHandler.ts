/**
 * A rate limit as a restify route handler, placed in front of a route's work: a request over the
 * limit gets 429 with Retry-After and goes no further.
 */
import type { Next, Request, Response } from 'restify';
import type { Logger } from '../logger';
import type { RateLimit } from './rateLimit';

export type RouteHandler = (req: Request, res: Response, next: Next) => void;

/** Sends the 429 of a refused request. */
export function tooMany(res: Response, retryAfter: number, message: string): void {
  res.header('Retry-After', String(retryAfter));
  res.send(429, { error: message });
}

export function limitedBy(limit: RateLimit, keyOf: (req: Request) => string, logger: Logger, what: string): RouteHandler {
  return (req, res, next) => {
    const key = keyOf(req);
    limit.take(key).then(
      (retryAfter) => {
        if (retryAfter === undefined) return next();
        logger.warn({ limit: what, key, retryAfter }, 'rate limited');
        tooMany(res, retryAfter, 'too many requests; please wait a moment');
        return next(false);
      },
      (error: unknown) => next(error as Error),
    );
  };
}
