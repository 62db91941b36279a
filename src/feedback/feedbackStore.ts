/**
 * Keeps the users' votes on answers, to show which answers of the knowledge base help and which
 * do not. A vote is stored in the bot's Storage (so in Azure Blob Storage when state is) under a
 * key of the conversation and the rated reply, so that voting again on the same answer replaces
 * the vote; and each vote is logged. Neither holds user text or names; the conversation id is
 * kept only as a hash.
 */
import { createHash } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import type { Logger } from '../logger';
import type { Vote } from './vote';

/** Where a vote was cast: the conversation, and the reply it rates when the channel says. */
export interface VotePlace {
  readonly channelId: string;
  readonly conversationId: string;
  /** The id of the rated reply (Teams sends it as replyToId); absent, the answer's ids stand for it. */
  readonly replyToId?: string;
}

export interface StoredVote extends Vote, StoreItem {
  readonly channel: string;
  /** A hash of the conversation id, enough to count distinct conversations. */
  readonly conversation: string;
  readonly at: string;
}

export const FEEDBACK_KEY_PREFIX = 'feedback/';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The storage key of a vote on one answer in one conversation. */
export function feedbackKey(place: VotePlace, vote: Vote): string {
  const answer = place.replyToId ?? JSON.stringify([vote.intent, vote.projects, vote.organizations]);
  return `${FEEDBACK_KEY_PREFIX}${hash([place.channelId, place.conversationId, answer].join('\n')).slice(0, 32)}`;
}

export class FeedbackStore {
  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a vote, replacing an earlier vote on the same answer; returns what was stored. */
  async record(vote: Vote, place: VotePlace): Promise<StoredVote> {
    const stored: StoredVote = {
      ...vote,
      channel: place.channelId,
      conversation: hash(`${place.channelId}\n${place.conversationId}`).slice(0, 16),
      at: this.now().toISOString(),
      eTag: '*',
    };
    await this.storage.write({ [feedbackKey(place, vote)]: stored });
    this.logger.info({ feedback: vote.rating, intent: vote.intent, language: vote.language, projects: vote.projects, organizations: vote.organizations, channel: place.channelId }, 'feedback');
    return stored;
  }

  /** The vote stored for an answer, if any. */
  async read(place: VotePlace, vote: Vote): Promise<StoredVote | undefined> {
    const key = feedbackKey(place, vote);
    const items = await this.storage.read([key]);
    return items[key] as StoredVote | undefined;
  }
}
