/** Connector and user-token clients are made once per app id, service URL and audience, and reused. */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { ConnectorClient, UserTokenClient } from 'botframework-connector';
import { PartnersAdapter } from '../src/bots/adapter';
import { ClientCache } from '../src/bots/clientCachingAuthentication';
import { createLocalizer } from '../src/i18n';
import { createLogger } from '../src/logger';

describe('ClientCache', () => {
  it('makes a client once per key and hands the same one out after', async () => {
    const cache = new ClientCache<object>(4);
    let made = 0;
    const make = async () => ({ serial: ++made });
    const first = await cache.get('a', make);
    expect(await cache.get('a', make)).toBe(first);
    expect(await cache.get('b', make)).not.toBe(first);
    expect(made).toBe(2);
  });

  it('keeps at most its capacity, dropping the least recently used key', async () => {
    const cache = new ClientCache<string>(2);
    let made = 0;
    const make = (name: string) => async () => `${name}-${++made}`;
    await cache.get('a', make('a'));
    await cache.get('b', make('b'));
    await cache.get('a', make('a')); // a is now the most recently used
    await cache.get('c', make('c')); // so b goes
    expect(cache.size).toBe(2);
    expect(await cache.get('a', make('a'))).toBe('a-1');
    expect(await cache.get('b', make('b'))).toBe('b-4');
  });

  it('forgets a client that could not be made, so the next turn tries again', async () => {
    const cache = new ClientCache<string>(2);
    await expect(cache.get('a', () => Promise.reject(new Error('no network')))).rejects.toThrow('no network');
    expect(await cache.get('a', async () => 'made')).toBe('made');
  });
});

describe('the bot\'s adapter', () => {
  const adapter = new PartnersAdapter({}, createLocalizer(), createLogger('silent'));

  async function clientsOfTurn(serviceUrl: string): Promise<{ connector: ConnectorClient; userToken: UserTokenClient }> {
    let clients: { connector: ConnectorClient; userToken: UserTokenClient } | undefined;
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      channelId: 'test',
      serviceUrl,
      conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: 'c' },
      from: { id: 'u', name: 'u' },
      recipient: { id: 'bot', name: 'bot' },
      text: 'hi',
      deliveryMode: 'expectReplies',
    };
    await adapter.processInProcess(activity, async (context: TurnContext) => {
      clients = {
        connector: context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey),
        userToken: context.turnState.get<UserTokenClient>(adapter.UserTokenClientKey),
      };
    });
    if (!clients) throw new Error('the turn did not run');
    return clients;
  }

  it('gives turns from one service URL the same clients, and another URL its own connector', async () => {
    const first = await clientsOfTurn('http://127.0.0.1:1/a');
    const second = await clientsOfTurn('http://127.0.0.1:1/a');
    const elsewhere = await clientsOfTurn('http://127.0.0.1:1/b');
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
    expect(elsewhere.connector).not.toBe(first.connector);
  });
});
