/**
 * Failures are named where they happen and answered for what they are: the understanding's, the
 * storage's (eTag conflicts excepted: they are not failures), and the turn-error handler's reply
 * and log line for each.
 */
import type { Activity } from 'botbuilder';
import { PartnersAdapter } from '../src/bots/adapter';
import { classifiedUnderstander } from '../src/bots/classifiedUnderstanding';
import { failureKindOf, ServiceFailure } from '../src/failures';
import { createLocalizer } from '../src/i18n';
import { classifiedStorage } from '../src/storage/classifiedStorage';
import { CREATE_ONLY_ETAG, isETagConflict } from '../src/storage/conditionalWrite';
import { isIdleExpiring } from '../src/storage/createStorage';
import { SqliteStorage } from '../src/storage/sqliteStorage';
import { recordingLogger } from './support/recordingLogger';
import { shippedUnderstander } from './support/understander';

const kindOf = (work: () => unknown): string => {
  try {
    work();
    return 'no failure';
  } catch (error) {
    return failureKindOf(error);
  }
};

describe('where failures are named', () => {
  it('marks an understanding that throws on a message as an understanding failure, in each of its readings', () => {
    const understander = classifiedUnderstander(shippedUnderstander().understander);
    const broken = null as unknown as string;
    expect(kindOf(() => understander.recognize(broken))).toBe('understanding');
    expect(kindOf(() => understander.understand(broken))).toBe('understanding');
    expect(kindOf(() => understander.readAsQuestion(broken))).toBe('understanding');
    expect(understander.understand('what does SOCODEVI do in Honduras').projects).toEqual(['honduras-forestry']);
  });

  it('marks what the storage throws as a storage failure, but lets eTag conflicts through as they are', async () => {
    const sqlite = new SqliteStorage({ file: ':memory:', idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    const storage = classifiedStorage(sqlite);
    await storage.write({ 'test/conversations/c/': { n: 1, eTag: CREATE_ONLY_ETAG } });
    const conflict = await storage.write({ 'test/conversations/c/': { n: 2, eTag: CREATE_ONLY_ETAG } }).catch((error: unknown) => error);
    expect(isETagConflict(conflict)).toBe(true);
    expect(failureKindOf(conflict)).toBe('unexpected');
    sqlite.close();
    const closed = await storage.read(['test/conversations/c/']).catch((error: unknown) => error);
    expect(closed).toBeInstanceOf(ServiceFailure);
    expect(failureKindOf(closed)).toBe('storage');
  });
});

describe('the turn-error handler', () => {
  it.each([
    ['understanding', 'Sorry, I could not read that question', 'turn failed: the message could not be understood'],
    ['storage', "Sorry, I can't reach my memory right now", 'turn failed: storage unreachable'],
    ['connector', 'Sorry, I could not deliver my answer through this channel', 'turn failed: the channel could not be reached'],
  ] as const)('answers and logs a %s failure as such', async (kind, reply, logged) => {
    const { logger, lines } = recordingLogger();
    const adapter = new PartnersAdapter({}, createLocalizer(), logger);
    const activity: Partial<Activity> = {
      type: 'message',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: `failing-${kind}`, isGroup: false, conversationType: 'personal', name: 'c' },
      from: { id: 'u', name: 'u' },
      recipient: { id: 'bot', name: 'bot' },
      text: 'hello',
      deliveryMode: 'expectReplies',
    };
    const response = await adapter.processInProcess(activity, async () => {
      throw new ServiceFailure(kind, `a ${kind} failure`, { cause: new Error('underneath') });
    });
    const replies = (response?.body as { activities: Partial<Activity>[] }).activities;
    expect(replies.map((a) => a.text)).toEqual([expect.stringContaining(reply)]);
    expect(lines.filter((line) => line.msg.startsWith('turn failed')).map((line) => [line.msg, line.failure])).toEqual([[logged, kind]]);
  });
});
