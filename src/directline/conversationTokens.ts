/**
 * Direct Line tokens for the local Direct Line, as the real service issues them: a token names one
 * conversation and an expiry, is returned when the conversation is created, and is required on
 * every later call. It is signed (HMAC-SHA256) with a key made at start, so it cannot be forged
 * nor moved to another conversation, and the server keeps nothing per token.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_LIFETIME_SECONDS = 30 * 60;

export type TokenCheck =
  | { readonly ok: true; readonly conversationId: string }
  /** missing or forged: 401; expired or of another conversation: 403. */
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export class ConversationTokens {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  issue(conversationId: string): { readonly token: string; readonly expires_in: number } {
    const payload = Buffer.from(JSON.stringify([conversationId, this.now() + TOKEN_LIFETIME_SECONDS * 1000])).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expires_in: TOKEN_LIFETIME_SECONDS };
  }

  /** Checks an Authorization header; with `conversationId`, also that the token is that conversation's. */
  check(authorization: string | undefined, conversationId?: string): TokenCheck {
    const match = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!match) return { ok: false, status: 401, reason: 'a Direct Line token is required' };
    const [, payload, signature] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, reason: 'the token is not valid' };
    const [owner, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, number];
    if (expiresAt <= this.now()) return { ok: false, status: 403, reason: 'the token has expired' };
    if (conversationId !== undefined && owner !== conversationId) return { ok: false, status: 403, reason: 'the token is for another conversation' };
    return { ok: true, conversationId: owner };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
