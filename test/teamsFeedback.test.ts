/**
 * Teams' native feedback, over the real HTTP endpoint and adapter: on msteams a rated answer turns
 * the feedback loop on and its card leaves its own thumbs out (Web Chat keeps them); the bot
 * remembers which answer each sent message was, under the id the channel gave it; a
 * `message/submitAction` feedback invoke on that message records the vote like a card's (same
 * record, keyed by the replyToId), is answered 200, and keeps no user text. Malformed invokes get
 * a 400; votes on messages the bot does not remember get a 200 and are not recorded.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../src/cards/adaptiveCard';
import { cardActions } from '../src/cards/walk';
import { FEEDBACK_KEY_PREFIX, FeedbackStore, MAX_RATED_REPLIES, RATED_REPLIES_PREFIX, type StoredVote } from '../src/feedback/feedbackStore';
import { FEEDBACK_INVOKE_NAME, MAX_FEEDBACK_COMMENT_LENGTH, nativeFeedbackOf } from '../src/feedback/nativeFeedback';
import { createLogger } from '../src/logger';
import { postMessage } from './support/askOverHttp';
import { startBot, type RunningBot } from './support/botServer';

/** A Bot Connector on loopback: keeps what the bot sends, and gives each message an id as Teams does. */
interface FakeConnector {
  readonly url: string;
  readonly sent: Partial<Activity & { id: string }>[];
  close(): Promise<void>;
}

async function startConnector(): Promise<FakeConnector> {
  const sent: Partial<Activity & { id: string }>[] = [];
  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => resolve(body));
    });
  const server: Server = createServer(async (request, response) => {
    const activity = JSON.parse(await readBody(request)) as Partial<Activity>;
    const id = `1:teams-message-${sent.length + 1}`;
    sent.push({ ...activity, id });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const memory: Record<string, string> = {};
let bot: RunningBot;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startConnector();
  bot = await startBot({ storage: new MemoryStorage(memory) }, { rateLimit: false });
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

/** Posts a Teams activity of a conversation, delivered as Teams does (replies go to the connector). */
async function postTeams(conversationId: string, fields: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.url,
      id: `incoming-${Math.random().toString(36).slice(2)}`,
      from: { id: '29:user', name: 'Ana' },
      recipient: { id: '28:bot', name: 'Co-op Partners' },
      conversation: { id: conversationId, conversationType: 'personal' },
      ...fields,
    }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Asks a question in Teams; returns the message the connector received that carries the answer. */
async function askTeams(conversationId: string, text: string): Promise<Partial<Activity & { id: string }>> {
  const before = connector.sent.length;
  expect((await postTeams(conversationId, { type: 'message', text })).status).toBe(200);
  const answer = connector.sent.slice(before).find((activity) => answerRecordOf(activity) !== undefined);
  if (!answer) throw new Error(`no answer to "${text}" reached the connector`);
  return answer;
}

const feedbackInvoke = (conversationId: string, replyToId: string | undefined, actionValue: unknown, actionName = 'feedback') =>
  postTeams(conversationId, { type: 'invoke', name: FEEDBACK_INVOKE_NAME, ...(replyToId ? { replyToId } : {}), value: { actionName, actionValue } });

const storedVotes = (): StoredVote[] =>
  Object.entries(memory)
    .filter(([key]) => key.startsWith(FEEDBACK_KEY_PREFIX))
    .map(([, value]) => JSON.parse(value) as StoredVote);

const cardOf = (activity: Partial<Activity>): AdaptiveCard | undefined =>
  activity.attachments?.find((attachment) => attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE)?.content as AdaptiveCard | undefined;

const thumbsOf = (card: AdaptiveCard | undefined) => (card ? cardActions(card).filter((action) => action.type === 'Action.Submit' && 'feedback' in action.data) : []);

const honduras = async () => (await bot.app.feedback.summary(bot.app.knowledge.kb)).find((row) => row.rated === 'project:honduras-forestry') ?? { up: 0, down: 0 };

describe('Teams native feedback', () => {
  it('turns the feedback loop on for a rated answer in Teams, and leaves the card\'s thumbs out', async () => {
    const answer = await askTeams('native-1', 'what does SOCODEVI do in Honduras');
    expect(answer.channelData).toMatchObject({ feedbackLoopEnabled: true });
    expect(answerRecordOf(answer)).toMatchObject({ intent: 'project', projects: ['honduras-forestry'] });
    const card = cardOf(answer);
    expect(card).toBeDefined();
    expect(thumbsOf(card)).toEqual([]);
    // The follow-up buttons are still there.
    expect(cardActions(card!).some((action) => action.type === 'Action.Submit' && 'question' in action.data)).toBe(true);
  });

  it('leaves the feedback loop off for answers that are not rated (help)', async () => {
    const help = await askTeams('native-help', 'help');
    expect(help.channelData).not.toHaveProperty('feedbackLoopEnabled');
  });

  it('keeps the card\'s thumbs, and no feedback loop, in Web Chat', async () => {
    const replies = await postMessage(bot.url, 'webchat-unchanged', { channelId: 'webchat', text: 'what does SOCODEVI do in Honduras' });
    const answer = replies.activities.find((activity) => answerRecordOf(activity) !== undefined)!;
    expect(answer.channelData).not.toHaveProperty('feedbackLoopEnabled');
    expect(thumbsOf(cardOf(answer)).map((action) => action.title)).toEqual(['👍 Helpful', '👎 Not helpful']);
  });

  it('records a like on the rated message with the answer\'s ids and the replyToId, answers 200, and a dislike replaces it', async () => {
    const answer = await askTeams('native-vote', 'what does SOCODEVI do in Honduras');
    const before = await honduras();
    const votesBefore = storedVotes().length;

    const like = await feedbackInvoke('native-vote', answer.id, { reaction: 'like', feedback: JSON.stringify({ feedbackText: 'Clear and useful, thanks' }) });
    expect(like.status).toBe(200);
    expect(storedVotes()).toHaveLength(votesBefore + 1);
    expect(storedVotes().at(-1)).toMatchObject({ rating: 'up', intent: 'project', language: 'en', projects: ['honduras-forestry'], organizations: ['socodevi'], channel: 'msteams' });
    expect(await honduras()).toEqual({ rated: 'project:honduras-forestry', up: before.up + 1, down: before.down });
    // The same record as a card's vote in Teams, under the same key (the rated message's id).
    expect(await bot.app.feedback.read({ channelId: 'msteams', conversationId: 'native-vote', replyToId: answer.id! }, storedVotes().at(-1)!)).toMatchObject({ rating: 'up' });

    const dislike = await feedbackInvoke('native-vote', answer.id, { reaction: 'dislike', feedback: '{"feedbackText":""}' });
    expect(dislike.status).toBe(200);
    expect(storedVotes()).toHaveLength(votesBefore + 1);
    expect(await honduras()).toEqual({ rated: 'project:honduras-forestry', up: before.up, down: before.down + 1 });
    // What the user wrote is not stored.
    expect(Object.values(memory).join('\n')).not.toMatch(/Clear and useful/);
  });

  it('rates the older message a vote names, not the newest answer', async () => {
    const peru = await askTeams('native-older', 'what does the CCA do in Peru?');
    await askTeams('native-older', 'what does DID do in Haiti?');
    const peruBefore = (await bot.app.feedback.summary(bot.app.knowledge.kb)).find((row) => row.rated === 'project:peru-crop-diversification') ?? { up: 0 };
    expect((await feedbackInvoke('native-older', peru.id, { reaction: 'like', feedback: 'plain text from the Agents Playground' })).status).toBe(200);
    expect(storedVotes().at(-1)).toMatchObject({ rating: 'up', projects: ['peru-crop-diversification'] });
    expect((await bot.app.feedback.summary(bot.app.knowledge.kb)).find((row) => row.rated === 'project:peru-crop-diversification')).toMatchObject({ up: peruBefore.up + 1 });
  });

  it('answers 200 without recording a vote on a message it does not remember, or without a replyToId', async () => {
    await askTeams('native-unknown', 'who is DID?');
    const before = JSON.stringify(storedVotes());
    expect((await feedbackInvoke('native-unknown', '1:not-a-message-of-the-bot', { reaction: 'like', feedback: '' })).status).toBe(200);
    expect((await feedbackInvoke('native-unknown', undefined, { reaction: 'dislike', feedback: '' })).status).toBe(200);
    // Another conversation's message id is not this conversation's.
    const elsewhere = await askTeams('native-elsewhere', 'who is DID?');
    expect((await feedbackInvoke('native-unknown', elsewhere.id, { reaction: 'like', feedback: '' })).status).toBe(200);
    expect(JSON.stringify(storedVotes())).toBe(before);
  });

  it.each([
    ['another action', 'share', { reaction: 'like', feedback: '' }],
    ['an unknown reaction', 'feedback', { reaction: 'love', feedback: '' }],
    ['a reaction inherited from Object', 'feedback', { reaction: 'toString', feedback: '' }],
    ['no action value', 'feedback', 'like'],
  ])('answers %s with a 400, recording nothing', async (_kind, actionName, actionValue) => {
    const answer = await askTeams('native-malformed', 'who is DID?');
    const before = JSON.stringify(storedVotes());
    const response = await feedbackInvoke('native-malformed', answer.id, actionValue, actionName);
    expect(response.status).toBe(400);
    expect(JSON.stringify(storedVotes())).toBe(before);
  });

  it('records the vote of a huge comment, reading at most the cap of it', async () => {
    const answer = await askTeams('native-huge', 'who is DID?');
    const before = storedVotes().length;
    const response = await feedbackInvoke('native-huge', answer.id, { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'x'.repeat(200_000) }) });
    expect(response.status).toBe(200);
    expect(storedVotes()).toHaveLength(before + 1);
    expect(storedVotes().at(-1)).toMatchObject({ rating: 'down', intent: 'organization', organizations: ['did'] });
  });
});

describe('reading a native feedback submission', () => {
  it('reads the rating and the comment of Teams\' JSON form answer, and of a plain text', () => {
    expect(nativeFeedbackOf({ actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":"  Great  "}' } })).toEqual({ rating: 'up', comment: 'Great' });
    expect(nativeFeedbackOf({ actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: 'Wrong country' } })).toEqual({ rating: 'down', comment: 'Wrong country' });
    expect(nativeFeedbackOf({ actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: { feedbackText: 'as an object' } } })).toEqual({ rating: 'down', comment: 'as an object' });
    expect(nativeFeedbackOf({ actionName: 'feedback', actionValue: { reaction: 'like' } })).toEqual({ rating: 'up', comment: '' });
  });

  it('caps the comment, and does not parse a form answer far over the cap', () => {
    const long = nativeFeedbackOf({ actionName: 'feedback', actionValue: { reaction: 'like', feedback: JSON.stringify({ feedbackText: 'y'.repeat(MAX_FEEDBACK_COMMENT_LENGTH + 500) }) } });
    expect(long?.comment).toHaveLength(MAX_FEEDBACK_COMMENT_LENGTH);
    const huge = nativeFeedbackOf({ actionName: 'feedback', actionValue: { reaction: 'like', feedback: 'z'.repeat(100 * MAX_FEEDBACK_COMMENT_LENGTH) } });
    expect(huge).toEqual({ rating: 'up', comment: '' });
  });

  it.each([[null], ['feedback'], [{ actionName: 'feedback' }], [{ actionName: 'feedback', actionValue: { reaction: 'LIKE' } }], [{ actionName: 'Feedback', actionValue: { reaction: 'like' } }]])(
    'rejects %j',
    (value) => {
      expect(nativeFeedbackOf(value)).toBeUndefined();
    },
  );
});

describe('the rated replies remembered', () => {
  const answer = (projects: string[]) => ({ intent: 'project', language: 'en', projects, organizations: [] });
  const place = { channelId: 'msteams', conversationId: 'long-conversation' };

  it(`keeps the newest ${MAX_RATED_REPLIES} of a conversation in one item, and forgets older ones`, async () => {
    const storage: Record<string, string> = {};
    const store = new FeedbackStore(new MemoryStorage(storage), createLogger('silent'));
    for (let i = 1; i <= MAX_RATED_REPLIES + 5; i++) await store.rememberReplies(place, [{ id: `m${i}`, answer: answer(['panseh']) }]);
    expect(Object.keys(storage).filter((key) => key.startsWith(RATED_REPLIES_PREFIX))).toHaveLength(1);
    await expect(store.ratedReply(place, 'm5')).resolves.toBeUndefined();
    await expect(store.ratedReply(place, 'm6')).resolves.toEqual(answer(['panseh']));
    await expect(store.ratedReply(place, `m${MAX_RATED_REPLIES + 5}`)).resolves.toEqual(answer(['panseh']));
    await expect(store.ratedReply({ ...place, conversationId: 'another' }, 'm6')).resolves.toBeUndefined();
  });

  it('keeps no overlong id, and loses no reply when two turns remember at once', async () => {
    const store = new FeedbackStore(new MemoryStorage(), createLogger('silent'));
    await store.rememberReplies(place, [{ id: 'i'.repeat(10_000), answer: answer(['pasac']) }]);
    await expect(store.ratedReply(place, 'i'.repeat(10_000))).resolves.toBeUndefined();
    await Promise.all([store.rememberReplies(place, [{ id: 'a', answer: answer(['pasac']) }]), store.rememberReplies(place, [{ id: 'b', answer: answer(['panseh']) }])]);
    await expect(store.ratedReply(place, 'a')).resolves.toEqual(answer(['pasac']));
    await expect(store.ratedReply(place, 'b')).resolves.toEqual(answer(['panseh']));
  });
});
