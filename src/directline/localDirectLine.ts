/**
 * A small Direct Line v3 (polling) for the web chat when the bot runs without Azure: it keeps each
 * conversation's activities in memory, numbered by a watermark, as Web Chat expects. It holds no
 * bot logic: routes.ts feeds it the user's activities and the bot's replies. Memory is bounded:
 * the oldest conversations are dropped past a limit, and each keeps its latest activities only.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface DirectLineLimits {
  readonly maxConversations: number;
  readonly maxActivitiesPerConversation: number;
}

export const DEFAULT_DIRECT_LINE_LIMITS: DirectLineLimits = { maxConversations: 1000, maxActivitiesPerConversation: 500 };

interface Conversation {
  readonly id: string;
  /** Activities in order; `offset` is the watermark of the first one kept. */
  readonly activities: Partial<Activity>[];
  offset: number;
}

export class LocalDirectLine {
  /** Insertion order is age order: the first entry is the oldest conversation. */
  private readonly conversations = new Map<string, Conversation>();

  constructor(private readonly limits: DirectLineLimits = DEFAULT_DIRECT_LINE_LIMITS) {}

  /** Starts a conversation and returns its id. */
  createConversation(): string {
    const id = randomUUID();
    this.conversations.set(id, { id, activities: [], offset: 0 });
    while (this.conversations.size > this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value as string;
      this.conversations.delete(oldest);
    }
    return id;
  }

  has(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  /** Appends an activity (the user's or the bot's) and returns the id it is known by. */
  append(conversationId: string, activity: Partial<Activity>): string | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const id = `${conversationId}|${String(conversation.offset + conversation.activities.length).padStart(7, '0')}`;
    conversation.activities.push({ ...activity, id, conversation: { ...activity.conversation, id: conversationId } as Activity['conversation'], timestamp: activity.timestamp ?? new Date() });
    const excess = conversation.activities.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.offset += excess;
    }
    return id;
  }

  /** Replaces an activity the bot updates; false when it is no longer kept. */
  replace(conversationId: string, activityId: string, activity: Partial<Activity>): boolean {
    const conversation = this.conversations.get(conversationId);
    const index = conversation?.activities.findIndex((a) => a.id === activityId) ?? -1;
    if (!conversation || index < 0) return false;
    conversation.activities[index] = { ...conversation.activities[index], ...activity, id: activityId };
    return true;
  }

  /** The activities after a watermark, and the new watermark (undefined for an unknown conversation). */
  activitiesSince(conversationId: string, watermark: number): { activities: Partial<Activity>[]; watermark: string } | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    const start = Math.max(0, watermark - conversation.offset);
    return { activities: conversation.activities.slice(start), watermark: String(conversation.offset + conversation.activities.length) };
  }

  get size(): number {
    return this.conversations.size;
  }
}
