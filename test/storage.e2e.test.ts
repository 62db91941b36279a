/**
 * State on a real storage server (Azurite, the Azure Blob Storage emulator): a conversation goes
 * on across bot instances and restarts, concurrent turns lose no update, and when the storage
 * stops the user gets a short apology in their language and the bot recovers when it returns.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { isETagConflict } from '../src/bots/optimisticState';
import { CREATE_ONLY_ETAG } from '../src/storage/conditionalWrite';
import { createStorage } from '../src/storage/createStorage';
import { Azurite } from './support/azurite';
import { PROJECT_ROOT } from '../src/util/projectRoot';
import { askOverHttp, postMessage } from './support/askOverHttp';
import { startBot, type RunningBot } from './support/botServer';

let azurite: Azurite;
const running: RunningBot[] = [];

beforeAll(async () => {
  azurite = await Azurite.start();
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((bot) => bot.close()));
  await azurite?.dispose();
});

/** A bot instance with its own memory, sharing only the storage. */
async function instance(): Promise<RunningBot> {
  const bot = await startBot({ storage: createStorage({ connectionString: azurite.connectionString, container: 'bot-state-test' }) });
  running.push(bot);
  return bot;
}

async function ask(bot: RunningBot, conversation: string, text: string, locale?: string): Promise<Partial<Activity>[]> {
  const { status, activities } = await askOverHttp(bot.url, conversation, text, locale);
  expect(status).toBe(200);
  return activities;
}

const recordOf = (replies: Partial<Activity>[]) => replies.map(answerRecordOf).find(Boolean);

describe('state in Azure Blob Storage (Azurite)', () => {
  it('continues a conversation on a second instance sharing the storage', async () => {
    const [first, second] = [await instance(), await instance()];
    expect(recordOf(await ask(first, 'shared-1', 'what does SOCODEVI do in Bolivia'))).toMatchObject({ intent: 'list' });
    expect(recordOf(await ask(second, 'shared-1', 'and in Honduras?'))).toMatchObject({ projects: ['honduras-forestry'] });
  }, 60_000);

  it('keeps the context across a restart of the bot', async () => {
    const before = await instance();
    expect(recordOf(await ask(before, 'restart-1', 'Which organization runs the forestry cooperative project?'))).toMatchObject({ projects: ['honduras-forestry'] });
    await before.close();
    running.splice(running.indexOf(before), 1);
    const after = await instance();
    expect(recordOf(await ask(after, 'restart-1', 'Do they have a video of it?'))).toMatchObject({ videos: ['https://vimeo.com/62608992'] });
  }, 60_000);

  it('loses no update when turns of one conversation run at once on two instances', async () => {
    const [first, second] = [await instance(), await instance()];
    await ask(first, 'busy-1', 'hello');
    const questions = ['PASAC', 'PROSOL', 'PANSEH', 'Honduras', 'Barbados', 'Peru'];
    const replies = await Promise.all(questions.map((question, i) => ask(i % 2 ? second : first, 'busy-1', question)));
    for (const reply of replies) expect(recordOf(reply)?.projects.length).toBe(1);
    // Every turn was counted: the stored turn counter saw all of them.
    const storage = createStorage({ connectionString: azurite.connectionString, container: 'bot-state-test' });
    const key = 'test/conversations/busy-1/';
    const stored = (await storage.read([key]))[key] as { conversationData?: { turns?: number } };
    expect(stored.conversationData?.turns).toBe(questions.length + 1);
  }, 60_000);

  it('creates a conversation create-only: of two instances creating it at once, exactly one wins', async () => {
    const settings = { connectionString: azurite.connectionString, container: 'bot-state-test' };
    const key = 'test/conversations/created-once/';
    const results = await Promise.allSettled(['first', 'second'].map((who) => createStorage(settings).write({ [key]: { who, eTag: CREATE_ONLY_ETAG } })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(isETagConflict(refused?.reason)).toBe(true);
    const stored = (await createStorage(settings).read([key]))[key] as { who: string };
    expect(['first', 'second']).toContain(stored.who);
    // Written again with the eTag it was read with: an ordinary update.
    await createStorage(settings).write({ [key]: { ...stored, who: 'updated' } });
    expect(((await createStorage(settings).read([key]))[key] as { who: string }).who).toBe('updated');
  }, 60_000);

  it('apologises in the user language while the storage is down, and recovers when it returns', async () => {
    const bot = await instance();
    await ask(bot, 'outage-1', 'hola');
    await azurite.stop();
    try {
      const replies = await ask(bot, 'outage-1', '¿Qué proyectos hay en Bolivia?');
      expect(replies.map((r) => r.text).join(' ')).toMatch(/Lo siento/);
      expect(recordOf(replies)).toBeUndefined();
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await azurite.resume();
    }
    expect(recordOf(await ask(bot, 'outage-1', '¿Qué proyectos hay en Bolivia?'))).toMatchObject({ language: 'es', intent: 'list' });
  }, 60_000);

  it('keeps the votes of two instances, and npm run feedback sums them up', async () => {
    const [first, second] = [await instance(), await instance()];
    const vote = (rating: string, projects: string[]) => ({ feedback: rating, answer: { intent: 'project', language: 'en', projects, organizations: ['socodevi'] } });
    const ratings = ['up', 'up', 'down', 'up', 'down', 'down'];
    const cast = (i: number) => postMessage((i % 2 ? second : first).url, `votes-${i}`, { text: '', value: vote(ratings[i]!, [i < 3 ? 'honduras-forestry' : 'pasac']) });
    // The first vote creates the index (Storage has no create-only write: see FeedbackStore); the
    // others come in several conversations at once, half on each instance, and the index loses none.
    const replies = [await cast(0), ...(await Promise.all([1, 2, 3, 4, 5].map(cast)))];
    for (const reply of replies) expect(reply.activities.map((a) => a.text)).toEqual(['Thanks for your feedback!']);
    // A second vote on an answer replaces the first.
    await postMessage(first.url, 'votes-0', { text: '', value: vote('down', ['honduras-forestry']) });
    const { kb } = first.app.knowledge;
    expect((await first.app.feedback.summary(kb)).reduce((sum, row) => (row.rated.startsWith('project:') ? sum + row.up + row.down : sum), 0)).toBe(6);

    const cli = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'feedback.js');
    const env = { ...process.env, STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: 'bot-state-test' };
    const { stdout } = await promisify(execFile)(process.execPath, [cli, '--json'], { cwd: PROJECT_ROOT, env });
    expect(JSON.parse(stdout)).toEqual([
      { rated: 'organization:socodevi', up: 2, down: 4 },
      { rated: 'project:honduras-forestry', up: 1, down: 2 },
      { rated: 'project:pasac', up: 1, down: 2 },
    ]);
  }, 60_000);
});
