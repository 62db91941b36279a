/**
 * Keeps the users' votes on answers, to show which answers of the knowledge base help and which
 * do not. Each vote is its own item in the bot's Storage (so in Azure Blob Storage when state is),
 * under a key of the conversation and the rated reply, so that voting again on the same answer
 * replaces the vote; and each thing rated (a project, an organization, or the intent of answers
 * without ids) has a small item counting its ups and downs, kept up to date as votes come and are
 * replaced. No item grows with the number of votes. Nothing stored holds user text or names; the
 * conversation id is kept only as a hash.
 *
 * For Teams' native feedback, whose invoke names only the rated message (its replyToId), the store
 * also remembers which answer each recent rated message of a conversation was: one small item per
 * conversation, holding the last MAX_RATED_REPLIES of them.
 */
import { createHash } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import { ConversationQueue } from '../bots/conversationQueue';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../logger';
import { CREATE_ONLY_ETAG, isETagConflict } from '../storage/conditionalWrite';
import { ratedKeysOf, sortSummary, type RatedSummary } from './summary';
import type { FeedbackData } from '../cards/adaptiveCard';
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
/** The counts of one thing rated: `feedback-count/project:pasac`, `feedback-count/overview`... */
export const FEEDBACK_COUNT_PREFIX = 'feedback-count/';

/** The rated messages remembered per conversation: `rated-replies/<hash>`. */
export const RATED_REPLIES_PREFIX = 'rated-replies/';
/** Enough for the answers still on a user's screen; older ones are forgotten, so the item stays small. */
export const MAX_RATED_REPLIES = 20;
/** Channel message ids are short; a longer one is not remembered (nor looked up). */
const MAX_REPLY_ID_LENGTH = 200;

/** A rated message the channel sent, and the answer it was (the ids a vote on it records). */
export interface RatedReply {
  readonly id: string;
  readonly answer: FeedbackData['answer'];
}

interface RatedReplies extends StoreItem {
  replies: RatedReply[];
}

interface Count extends StoreItem {
  up: number;
  down: number;
}

/** Conditional writes that meet another writer (another instance) try again on fresh items. */
const ATTEMPTS = 5;
/** The intents whose answers are rated without ids (see vote.ts). */
const RATED_INTENTS = ['project', 'list', 'organization', 'overview'] as const;

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The storage key of a vote on one answer in one conversation. */
export function feedbackKey(place: VotePlace, vote: Vote): string {
  const answer = place.replyToId ?? JSON.stringify([vote.intent, vote.projects, vote.organizations]);
  return `${FEEDBACK_KEY_PREFIX}${hash([place.channelId, place.conversationId, answer].join('\n')).slice(0, 32)}`;
}

/** The storage key of a conversation's rated replies. */
export function ratedRepliesKey(place: Omit<VotePlace, 'replyToId'>): string {
  return `${RATED_REPLIES_PREFIX}${hash([place.channelId, place.conversationId].join('\n')).slice(0, 32)}`;
}

/** Writes `item` only over the version read (or only if absent); false when someone else wrote first. */
async function writeOver(storage: Storage, key: string, item: object, read: StoreItem | undefined): Promise<boolean> {
  try {
    await storage.write({ [key]: { ...item, eTag: read?.eTag ?? CREATE_ONLY_ETAG } });
    return true;
  } catch (error) {
    if (isETagConflict(error)) return false;
    throw error;
  }
}

/** Stores, logs and counts the users' votes on answers. */
export class FeedbackStore {
  /** Count updates of one thing rated run one at a time in this process; eTags guard against the other instances. */
  private readonly countUpdates = new ConversationQueue();

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
    };
    for (let attempt = 1; ; attempt++) {
      const previous = (await this.storage.read([key]))[key] as StoredVote | undefined;
      if (await writeOver(this.storage, key, stored, previous)) {
        this.logger.info({ feedback: vote.rating, intent: vote.intent, language: vote.language, projects: vote.projects, organizations: vote.organizations, channel: place.channelId }, 'feedback');
        await this.recount(vote, previous);
        return stored;
      }
      if (attempt >= ATTEMPTS) throw new Error(`feedback: the vote ${key} kept changing while being recorded`);
    }
  }

  /**
   * Remembers which answers the channel's messages were (the ids it gave them when they were
   * sent), keeping the newest MAX_RATED_REPLIES of the conversation.
   */
  async rememberReplies(place: Omit<VotePlace, 'replyToId'>, replies: readonly RatedReply[]): Promise<void> {
    const fresh = replies.filter((reply) => reply.id && reply.id.length <= MAX_REPLY_ID_LENGTH);
    if (!fresh.length) return;
    const key = ratedRepliesKey(place);
    // The replies have been sent already: a failure here is logged, and does not fail the turn.
    try {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const previous = (await this.storage.read([key]))[key] as RatedReplies | undefined;
        const ids = new Set(fresh.map((reply) => reply.id));
        const kept = (previous?.replies ?? []).filter((reply) => !ids.has(reply.id));
        const updated = { replies: [...kept, ...fresh].slice(-MAX_RATED_REPLIES) };
        if (await writeOver(this.storage, key, updated, previous)) return;
      }
      this.logger.warn({ channel: place.channelId }, 'feedback: the rated replies kept conflicting; votes on them will not be recorded');
    } catch (error) {
      this.logger.warn({ err: error, channel: place.channelId }, 'feedback: the rated replies could not be remembered; votes on them will not be recorded');
    }
  }

  /** The answer a message of the conversation was, if it is one of the rated replies remembered. */
  async ratedReply(place: Omit<VotePlace, 'replyToId'>, replyId: string): Promise<RatedReply['answer'] | undefined> {
    if (!replyId || replyId.length > MAX_REPLY_ID_LENGTH) return undefined;
    const key = ratedRepliesKey(place);
    const remembered = (await this.storage.read([key]))[key] as RatedReplies | undefined;
    return remembered?.replies.find((reply) => reply.id === replyId)?.answer;
  }

  /** The vote stored for an answer, if any. */
  async read(place: VotePlace, vote: Vote): Promise<StoredVote | undefined> {
    const key = feedbackKey(place, vote);
    const items = await this.storage.read([key]);
    return items[key] as StoredVote | undefined;
  }

  /** Up and down counts of everything the knowledge base can be rated on, the most disliked first (zero rows left out). */
  async summary(kb: KnowledgeBase): Promise<RatedSummary[]> {
    const rated = [...kb.projects.map((project) => `project:${project.id}`), ...kb.organizations.map((organization) => `organization:${organization.id}`), ...RATED_INTENTS];
    const items = await this.storage.read(rated.map((name) => `${FEEDBACK_COUNT_PREFIX}${name}`));
    const rows = rated
      .map((name) => {
        const count = items[`${FEEDBACK_COUNT_PREFIX}${name}`] as Count | undefined;
        return { rated: name, up: count?.up ?? 0, down: count?.down ?? 0 };
      })
      .filter((row) => row.up > 0 || row.down > 0);
    return sortSummary(rows);
  }

  /**
   * Moves the counts from the replaced vote (if any) to the new one. The vote itself is already
   * stored and logged: a count that cannot be updated is logged, and does not fail the user's turn.
   */
  private async recount(vote: Vote, previous: Vote | undefined): Promise<void> {
    const changes = new Map<string, { up: number; down: number }>();
    const add = (from: Vote, sign: number) => {
      for (const rated of ratedKeysOf(from)) {
        const change = changes.get(rated) ?? { up: 0, down: 0 };
        change[from.rating] += sign;
        changes.set(rated, change);
      }
    };
    if (previous) add(previous, -1);
    add(vote, +1);
    await Promise.all(
      [...changes].filter(([, change]) => change.up !== 0 || change.down !== 0).map(([rated, change]) => this.countUpdates.run(rated, () => this.addToCount(rated, change))),
    );
  }

  private async addToCount(rated: string, change: { up: number; down: number }): Promise<void> {
    const key = `${FEEDBACK_COUNT_PREFIX}${rated}`;
    try {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const count = (await this.storage.read([key]))[key] as Count | undefined;
        const updated = { up: (count?.up ?? 0) + change.up, down: (count?.down ?? 0) + change.down };
        if (await writeOver(this.storage, key, updated, count)) return;
      }
      this.logger.warn({ rated }, 'feedback: the vote is stored, but its count kept conflicting');
    } catch (error) {
      this.logger.warn({ err: error, rated }, 'feedback: the vote is stored, but its count could not be updated');
    }
  }
}
