/**
 * Thumbs up / down on answers, over the real HTTP endpoint: the buttons carry the answer's ids, a
 * vote is stored (once per answer) and thanked in the answer's language, junk votes are thanked
 * for without being recorded, and voting leaves the conversation's follow-up context alone. Then
 * the store's index and summary, and the optional transcript store.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTranscriptStore, MemoryStorage, type Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, type FeedbackData, type SubmitAction } from '../src/cards/adaptiveCard';
import { cardActions } from '../src/cards/walk';
import { FEEDBACK_COUNT_PREFIX, FEEDBACK_KEY_PREFIX, FeedbackStore, type StoredVote } from '../src/feedback/feedbackStore';
import { formatSummary, summarizeVotes } from '../src/feedback/summary';
import type { Vote } from '../src/feedback/vote';
import { createLogger } from '../src/logger';
import { postMessage, type HttpReplies } from './support/askOverHttp';
import { shippedUnderstander } from './support/understander';
import { startBot, type RunningBot } from './support/botServer';

const THANKS = { en: 'Thanks for your feedback!', fr: 'Merci de vos commentaires !', es: '¡Gracias por su opinión!' };

const post = (bot: RunningBot, conversation: string, fields: Record<string, unknown>): Promise<HttpReplies> => postMessage(bot.url, conversation, fields);

const recordOf = (posted: HttpReplies) => posted.activities.map(answerRecordOf).find((record) => record !== undefined);

const texts = (posted: HttpReplies) => posted.activities.map((a) => a.text);

/** Every Action.Submit of the replies' cards, wherever it sits (action sets, select actions, the card's foot). */
function submitActions(posted: HttpReplies): SubmitAction[] {
  const cards = posted.activities.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
  return cards
    .map((attachment) => attachment.content as AdaptiveCard)
    .flatMap(cardActions)
    .flatMap((action) => (action.type === 'Action.Submit' ? [action] : []));
}

const feedbackActions = (posted: HttpReplies) => submitActions(posted).filter((action) => 'feedback' in action.data);
const feedbackButtons = (posted: HttpReplies): FeedbackData[] => feedbackActions(posted).map((action) => action.data as FeedbackData);

describe('feedback on answers', () => {
  const memory: Record<string, string> = {};
  let bot: RunningBot;
  /** The votes in the storage's memory, in the order they were first stored. */
  const storedVotes = async (): Promise<StoredVote[]> =>
    Object.entries(memory)
      .filter(([key, value]) => key.startsWith(FEEDBACK_KEY_PREFIX) && value !== undefined)
      .map(([, value]) => JSON.parse(value) as StoredVote);

  beforeAll(async () => {
    bot = await startBot({ storage: new MemoryStorage(memory) }, { rateLimit: false });
  });
  afterAll(() => bot.close());

  it('offers both ratings on a project answer, carrying its ids, with localized titles and tooltips', async () => {
    const answer = await post(bot, 'buttons', { text: 'que fait SOCODEVI au Honduras' });
    const actions = feedbackActions(answer);
    expect(actions.map((action) => [action.title, action.tooltip])).toEqual([
      ['👍 Utile', "Cette réponse m'a aidé"],
      ['👎 Pas utile', "Cette réponse ne m'a pas aidé"],
    ]);
    expect(feedbackButtons(answer).map((data) => data.feedback)).toEqual(['up', 'down']);
    for (const data of feedbackButtons(answer)) {
      expect(data).toEqual({ feedback: data.feedback, answer: { intent: 'project', language: 'fr', projects: ['honduras-forestry'], organizations: ['socodevi'] } });
      // Plain Action.Submit data: an msteams key crashes the Agents Playground's card renderer.
      expect(Object.keys(data).sort()).toEqual(['answer', 'feedback']);
    }
    // The card's follow-up buttons still ask their questions.
    expect(submitActions(answer).filter((action) => 'question' in action.data).length).toBeGreaterThan(0);
  });

  it('offers them on organization and overview answers too, but not on help', async () => {
    expect(feedbackButtons(await post(bot, 'kinds', { text: 'who is DID?' }))[0]?.answer).toMatchObject({ intent: 'organization', organizations: ['did'] });
    expect(feedbackButtons(await post(bot, 'kinds', { text: 'overview of the partnerships' }))[0]?.answer).toMatchObject({ intent: 'overview', language: 'en' });
    const help = await post(bot, 'kinds', { text: 'help' });
    expect(help.activities.some((a) => (a.attachments ?? []).length > 0)).toBe(true);
    expect(feedbackButtons(help)).toEqual([]);
  });

  it('records a vote with the ids, thanks in the answer\'s language, and keeps one vote per answer', async () => {
    const before = (await storedVotes()).length;
    const answer = await post(bot, 'vote', { text: 'que fait SOCODEVI au Honduras' });
    const [up, down] = feedbackButtons(answer);
    // The web chat posts the button's title as a text with the value; the value wins.
    const thanks = await post(bot, 'vote', { text: '👍 Utile', value: up, replyToId: 'answer-1', locale: 'en-US' });
    expect(thanks.status).toBe(200);
    expect(texts(thanks)).toEqual([THANKS.fr]);
    expect(thanks.activities[0]?.locale).toBe('fr');
    let votes = await storedVotes();
    expect(votes).toHaveLength(before + 1);
    expect(votes.at(-1)).toMatchObject({ rating: 'up', intent: 'project', language: 'fr', projects: ['honduras-forestry'], organizations: ['socodevi'], channel: 'test' });
    expect(Date.parse(votes.at(-1)!.at)).toBeGreaterThan(Date.now() - 60_000);

    await post(bot, 'vote', { text: '', value: down, replyToId: 'answer-1' });
    votes = await storedVotes();
    expect(votes).toHaveLength(before + 1);
    expect(votes.at(-1)).toMatchObject({ rating: 'down' });

    // Without a replyToId (Web Chat), the answer's ids stand for the reply: a second vote replaces too.
    await post(bot, 'vote', { text: '', value: up });
    await post(bot, 'vote', { text: '', value: down });
    expect(await storedVotes()).toHaveLength(before + 2);
  });

  it('stores votes under feedback/<hash>, without user text, names or the conversation id', async () => {
    await post(bot, 'private-conversation-42', { text: 'que fait SOCODEVI au Honduras', from: { id: 'user-7', name: 'Ana Pérez' } });
    await post(bot, 'private-conversation-42', { text: 'que fait SOCODEVI au Honduras', from: { id: 'user-7', name: 'Ana Pérez' }, value: { feedback: 'up', answer: { intent: 'project', language: 'fr', projects: ['honduras-forestry'], organizations: ['socodevi'] } } });
    const voteKeys = Object.keys(memory).filter((key) => key.startsWith(FEEDBACK_KEY_PREFIX));
    expect(voteKeys.length).toBeGreaterThan(0);
    for (const key of voteKeys) expect(key).toMatch(/^feedback\/[0-9a-f]{32}$/);
    const stored = voteKeys.map((key) => memory[key]).join('\n');
    expect(stored).not.toMatch(/private-conversation|user-7|Ana|SOCODEVI au Honduras/);
    // Counts are kept per thing rated, beside the votes: no item lists them all.
    expect(Object.keys(memory).filter((key) => key.startsWith(FEEDBACK_COUNT_PREFIX))).toEqual(
      expect.arrayContaining(['feedback-count/project:honduras-forestry', 'feedback-count/organization:socodevi']),
    );
    expect(Object.keys(memory).filter((key) => key.startsWith('feedback') && !key.startsWith(FEEDBACK_KEY_PREFIX) && !key.startsWith(FEEDBACK_COUNT_PREFIX))).toEqual([]);
  });

  it('leaves the follow-up context alone: "et au Pérou ?" still follows the SOCODEVI answer', async () => {
    const answer = await post(bot, 'context', { text: 'que fait SOCODEVI au Honduras' });
    // Clients send a text with a submit (the button's title, or anything): it is not read, or the
    // context would move to DID.
    const thanks = await post(bot, 'context', { text: 'que fait DID en Haïti ?', value: feedbackButtons(answer)[0] });
    expect(texts(thanks)).toEqual([THANKS.fr]);
    expect(recordOf(thanks)).toBeUndefined();
    const followUp = await post(bot, 'context', { text: 'et au Pérou ?' });
    expect(texts(followUp).join('\n')).toMatch(/aucun projet de la SOCODEVI au Pérou/);
    expect(recordOf(followUp)).toMatchObject({ language: 'fr', projects: ['peru-crop-diversification'] });
  });

  it('leaves it alone after a junk vote too', async () => {
    await post(bot, 'junk-context', { text: 'que fait SOCODEVI au Honduras' });
    await post(bot, 'junk-context', { text: 'que fait DID en Haïti ?', value: { feedback: 'up', answer: 'que fait DID en Haïti ?' } });
    const followUp = await post(bot, 'junk-context', { text: 'et au Pérou ?' });
    expect(texts(followUp).join('\n')).toMatch(/aucun projet de la SOCODEVI au Pérou/);
  });

  // Malformed feedback (any object with a `feedback` key) is thanked for and not recorded; the
  // thanks are in the rated answer's language when the submission names a known one, else the
  // user's (the message's locale here).
  it.each([
    ['an unknown rating', 'es', { feedback: 'meh', answer: { intent: 'project', language: 'es', projects: ['panseh'], organizations: [] } }],
    ['ids as a string', 'en', { feedback: 'up', answer: { intent: 'project', language: 'en', projects: 'panseh', organizations: [] } }],
    ['a made-up language', 'fr', { feedback: 'up', answer: { intent: 'project', language: 'xx', projects: ['panseh'], organizations: [] } }],
    ['an intent that is not rated', 'es', { feedback: 'up', answer: { intent: 'help', language: 'es', projects: [], organizations: [] } }],
    ['a huge id list', 'en', { feedback: 'down', answer: { intent: 'list', language: 'en', projects: Array.from({ length: 5000 }, () => 'panseh'), organizations: [] } }],
    ['ids of the wrong type', 'fr', { feedback: 'down', answer: { intent: 'list', language: 'fr', projects: [{ id: 'panseh' }], organizations: null } }],
    ['no answer', 'fr', { feedback: 'up' }],
    ['a rating as a number', 'fr', { feedback: 1, answer: { intent: 'project', language: 'fr', projects: ['panseh'], organizations: [] } }],
    ['an answer as a long string', 'fr', { feedback: 'up', answer: 'x'.repeat(10_000) }],
  ])('thanks for %s without recording it', async (kind, language, value) => {
    const before = JSON.stringify(await storedVotes());
    const reply = await post(bot, `junk-${kind}`, { text: '', value, locale: 'fr-CA' });
    expect(reply.status).toBe(200);
    expect(texts(reply)).toEqual([THANKS[language as keyof typeof THANKS]]);
    expect(JSON.stringify(await storedVotes())).toBe(before);
  });

  it.each([
    ['an array', ['up']],
    ['a string', 'up'],
    ['a number', 42],
  ])('reads a message whose value is %s as a question, recording nothing', async (kind, value) => {
    const before = (await storedVotes()).length;
    const reply = await post(bot, `not-feedback-${kind}`, { text: 'who is DID?', value });
    expect(reply.status).toBe(200);
    expect(recordOf(reply)).toMatchObject({ intent: 'organization', organizations: ['did'] });
    expect(await storedVotes()).toHaveLength(before);
  });

  it('keeps only ids the knowledge base knows', async () => {
    await post(bot, 'unknown-ids', {
      text: '',
      value: { feedback: 'up', answer: { intent: 'list', language: 'es', projects: ['panseh', 'not-a-project', '<script>', 'panseh'], organizations: ['did', 'acme', 7] } },
      replyToId: 'answer-x',
    });
    expect((await storedVotes()).at(-1)).toMatchObject({ intent: 'list', language: 'es', projects: ['panseh'], organizations: ['did'] });
  });
});

describe('the feedback store', () => {
  const vote = (rating: Vote['rating'], projects: string[], organizations: string[] = [], intent: Vote['intent'] = 'project'): Vote => ({ rating, intent, language: 'en', projects, organizations });
  const { kb } = shippedUnderstander();

  it('counts every vote of concurrent turns', async () => {
    const store = new FeedbackStore(new MemoryStorage(), createLogger('silent'));
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.record(vote(i % 3 ? 'up' : 'down', ['panseh']), { channelId: 'msteams', conversationId: `c${i}` })));
    expect(await store.summary(kb)).toEqual([{ rated: 'project:panseh', up: 8, down: 4 }]);
  });

  it('moves the counts when a vote is replaced, and keeps them whole when two instances share the storage', async () => {
    const storage = new MemoryStorage();
    const [first, second] = [new FeedbackStore(storage, createLogger('silent')), new FeedbackStore(storage, createLogger('silent'))];
    await first.record(vote('up', ['pasac']), { channelId: 'webchat', conversationId: 'seed', replyToId: 'r1' });
    await first.record(vote('down', ['pasac']), { channelId: 'webchat', conversationId: 'seed', replyToId: 'r1' });
    await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? first : second).record(vote('down', ['pasac'], ['did']), { channelId: 'webchat', conversationId: `c${i}` })));
    expect(await second.summary(kb)).toEqual([
      { rated: 'project:pasac', up: 0, down: 5 },
      { rated: 'organization:did', up: 0, down: 4 },
    ]);
  });

  it('writes as much for the 2,000th vote as for the first: no item grows with the votes', async () => {
    const storage = new MemoryStorage();
    const written: number[] = [];
    const write = storage.write.bind(storage);
    storage.write = (changes) => {
      written.push(JSON.stringify(changes).length);
      return write(changes);
    };
    const store = new FeedbackStore(storage, createLogger('silent'));
    const bytesOfVote = async (i: number) => {
      written.length = 0;
      await store.record(vote(i % 2 ? 'up' : 'down', ['panseh'], ['did']), { channelId: 'msteams', conversationId: `conversation-${String(i).padStart(5, '0')}` });
      return written.reduce((sum, bytes) => sum + bytes, 0);
    };
    const first = [await bytesOfVote(1), await bytesOfVote(2)];
    for (let i = 3; i < 2_000; i++) await bytesOfVote(i);
    const last = [await bytesOfVote(2_001), await bytesOfVote(2_002)];
    // Only digits grow (the counts, the storage's eTags): a few bytes, not a list of every vote.
    expect(last[0]! / first[0]!).toBeLessThan(1.1);
    expect(last[1]! / first[1]!).toBeLessThan(1.1);
    expect(await store.summary(kb)).toEqual([
      { rated: 'organization:did', up: 1001, down: 1000 },
      { rated: 'project:panseh', up: 1001, down: 1000 },
    ]);
  });

  it('sums votes up per project and organization, the most disliked first', () => {
    const rows = summarizeVotes([
      vote('up', ['panseh'], ['did']),
      vote('down', ['pasac'], ['did']),
      vote('down', ['pasac']),
      vote('up', [], [], 'overview'),
    ]);
    expect(rows).toEqual([
      { rated: 'project:pasac', up: 0, down: 2 },
      { rated: 'organization:did', up: 1, down: 1 },
      { rated: 'overview', up: 1, down: 0 },
      { rated: 'project:panseh', up: 1, down: 0 },
    ]);
    expect(formatSummary(rows).split('\n')[1]).toMatch(/^project:pasac\s+0\s+2$/);
  });
});

describe('transcripts', () => {
  it('keeps each conversation\'s activities in TRANSCRIPT_DIR when it is set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coop-transcripts-'));
    const bot = await startBot({ transcriptDir: dir }, { rateLimit: false });
    try {
      await post(bot, 'transcribed', { text: 'what does DID do in Haiti' });
      const store = new FileTranscriptStore(dir);
      let logged: Partial<Activity>[] = [];
      // Transcripts are written after the turn, without holding it up: wait for the files.
      for (let attempt = 0; attempt < 50 && logged.length < 3; attempt++) {
        logged = (await store.getTranscriptActivities('test', 'transcribed')).items;
        if (logged.length < 3) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The question, the welcome of a first message, and the answer: each once (replies are held
      // until state is saved, and must not be logged both when held and when sent).
      expect(logged.filter((a) => a.text === 'what does DID do in Haiti')).toHaveLength(1);
      expect(logged.filter((a) => answerRecordOf(a)?.projects?.includes('panseh'))).toHaveLength(1);
      expect(logged).toHaveLength(3);
      // One JSON file per activity, in the conversation's folder.
      const files = readdirSync(join(dir, 'test', 'transcribed'));
      expect(files).toHaveLength(3);
      expect(files.map((file) => readFileSync(join(dir, 'test', 'transcribed', file), 'utf8')).join('\n')).toContain('what does DID do in Haiti');
    } finally {
      await bot.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
