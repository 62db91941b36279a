/**
 * The work one inbound text can cost is capped at the edge, before anything reads it: a 64k search
 * query from Teams' compose box is refused at once, and the health check polled meanwhile keeps
 * answering within 100 ms; an over-long message or card value gets the polite refusal.
 */
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../src/bots/messagingExtension';
import { postMessage } from './support/askOverHttp';
import { startBot, type RunningBot } from './support/botServer';

let bot: RunningBot;
beforeAll(async () => (bot = await startBot({}, { rateLimit: false })));
afterAll(async () => bot.close());

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function search(query: string): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'composeExtension/query',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1',
      locale: 'en-US',
      from: { id: '29:user' },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:budget' },
      value: { commandId: SEARCH_COMMAND_ID, parameters: [{ name: SEARCH_PARAMETER, value: query }] },
    }),
  });
}

describe('a 64k search query', () => {
  it('is refused with a hint while /healthz, polled all along, answers within 100 ms', async () => {
    // A first search loads what the first turn of a process loads (connector modules): not what is measured.
    await (await search('Honduras')).arrayBuffer();
    const query = Array.from({ length: 64 * 1024 }, (_, i) => 'socodevi honduras forestry bolivia ñandú '[i % 41]).join('');
    let searching = true;
    const health: number[] = [];
    const polling = (async () => {
      do {
        const { value, ms } = await timed(() => fetch(`${bot.url}/healthz`));
        expect(value.status).toBe(200);
        await value.arrayBuffer();
        health.push(ms);
      } while (searching);
    })();
    const response = await search(query);
    searching = false;
    await polling;
    expect(response.status).toBe(200);
    const { composeExtension } = (await response.json()) as { composeExtension: { attachments: unknown[]; text?: string } };
    expect(composeExtension.attachments).toEqual([]);
    expect(composeExtension.text).toMatch(/too long \(65536 characters\)/);
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(100);
  });

  it('still finds projects with a normal query afterwards', async () => {
    const { composeExtension } = (await (await search('Honduras')).json()) as { composeExtension: { attachments: unknown[] } };
    expect(composeExtension.attachments).toHaveLength(1);
  });
});

describe('an over-long card value', () => {
  it('gets the polite refusal, not an answer', async () => {
    const { activities } = await postMessage(bot.url, 'budget-card', { value: { question: 'what does SOCODEVI do in Honduras '.repeat(200) } });
    expect(activities.map((a) => a.text).join(' ')).toMatch(/too long for me \(6800 characters\)/);
  });
});
