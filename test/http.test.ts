/**
 * The HTTP service end to end: the real restify server (createServer) on an ephemeral loopback
 * port, the real BotApp (adapter, bot, dialogs, understanding, knowledge base), requests through
 * Node's fetch. Activities use `deliveryMode: "expectReplies"`, so the replies come back in the
 * HTTP response and nothing is sent to the serviceUrl (http://127.0.0.1:1, where nothing listens).
 * Every outgoing TCP connection is recorded, and any that is not to loopback is refused.
 */
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../src/cards/adaptiveCard';
import {
  ask,
  connections,
  installNetworkGuard,
  messageActivity,
  post,
  removeNetworkGuard,
  request,
  startBot,
  type Exchange,
  type HttpResult,
  type RunningBot,
} from './support/httpHarness';

const HONDURAS_VIDEO = 'https://vimeo.com/62608992';
const PANAMA_VIDEO = 'https://youtu.be/hxRwdlre_i0';
const BOT_ACCOUNT = { id: 'coop-partners-bot', name: 'Co-op Partners', role: 'bot' };
const MENTION = '<at>Co-op Partners</at>';
const mentionEntity = { type: 'mention', mentioned: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }, text: MENTION };

let bot: RunningBot;

beforeAll(async () => {
  installNetworkGuard();
  bot = await startBot();
});

afterAll(async () => {
  await bot?.close();
  removeNetworkGuard();
});

let conversationCount = 0;
/** A fresh conversation id, so that no test sees another's context. */
function newConversation(label: string): string {
  conversationCount += 1;
  return `http-${label}-${conversationCount}`;
}

/** Every Adaptive Card attachment of the replies. */
function adaptiveCards(exchange: Exchange): Array<{ contentType?: string; content?: any }> {
  return exchange.replies.flatMap((reply) => reply.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
}

/** Every Action.OpenUrl of a card, wherever it sits (card actions, action sets, containers). */
function openUrls(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(openUrls);
  if (!node || typeof node !== 'object') return [];
  const value = node as Record<string, unknown>;
  const own = value.type === 'Action.OpenUrl' && typeof value.url === 'string' ? [value.url] : [];
  return [...own, ...Object.values(value).flatMap(openUrls)];
}

function replyText(exchange: Exchange): string {
  return exchange.replies.map((reply) => reply.text ?? '').join('\n');
}

/** A normal question asked after something odd still gets its right answer. */
async function expectStillAnswering(): Promise<void> {
  const health = await request(`${bot.url}/healthz`);
  expect(health.status).toBe(200);
  const answer = await ask(bot, newConversation('still'), 'PROSOL');
  expect(answer.status).toBe(200);
  expect(answer.record?.projects).toEqual(['prosol']);
}

describe('GET /healthz', () => {
  it('reports ok and the number of projects', async () => {
    const result = await request(`${bot.url}/healthz`);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ status: 'ok', projects: 9 });
  });
});

describe('POST /api/messages: questions', () => {
  it('answers "what does SOCODEVI do in Honduras" with the project, its video and an Adaptive Card', async () => {
    const conversation = newConversation('honduras');
    const exchange = await ask(bot, conversation, 'what does SOCODEVI do in Honduras');
    expect(exchange.status).toBe(200);
    expect(Array.isArray(exchange.json?.activities)).toBe(true);
    expect(exchange.record).toMatchObject({ intent: 'project', projects: ['honduras-forestry'], language: 'en' });
    expect(exchange.record?.videos).toContain(HONDURAS_VIDEO);

    const cards = adaptiveCards(exchange);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.content.type).toBe('AdaptiveCard');
    expect(cards[0]!.content.version).toBe('1.5');
    expect(openUrls(cards[0]!.content)).toContain(HONDURAS_VIDEO);
    // The replies are addressed back to the user, in the same conversation.
    for (const reply of exchange.replies) {
      expect(reply.conversation?.id).toBe(conversation);
      expect(reply.recipient?.id).toBe(`user-${conversation}`);
      expect(reply.from?.id).toBe(BOT_ACCOUNT.id);
    }
  });

  it('answers in French: "Que fait DID en Haïti ?"', async () => {
    const exchange = await ask(bot, newConversation('fr'), 'Que fait DID en Haïti ?');
    expect(exchange.status).toBe(200);
    expect(exchange.record).toMatchObject({ language: 'fr', projects: ['panseh'] });
  });

  it('answers in Spanish: "¿Hay un video del proyecto en Panamá?"', async () => {
    const exchange = await ask(bot, newConversation('es'), '¿Hay un video del proyecto en Panamá?');
    expect(exchange.status).toBe(200);
    expect(exchange.record?.language).toBe('es');
    expect(exchange.record?.videos).toContain(PANAMA_VIDEO);
    expect(openUrls(adaptiveCards(exchange).map((card) => card.content))).toContain(PANAMA_VIDEO);
  });

  // The answer contract (../shared/eval/CONTRACT.md) defines `language` as "the language the reply
  // is written in". The records say fr / es, but the words around the names are English.
  it('writes the replies to French and Spanish questions in French and Spanish, not in English', async () => {
    const english = /\b(is a project of|projects of|Here is the video|Hello! I'm|Please type your question)\b/;
    const fr = await ask(bot, newConversation('fr-text'), 'Que fait DID en Haïti ?');
    const es = await ask(bot, newConversation('es-text'), '¿Hay un video del proyecto en Panamá?');
    const esAttachments = await post(
      bot,
      messageActivity(newConversation('es-attach'), { locale: 'es-ES', attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/a.png' }] }),
    );
    expect(fr.record?.language).toBe('fr');
    expect(es.record?.language).toBe('es');
    expect(replyText(fr)).not.toMatch(english);
    expect(replyText(es)).not.toMatch(english);
    expect(replyText(esAttachments)).not.toMatch(english);
  });

  it('answers a card button submission (no text, value.question)', async () => {
    const exchange = await post(bot, messageActivity(newConversation('button'), { value: { question: 'PROSOL' } }));
    expect(exchange.status).toBe(200);
    expect(exchange.record?.projects).toEqual(['prosol']);
  });

  it('reads a question that starts with a Teams mention of the bot', async () => {
    const exchange = await ask(bot, newConversation('teams'), `${MENTION} what does DID do in Colombia`, {
      channelId: 'msteams',
      entities: [mentionEntity],
    });
    expect(exchange.status).toBe(200);
    expect(exchange.record?.projects).toEqual(['pasac']);
  });

  it('answers a bare Teams mention with help, not an error', async () => {
    const exchange = await ask(bot, newConversation('teams-bare'), MENTION, { channelId: 'msteams', entities: [mentionEntity] });
    expect(exchange.status).toBe(200);
    expect(exchange.record?.intent).toBe('help');
  });
});

describe('POST /api/messages: follow-up questions', () => {
  it('keeps the context of a conversation: "¿Qué proyectos tiene la CCA?" then "¿Y el de Barbados?"', async () => {
    const conversation = newConversation('cca');
    const first = await ask(bot, conversation, '¿Qué proyectos tiene la CCA?');
    expect(first.record?.organizations).toContain('cca');
    const second = await ask(bot, conversation, '¿Y el de Barbados?');
    expect(second.status).toBe(200);
    expect(second.record?.projects).toEqual(['barbados-cooperatives-department']);
    expect(second.record?.language).toBe('es');
  });

  it('keeps the context of a conversation: the forestry project, then "Do they have a video of it?"', async () => {
    const conversation = newConversation('forestry');
    const first = await ask(bot, conversation, 'Which organization runs the forestry cooperative project?');
    expect(first.record?.projects).toEqual(['honduras-forestry']);
    const second = await ask(bot, conversation, 'Do they have a video of it?');
    expect(second.status).toBe(200);
    expect(second.record?.projects).toEqual(['honduras-forestry']);
    expect(second.record?.videos).toEqual([HONDURAS_VIDEO]);
  });

  it('keeps conversations apart, even for the same user and when their turns interleave', async () => {
    const forestry = newConversation('apart-a');
    const panama = newConversation('apart-b');
    const user = { id: 'http-same-user', name: 'Same user', role: 'user' };
    await ask(bot, forestry, 'Which organization runs the forestry cooperative project?', { from: user });
    await ask(bot, panama, 'What does DID do in Panama?', { from: user });
    const forestryVideo = await ask(bot, forestry, 'Do they have a video of it?', { from: user });
    const panamaVideo = await ask(bot, panama, 'Do they have a video of it?', { from: user });
    expect(forestryVideo.record?.videos).toEqual([HONDURAS_VIDEO]);
    expect(panamaVideo.record?.videos).toEqual([PANAMA_VIDEO]);

    // A conversation that never talked about a project has no "it" to refer to.
    const fresh = await ask(bot, newConversation('apart-c'), 'Do they have a video of it?', { from: user });
    expect(fresh.status).toBe(200);
    expect(fresh.record?.projects).not.toEqual(['honduras-forestry']);
    expect(fresh.record?.projects).not.toEqual(['panama-financial-centre']);
  });
});

describe('POST /api/messages: bad input', () => {
  const expectNo5xx = (result: HttpResult) => expect(result.status).toBeLessThan(500);

  it('rejects a malformed JSON body with 400', async () => {
    const result = await request(`${bot.url}/api/messages`, { method: 'POST', body: '{"type": "message", "text": ' });
    expect(result.status).toBe(400);
    await expectStillAnswering();
  });

  it('rejects an empty body with 400', async () => {
    const result = await request(`${bot.url}/api/messages`, { method: 'POST', body: '' });
    expect(result.status).toBe(400);
    await expectStillAnswering();
  });

  it('rejects a JSON array with 400', async () => {
    const result = await post(bot, [messageActivity(newConversation('array'), { text: 'PROSOL' })]);
    expect(result.status).toBe(400);
    expect(result.replies).toEqual([]);
    await expectStillAnswering();
  });

  it('rejects an activity without a type with 400', async () => {
    const { type: _type, ...untyped } = messageActivity(newConversation('untyped'), { text: 'PROSOL' });
    const result = await post(bot, untyped);
    expect(result.status).toBe(400);
    expect(bot.turns.some((turn) => turn.conversation?.id === (untyped.conversation as { id: string }).id)).toBe(false);
    await expectStillAnswering();
  });

  it('rejects an activity whose type is not a string with 400', async () => {
    const result = await post(bot, messageActivity(newConversation('type42'), { type: 42 as unknown as string, text: 'PROSOL' }));
    expect(result.status).toBe(400);
    await expectStillAnswering();
  });

  it('accepts an unknown activity type with a 2xx and no reply', async () => {
    const result = await post(bot, messageActivity(newConversation('unknown-type'), { type: 'somethingNew' }));
    expect(result.status).toBeGreaterThanOrEqual(200);
    expect(result.status).toBeLessThan(300);
    expect(result.replies).toEqual([]);
    await expectStillAnswering();
  });

  it('answers a message with empty text politely (help)', async () => {
    const result = await ask(bot, newConversation('empty-text'), '');
    expect(result.status).toBe(200);
    expect(result.record?.intent).toBe('help');
    expect(replyText(result)).not.toMatch(/went wrong/i);
    await expectStillAnswering();
  });

  it('refuses a 100 kB text politely, without answering it as a question', async () => {
    // 100 000 ASCII characters fit in the 256 kB body limit, so the bot's own limit (2000) applies.
    const text = 'what does SOCODEVI do in Honduras '.repeat(3000).slice(0, 100_000);
    const result = await ask(bot, newConversation('long'), text);
    expectNo5xx(result);
    expect(result.status).toBe(200);
    expect(result.replies.length).toBeGreaterThan(0);
    expect(result.record?.projects ?? []).toEqual([]);
    expect(result.record?.intent).not.toBe('project');
    expect(replyText(result)).toContain('100000');
    expect(replyText(result)).toContain('2000');
    expect(replyText(result)).not.toMatch(/went wrong/i);
    await expectStillAnswering();
  });

  it('answers 413 to a body above the 256 kB limit', async () => {
    const result = await ask(bot, newConversation('huge'), 'x'.repeat(300_000));
    expect(result.status).toBe(413);
    await expectStillAnswering();
  });

  it('asks for text when a message has only an attachment', async () => {
    const result = await post(
      bot,
      messageActivity(newConversation('attachment'), {
        attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/photo.png', name: 'photo.png' }],
      }),
    );
    expect(result.status).toBe(200);
    expect(result.replies).toHaveLength(1);
    expect(result.record).toBeUndefined();
    expect(replyText(result)).toMatch(/\btext\b/i);
    expect(replyText(result)).toMatch(/type your question/i);
    await expectStillAnswering();
  });

  it('welcomes a user added to the conversation (conversationUpdate)', async () => {
    const conversation = newConversation('welcome');
    const result = await post(
      bot,
      messageActivity(conversation, {
        type: 'conversationUpdate',
        membersAdded: [{ id: `user-${conversation}`, name: 'Test user' }],
      }),
    );
    expect(result.status).toBe(200);
    expect(result.record?.intent).toBe('greeting');
    // The bot's own arrival gets no welcome.
    const botOnly = await post(bot, messageActivity(newConversation('welcome-bot'), { type: 'conversationUpdate', membersAdded: [{ id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }] }));
    expect(botOnly.status).toBe(200);
    expect(botOnly.replies).toEqual([]);
    await expectStillAnswering();
  });

  it('still answers a normal question correctly after all of the above', async () => {
    const exchange = await ask(bot, newConversation('after'), 'what does SOCODEVI do in Honduras');
    expect(exchange.status).toBe(200);
    expect(exchange.record).toMatchObject({ intent: 'project', projects: ['honduras-forestry'], language: 'en' });
    expect(exchange.record?.videos).toContain(HONDURAS_VIDEO);
  });

  it('never connected to anything but the loopback interface', () => {
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.filter((c) => c.host !== '127.0.0.1')).toEqual([]);
  });
});

describe('POST /api/messages with credentials', () => {
  let secured: RunningBot;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    secured = await startBot({
      credentials: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' },
    });
  });

  afterAll(async () => {
    await secured?.close();
  });

  beforeEach(() => {
    // botbuilder prints the authentication error to the console; keep the test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => consoleError.mockRestore());

  /** Both delivery modes: with normal delivery an accepted turn would POST its replies to serviceUrl. */
  const activities = (conversation: string): Array<Record<string, unknown>> => [
    messageActivity(conversation, { text: 'what does SOCODEVI do in Honduras' }),
    messageActivity(conversation, { text: 'what does SOCODEVI do in Honduras', deliveryMode: 'normal' }),
  ];

  it.each([
    ['no Authorization header', {}],
    ['Authorization: Bearer not-a-jwt', { authorization: 'Bearer not-a-jwt' }],
  ])('answers 401 to %s, runs no turn and sends nothing anywhere', async (_label, headers: Record<string, string>) => {
    const before = connections.length;
    for (const activity of activities(newConversation('auth'))) {
      const result = await post(secured, activity, headers);
      expect(result.status).toBe(401);
      expect(result.replies).toEqual([]);
    }
    expect(secured.turns).toEqual([]);
    // The only connections are the test's own requests to the server.
    expect(connections.slice(before).filter((c) => c.host !== '127.0.0.1' || c.port !== secured.port)).toEqual([]);
    // The server keeps serving.
    expect((await request(`${secured.url}/healthz`)).status).toBe(200);
  });
});
