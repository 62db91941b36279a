/**
 * Scripted conversations (test/conversations/*.yaml), played through the same bot pipeline as
 * `npm run ask` and /api/messages: typed turns and clicks on the buttons of earlier cards.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBotApp } from '../src/app';
import { playConversation, readConversations } from '../src/eval/conversation';
import { createLogger } from '../src/logger';

const folder = join(__dirname, 'conversations');
const conversations = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) => readConversations(join(folder, name)).map((conversation) => ({ file: name, ...conversation })));

describe('scripted conversations', () => {
  const app = createBotApp({ logger: createLogger('silent') });

  it.each(conversations.map((conversation, index) => [conversation.name, conversation, index] as const))('%s', async (_name, conversation, index) => {
    const results = await playConversation(app, conversation, `scripted-${index}`);
    expect(results.flatMap((result) => result.failures)).toEqual([]);
  });

  it('cover the three languages, clicks, starting over and lists', () => {
    const turns = conversations.flatMap((conversation) => conversation.turns);
    expect(new Set(turns.map((turn) => turn.lang))).toEqual(new Set(['en', 'fr', 'es']));
    expect(turns.some((turn) => 'click' in turn)).toBe(true);
  });
});
