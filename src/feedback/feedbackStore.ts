/**
 * Keeps the users' votes on answers, to show which answers of the knowledge base help and which
 * do not. A vote is stored in the bot's Storage (so in Azure Blob Storage when state is) under a
 * key of the conversation and the rated reply, so that voting again on the same answer replaces
 * the vote; and each vote is logged. Neither holds user text or names; the conversation id is
 * kept only as a hash.
 */
import { createHash } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import { isETagConflict } from '../bots/optimisticState';
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

/**
 * The item listing the keys of every vote: Bot Framework's Storage reads and writes keys it is
 * given but cannot list them. Kept apart from the `feedback/` keys, which each hold one vote.
 */
export const FEEDBACK_INDEX_KEY = 'feedback-index';

interface FeedbackIndex extends StoreItem {
  readonly keys: readonly string[];
}

/** Concurrent first votes (several instances) each retry their index update on an eTag conflict. */
const INDEX_ATTEMPTS = 5;
/** Storage reads are batched when listing, so that a large index does not open a request per vote at once. */
const READ_BATCH = 100;

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The storage key of a vote on one answer in one conversation. */
export function feedbackKey(place: VotePlace, vote: Vote): string {
  const answer = place.replyToId ?? JSON.stringify([vote.intent, vote.projects, vote.organizations]);
  return `${FEEDBACK_KEY_PREFIX}${hash([place.channelId, place.conversationId, answer].join('\n')).slice(0, 32)}`;
}

/** Stores, logs and lists the users' votes on answers. */
export class FeedbackStore {
  private indexUpdates: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a vote, replacing an earlier vote on the same answer; returns what was stored. */
  async record(vote: Vote, place: VotePlace): Promise<StoredVote> {
    const key = feedbackKey(place, vote);
    const stored: StoredVote = {
      ...vote,
      channel: place.channelId,
      conversation: hash(`${place.channelId}\n${place.conversationId}`).slice(0, 16),
      at: this.now().toISOString(),
      eTag: '*',
    };
    await this.storage.write({ [key]: stored });
    this.logger.info({ feedback: vote.rating, intent: vote.intent, language: vote.language, projects: vote.projects, organizations: vote.organizations, channel: place.channelId }, 'feedback');
    // One index update at a time in this process (turns of different conversations run at once);
    // eTags guard against the other instances.
    const indexed = this.indexUpdates.then(() => this.addToIndex(key));
    this.indexUpdates = indexed;
    await indexed;
    return stored;
  }

  /** The vote stored for an answer, if any. */
  async read(place: VotePlace, vote: Vote): Promise<StoredVote | undefined> {
    const key = feedbackKey(place, vote);
    const items = await this.storage.read([key]);
    return items[key] as StoredVote | undefined;
  }

  /** Every vote stored, oldest key first (for the summary and for tests). */
  async list(): Promise<StoredVote[]> {
    const keys = (await this.readIndex())?.keys ?? [];
    const votes: StoredVote[] = [];
    for (let start = 0; start < keys.length; start += READ_BATCH) {
      const batch = keys.slice(start, start + READ_BATCH);
      const items = await this.storage.read(batch);
      for (const key of batch) if (items[key]) votes.push(items[key] as StoredVote);
    }
    return votes;
  }

  private async readIndex(): Promise<FeedbackIndex | undefined> {
    const items = await this.storage.read([FEEDBACK_INDEX_KEY]);
    return items[FEEDBACK_INDEX_KEY] as FeedbackIndex | undefined;
  }

  /**
   * Adds a vote's key to the index, written with the eTag it was read with so that two instances
   * adding keys at once do not drop one. The vote itself is already stored and logged: an index
   * that cannot be updated is logged, and does not fail the user's turn.
   */
  private async addToIndex(key: string): Promise<void> {
    try {
      for (let attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
        const index = await this.readIndex();
        if (index?.keys.includes(key)) return;
        // The first index is written with '*' (Storage cannot say "only if absent"); two
        // instances creating it at the same moment may drop one key, never a vote.
        const updated: FeedbackIndex = { keys: [...(index?.keys ?? []), key], eTag: index?.eTag ?? '*' };
        try {
          await this.storage.write({ [FEEDBACK_INDEX_KEY]: updated });
          return;
        } catch (error) {
          if (!isETagConflict(error)) throw error;
        }
      }
      this.logger.warn({ key }, 'feedback: the vote is stored, but the index kept conflicting');
    } catch (error) {
      this.logger.warn({ err: error, key }, 'feedback: the vote is stored, but the index could not be updated');
    }
  }
}
