/**
 * Thumbs up / down on answers, over the real HTTP endpoint: the buttons carry the answer's ids, a
 * vote is stored (once per answer) and thanked in the answer's language, junk votes are refused
 * without harm, and voting leaves the conversation's follow-up context alone. And the optional
 * transcript store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTranscriptStore, MemoryStorage, type Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, type CardElement, type FeedbackData } from '../src/cards/adaptiveCard';
import { FEEDBACK_KEY_PREFIX } from '../src/feedback/feedbackStore';
import { postMessage, type HttpReplies } from './support/askOverHttp';
import { startBot, type RunningBot } from './support/botServer';

type Posted = HttpReplies;

const post = (bot: RunningBot, conversation: string, fields: Record<string, unknown>): Promise<Posted> => postMessage(bot.url, conversation, fields);

const recordOf = (posted: Posted) => posted.activities.map(answerRecordOf).find((record) => record !== undefined);

function feedbackButtons(posted: Posted): FeedbackData[] {
  const cards = posted.activities.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
  const walk = (element: CardElement): CardElement[] => (element.type === 'Container' ? element.items.flatMap(walk) : [element]);
  return cards
    .flatMap((attachment) => (attachment.content as AdaptiveCard).body.flatMap(walk))
    .flatMap((element) => (element.type === 'ActionSet' ? element.actions : []))
    .flatMap((action) => (action.type === 'Action.Submit' && 'feedback' in action.data ? [action.data] : []));
}

describe('feedback on answers', () => {
  const memory: Record<string, string> = {};
  let bot: RunningBot;
  const storedVotes = () => Object.entries(memory).filter(([key]) => key.startsWith(FEEDBACK_KEY_PREFIX)).map(([, item]) => JSON.parse(item) as Record<string, unknown>);

  beforeAll(async () => {
    bot = await startBot({ storage: new MemoryStorage(memory) }, { rateLimit: false });
  });
  afterAll(() => bot.close());

  it('offers both ratings on an answer, carrying its ids', async () => {
    const answer = await post(bot, 'buttons', { text: 'que fait SOCODEVI au Honduras' });
    const buttons = feedbackButtons(answer);
    expect(buttons.map((b) => b.feedback)).toEqual(['up', 'down']);
    for (const button of buttons) expect(button.answer).toEqual({ intent: 'project', language: 'fr', projects: ['honduras-forestry'], organizations: ['socodevi'] });
  });

  it('records a vote with the ids, thanks in the answer\'s language, and keeps one vote per answer', async () => {
    const before = storedVotes().length;
    const answer = await post(bot, 'vote', { text: 'que fait SOCODEVI au Honduras' });
    const [up, down] = feedbackButtons(answer);
    const thanks = await post(bot, 'vote', { text: '', value: up, replyToId: 'answer-1' });
    expect(thanks.status).toBe(200);
    expect(thanks.activities.map((a) => a.text)).toEqual(['Merci de vos commentaires !']);
    expect(storedVotes()).toHaveLength(before + 1);
    expect(storedVotes().at(-1)).toMatchObject({ rating: 'up', intent: 'project', language: 'fr', projects: ['honduras-forestry'], organizations: ['socodevi'], channel: 'test' });

    await post(bot, 'vote', { text: '', value: down, replyToId: 'answer-1' });
    const votes = storedVotes();
    expect(votes).toHaveLength(before + 1);
    expect(votes.at(-1)).toMatchObject({ rating: 'down' });
    expect(JSON.stringify(votes)).not.toContain('vote'); // the conversation id is kept only as a hash
  });

  it('leaves the follow-up context on the answer rated', async () => {
    const answer = await post(bot, 'context', { text: 'que fait SOCODEVI au Honduras' });
    await post(bot, 'context', { text: '', value: feedbackButtons(answer)[0] });
    const followUp = await post(bot, 'context', { text: 'est-ce qu’il y a une vidéo ?' });
    expect(recordOf(followUp)).toMatchObject({ language: 'fr', projects: ['honduras-forestry'], videos: ['https://vimeo.com/62608992'] });
  });

  it.each([
    ['an unknown rating', { feedback: 'meh', answer: { intent: 'project', language: 'en', projects: ['panseh'], organizations: [] } }],
    ['ids as a string', { feedback: 'up', answer: { intent: 'project', language: 'en', projects: 'panseh', organizations: [] } }],
    ['a made-up language', { feedback: 'up', answer: { intent: 'project', language: 'xx', projects: ['panseh'], organizations: [] } }],
    ['a huge id list', { feedback: 'down', answer: { intent: 'list', language: 'en', projects: Array.from({ length: 5000 }, () => 'panseh'), organizations: [] } }],
    ['no answer', { feedback: 'up' }],
    ['an array', ['up']],
  ])('records nothing for %s, and still answers', async (_kind, value) => {
    const before = storedVotes().length;
    const reply = await post(bot, 'junk', { text: '', value });
    expect(reply.status).toBeLessThan(500);
    expect(reply.activities.length).toBeGreaterThan(0);
    expect(storedVotes()).toHaveLength(before);
  });

  it('keeps only ids the knowledge base knows', async () => {
    await post(bot, 'unknown-ids', {
      text: '',
      value: { feedback: 'up', answer: { intent: 'list', language: 'es', projects: ['panseh', 'not-a-project', '<script>'], organizations: ['did', 'acme'] } },
      replyToId: 'answer-x',
    });
    expect(storedVotes().at(-1)).toMatchObject({ intent: 'list', projects: ['panseh'], organizations: ['did'] });
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
      // The middleware writes after the turn, without holding it up: wait for the files.
      for (let attempt = 0; attempt < 50 && logged.length < 3; attempt++) {
        logged = (await store.getTranscriptActivities('test', 'transcribed')).items;
        if (logged.length < 3) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The question, the welcome of a first message, and the answer: each once (replies are held
      // until state is saved, and must not be logged both when held and when sent).
      expect(logged.filter((a) => a.text === 'what does DID do in Haiti')).toHaveLength(1);
      expect(logged.filter((a) => answerRecordOf(a)?.projects?.includes('panseh'))).toHaveLength(1);
      expect(logged).toHaveLength(3);
    } finally {
      await bot.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
