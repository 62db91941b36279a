/**
 * A per-client and per-conversation rate limit for /api/messages (token buckets): one client or
 * one conversation that floods the bot gets 429 with Retry-After, while the others go on.
 * Buckets are dropped once idle, and their number is capped, so the limiter's memory is bounded.
 */

export interface RateLimitOptions {
  /** Sustained requests per second allowed for one key. */
  readonly requestsPerSecond: number;
  /** Requests allowed in a burst above the sustained rate. */
  readonly burst: number;
  /** Most keys tracked at once; the least recently used are forgotten first. */
  readonly maxKeys?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requestsPerSecond: 5, burst: 20, maxKeys: 10_000 };

/** One conversation: a person typing fast; one client address: a whole channel's traffic. */
export const DEFAULT_RATE_LIMITS = {
  conversation: DEFAULT_RATE_LIMIT,
  client: { requestsPerSecond: 200, burst: 1000, maxKeys: 10_000 },
} as const;

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one request for each key; returns 0 when allowed, else the whole seconds to wait. */
  take(keys: readonly string[]): number {
    const time = this.now();
    const buckets = keys.map((key) => this.bucket(key, time));
    const waits = buckets.map((bucket) => (bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / this.options.requestsPerSecond));
    const wait = Math.max(0, ...waits);
    if (wait > 0) return Math.ceil(wait);
    for (const bucket of buckets) bucket.tokens -= 1;
    return 0;
  }

  private bucket(key: string, time: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((time - bucket.updated) / 1000) * this.options.requestsPerSecond);
      bucket.updated = time;
    } else {
      bucket = { tokens: this.options.burst, updated: time };
    }
    // Re-inserted last: the map's first entries are the least recently used.
    this.buckets.set(key, bucket);
    while (this.buckets.size > (this.options.maxKeys ?? DEFAULT_RATE_LIMIT.maxKeys!)) {
      this.buckets.delete(this.buckets.keys().next().value as string);
    }
    return bucket;
  }

  get size(): number {
    return this.buckets.size;
  }
}
