/** Teams over real HTTP: the search message extension, and mentions in group chats and channels. */
import type { Activity } from 'botbuilder';
import { answerRecordOf } from '../src/bots/replies';
import { startBot, type RunningBot } from './support/botServer';

let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.close());

const TEAMS_ACTIVITY = {
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:1',
  from: { id: '29:user', name: 'Ana' },
  recipient: { id: '28:bot', name: 'Co-op Partners' },
};

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...TEAMS_ACTIVITY, ...activity }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

interface ExtensionBody {
  composeExtension: { type: string; attachmentLayout: string; attachments: Array<{ contentType: string; content: { body: Array<{ text?: string }> }; preview: { content: { title: string } } }> };
}

const search = (query: string, locale = 'en-US') =>
  post({
    type: 'invoke',
    name: 'composeExtension/query',
    locale,
    conversation: { id: 'compose-1', conversationType: 'personal' },
    value: { commandId: 'searchProjects', parameters: [{ name: 'searchQuery', value: query }], queryOptions: { skip: 0, count: 25 } },
  });

describe('Teams message extension', () => {
  it('finds the projects of a country, misspelt, as insertable Adaptive Cards with previews', async () => {
    const { status, body } = await search('bolivya');
    expect(status).toBe(200);
    const result = (body as ExtensionBody).composeExtension;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments).toHaveLength(2);
    for (const attachment of result.attachments) expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(result.attachments.map((a) => a.preview.content.title).join(' ')).toMatch(/Spice/);
  });

  it('searches in the user language, by organization or acronym', async () => {
    const french = (await search('socodevi', 'fr-CA')).body as ExtensionBody;
    expect(french.composeExtension.attachments.length).toBe(4);
    expect(JSON.stringify(french.composeExtension.attachments[0]!.content)).toMatch(/Organisation responsable/);
    const acronym = (await search('PASAC')).body as ExtensionBody;
    expect(acronym.composeExtension.attachments).toHaveLength(1);
  });

  it('skips queries under two characters without an error', async () => {
    const { status, body } = await search('b');
    expect(status).toBe(200);
    expect((body as ExtensionBody).composeExtension.attachments).toEqual([]);
  });
});

describe('Teams group chats and channels', () => {
  const mention = (text: string, conversation: Record<string, unknown>) =>
    post({
      type: 'message',
      deliveryMode: 'expectReplies',
      conversation,
      text: `<at>Co-op Partners</at> ${text}`,
      entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'Co-op Partners' }, text: '<at>Co-op Partners</at>' }],
    });

  const recordOf = (body: unknown) => ((body as { activities: Partial<Activity>[] }).activities ?? []).map(answerRecordOf).find(Boolean);

  it('answers a question that mentions the bot in a group chat, without the mention', async () => {
    const { status, body } = await mention('what does SOCODEVI do in Honduras', { id: '19:group', isGroup: true, conversationType: 'groupChat' });
    expect(status).toBe(200);
    expect(recordOf(body)).toMatchObject({ intent: 'project', projects: ['honduras-forestry'] });
  });

  it('answers in a channel thread, and a bare mention gets help', async () => {
    const channel = { id: '19:channel;messageid=1', isGroup: true, conversationType: 'channel' };
    expect(recordOf((await mention('¿Qué proyectos hay en Bolivia?', channel)).body)).toMatchObject({ language: 'es', projects: ['bolivia-spice-value-chain', 'bolivia-partnership-program'] });
    expect(recordOf((await mention('', { id: '19:channel;messageid=2', isGroup: true, conversationType: 'channel' })).body)).toMatchObject({ intent: 'help' });
  });
});
