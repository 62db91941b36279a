/**
 * A small Direct Line v3 (polling) store for the web chat when the bot runs without Azure: each
 * conversation's activities, numbered by a watermark, as Web Chat expects. It holds no bot logic
 * and no HTTP (routes.ts). Memory is bounded by bytes and idle time, never by throwing out a live
 * conversation for a new one: a conversation keeps its latest activities within its byte budget,
 * one that nobody has used for `idleMs` is forgotten, and when `maxConversations` are live a new
 * one is refused until some fall idle.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface DirectLineLimits {
  /** Live conversations at most; more are refused (503) until some fall idle. */
  readonly maxConversations: number;
  /** The bytes of activities a conversation keeps (its oldest are dropped past it). */
  readonly maxBytesPerConversation: number;
  /** A conversation nobody polled or posted to for this long is forgotten. */
  readonly idleMs: number;
}

/** 1,000 conversations of 64 kB: at most 64 MB of activities, ~25 questions and answers each. */
export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = { maxConversations: 1000, maxBytesPerConversation: 64 * 1024, idleMs: 30 * 60 * 1000 };

interface Kept {
  readonly activity: Partial<Activity>;
  readonly bytes: number;
}

interface Conversation {
  /** Activities in order; `offset` is the watermark of the first one kept. */
  readonly activities: Kept[];
  offset: number;
  bytes: number;
  lastUsed: number;
}

export class LocalDirectLine {
  /** Insertion order is age order, and touching a conversation moves it last: the first entries are the idlest. */
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: DirectLineLimits = DEFAULT_DIRECT_LINE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a conversation and returns its id; undefined when the live conversations are at their limit. */
  createConversation(): string | undefined {
    this.forgetIdle();
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const id = randomUUID();
    this.conversations.set(id, { activities: [], offset: 0, bytes: 0, lastUsed: this.now() });
    return id;
  }

  /** True when the conversation is live; counts as a use of it. */
  has(conversationId: string): boolean {
    return this.use(conversationId) !== undefined;
  }

  /** Appends an activity (the user's or the bot's) and returns the id it is known by. */
  append(conversationId: string, activity: Partial<Activity>): string | undefined {
    const conversation = this.use(conversationId);
    if (!conversation) return undefined;
    const id = `${conversationId}|${String(conversation.offset + conversation.activities.length).padStart(7, '0')}`;
    const stored: Partial<Activity> = {
      ...activity,
      id,
      conversation: { ...activity.conversation, id: conversationId } as Activity['conversation'],
      timestamp: activity.timestamp ?? new Date(),
    };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.activities.push({ activity: stored, bytes });
    conversation.bytes += bytes;
    // The newest activity is always kept, even alone over the budget: the poll after it must see it.
    while (conversation.bytes > this.limits.maxBytesPerConversation && conversation.activities.length > 1) {
      conversation.bytes -= conversation.activities.shift()!.bytes;
      conversation.offset += 1;
    }
    return id;
  }

  /** The activities after a watermark, and the new watermark (undefined for an unknown conversation). */
  activitiesSince(conversationId: string, watermark: number): { activities: Partial<Activity>[]; watermark: string } | undefined {
    const conversation = this.use(conversationId);
    if (!conversation) return undefined;
    const start = Math.max(0, watermark - conversation.offset);
    return {
      activities: conversation.activities.slice(start).map((kept) => kept.activity),
      watermark: String(conversation.offset + conversation.activities.length),
    };
  }

  get size(): number {
    return this.conversations.size;
  }

  /** The bytes of activities kept, all conversations together. */
  get bytes(): number {
    let total = 0;
    for (const conversation of this.conversations.values()) total += conversation.bytes;
    return total;
  }

  private use(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastUsed > this.limits.idleMs) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    conversation.lastUsed = this.now();
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  /** Forgets the conversations idle past the limit (they are the first in the map). */
  private forgetIdle(): void {
    const cutoff = this.now() - this.limits.idleMs;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastUsed >= cutoff) return;
      this.conversations.delete(id);
    }
  }
}
