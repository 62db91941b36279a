/**
 * Property-based fuzzing of the real HTTP service: thousands of generated activities (random
 * types, missing and wrong-typed fields, huge and odd Unicode text, control characters, deep JSON,
 * attachments, card submissions and feedback votes with junk values) must never get a 5xx or stop
 * the server, and a normal question must still get its right answer afterwards.
 */
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createBotApp } from '../src/app';
import { answerRecordOf } from '../src/bots/replies';
import { createLogger } from '../src/logger';
import { createServer } from '../src/server';
import { askOverHttp } from './support/askOverHttp';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4_000);

let server: Server;
let base: string;

beforeAll(async () => {
  const logger = createLogger('silent');
  // The rate limit is tested on its own (test/rateLimit.test.ts); here every request must reach the bot.
  server = createServer(createBotApp({ logger }), { logger, rateLimit: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e\u202d', '<at>bot</at>', '<script>alert(1)</script>', '[x](javascript:alert(1))', '👍🏽🇨🇦', 'l’ACC d’Haïti', '¿¡'),
  fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\t', '\u0007', 'ß', 'ñ'), minLength: 1_000, maxLength: 5_000 }),
  fc.constantFrom('what does SOCODEVI do in Honduras', 'PASAC', 'y en Honduras?', 'vidéo', 'help'),
);

const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), oddText, fc.array(fc.integer(), { maxLength: 3 }), fc.jsonValue({ maxDepth: 6 }));

const activity = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'installationUpdate', 'endOfConversation'), fc.string({ maxLength: 20 }), junk),
    id: fc.oneof(fc.uuid(), junk),
    channelId: fc.oneof(fc.constantFrom('test', 'msteams', 'webchat', 'directline'), junk),
    serviceUrl: fc.oneof(fc.constant('http://127.0.0.1:1'), junk),
    conversation: fc.oneof(fc.record({ id: fc.oneof(fc.constantFrom('c1', 'c2', 'c3'), fc.string(), junk), isGroup: junk, conversationType: junk }, { requiredKeys: [] }), junk),
    from: fc.oneof(fc.record({ id: fc.oneof(fc.constantFrom('u1', 'u2'), junk), name: junk, role: junk }, { requiredKeys: [] }), junk),
    recipient: fc.oneof(fc.record({ id: fc.oneof(fc.constant('bot'), junk), name: junk }, { requiredKeys: [] }), junk),
    text: fc.oneof(oddText, junk),
    textFormat: junk,
    locale: fc.oneof(fc.constantFrom('fr-CA', 'es-MX', 'en-US', 'xx', ''), junk),
    deliveryMode: fc.oneof(fc.constant('expectReplies'), fc.constant('normal'), junk),
    value: fc.oneof(
      fc.record({ question: fc.oneof(oddText, junk), msteams: junk }, { requiredKeys: [] }),
      // Feedback button submissions, well- and ill-formed.
      fc.record(
        {
          feedback: fc.oneof(fc.constantFrom('up', 'down'), junk),
          answer: fc.oneof(
            fc.record(
              {
                intent: fc.oneof(fc.constantFrom('project', 'list', 'organization', 'overview', 'help'), junk),
                language: fc.oneof(fc.constantFrom('en', 'fr', 'es', 'xx'), junk),
                projects: fc.oneof(fc.array(fc.oneof(fc.constantFrom('panseh', 'pasac', 'honduras-forestry'), fc.string(), junk), { maxLength: 30 }), junk),
                organizations: fc.oneof(fc.array(fc.oneof(fc.constantFrom('did', 'cca', 'socodevi'), junk), { maxLength: 5 }), junk),
              },
              { requiredKeys: [] },
            ),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    name: fc.oneof(fc.constantFrom('composeExtension/query', 'adaptiveCard/action', 'task/fetch', 'signin/verifyState'), junk),
    attachments: fc.oneof(fc.array(fc.record({ contentType: fc.oneof(fc.constantFrom('image/png', 'application/vnd.microsoft.card.adaptive'), junk), content: junk, contentUrl: junk }, { requiredKeys: [] }), { maxLength: 3 }), junk),
    entities: fc.oneof(fc.array(fc.record({ type: fc.oneof(fc.constant('mention'), junk), mentioned: junk, text: junk }, { requiredKeys: [] }), { maxLength: 3 }), junk),
    membersAdded: fc.oneof(fc.array(fc.record({ id: junk, name: junk }, { requiredKeys: [] }), { maxLength: 3 }), junk),
    channelData: fc.oneof(fc.jsonValue({ maxDepth: 8 }), junk),
  },
  { requiredKeys: [] },
);

/** A well-formed envelope around junk: it reaches the bot's own logic (text, values, attachments). */
const plausible = fc.record({
  type: fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'invoke', 'event'),
  channelId: fc.constantFrom('test', 'msteams', 'webchat'),
  serviceUrl: fc.constant('http://127.0.0.1:1'),
  conversation: fc.record({ id: fc.constantFrom('c1', 'c2', 'c3', 'c4') }),
  from: fc.record({ id: fc.constantFrom('u1', 'u2') }),
  recipient: fc.constant({ id: 'bot' }),
  deliveryMode: fc.constant('expectReplies'),
  text: fc.oneof(oddText, fc.constant(undefined)),
  locale: fc.constantFrom('fr-CA', 'es-MX', 'en-US', 'xx'),
  name: fc.constantFrom('composeExtension/query', 'adaptiveCard/action', 'webchat/join', 'unknown/invoke'),
  value: fc.oneof(fc.record({ question: fc.oneof(oddText, junk) }, { requiredKeys: [] }), fc.record({ commandId: junk, parameters: junk }, { requiredKeys: [] }), junk),
  attachments: fc.array(fc.record({ contentType: fc.constantFrom('image/png', 'text/plain'), content: junk }, { requiredKeys: [] }), { maxLength: 2 }),
});

/** A body: plausible activities, junk activities, and now and then no JSON at all. */
const body = fc.oneof(
  { weight: 4, arbitrary: plausible.map((a) => JSON.stringify(a)) },
  { weight: 5, arbitrary: activity.map((a) => JSON.stringify(a)) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('', '{', '[]', 'null', '"x"', '{"type":', '\u0000')) },
);

describe('fuzzing /api/messages over HTTP', () => {
  it(`answers ${RUNS} generated requests without a 5xx, and still answers correctly afterwards`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        return response.status < 500;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
    // The server is still up and still right.
    const after = await askOverHttp(base, 'after-fuzz', 'what does SOCODEVI do in Honduras');
    expect(after.status).toBe(200);
    expect(after.activities.map(answerRecordOf).find(Boolean)).toMatchObject({ projects: ['honduras-forestry'] });
    // Most generated requests are malformed: both refusals and answers must have happened.
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true);
  }, 600_000);
});
