/**
 * Rate limits (rate-limiter-flexible's in-memory limiter): a key that spends its points within a
 * window waits for the window to pass, and is told how long (Retry-After). Keys are dropped when
 * their window ends, so the limiter's memory holds only the keys active in the last window.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** What a key may spend in one window (requests, or bytes for a byte limit). */
  readonly points: number;
  /** The window, in seconds. */
  readonly perSeconds: number;
}

export class RateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly options: RateLimitOptions) {
    this.limiter = new RateLimiterMemory({ points: options.points, duration: options.perSeconds });
  }

  /** Spends `cost` points of `key`: undefined when allowed, else the whole seconds to wait. */
  async take(key: string, cost = 1): Promise<number | undefined> {
    try {
      await this.limiter.consume(key, cost);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}

/** /api/messages: per client address, a whole channel's traffic (Bot Service calls from few addresses); per conversation, a person typing fast. */
export interface MessageRateLimits {
  readonly client: RateLimitOptions;
  readonly conversation: RateLimitOptions;
}

export const DEFAULT_MESSAGE_RATE_LIMITS: MessageRateLimits = {
  client: { points: 1000, perSeconds: 5 },
  conversation: { points: 20, perSeconds: 4 },
};
