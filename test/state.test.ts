/**
 * State that survives concurrency: eTag-checked saves, turns that run again on a conflict with
 * their replies held until the state is saved, and per-conversation ordering.
 */
import { MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { ConversationQueue } from '../src/bots/conversationQueue';
import { isETagConflict, OptimisticConversationState } from '../src/bots/optimisticState';
import { runTransactionalTurn } from '../src/bots/transactionalTurn';
import { contextFor } from './support/turnContext';

/** Runs one turn that creates the conversation's state, as a conversation's first message does. */
async function seed(state: OptimisticConversationState, adapter: TestAdapter): Promise<void> {
  const context = contextFor(adapter, 'hello');
  await state.createProperty<number>('count').set(context, 0);
  await state.saveChanges(context);
}

/** The texts the adapter sent (TestAdapter queues what a turn sends). */
const sentTexts = (adapter: TestAdapter): string[] => adapter.activeQueue.map((activity) => activity.text ?? '');

describe('optimistic conversation state', () => {
  it('refuses a save over a change made since the state was read', async () => {
    const storage = new MemoryStorage();
    const state = new OptimisticConversationState(storage);
    const counter = state.createProperty<number>('count');
    const adapter = new TestAdapter();
    await seed(state, adapter);
    const first = contextFor(adapter, 'a');
    const second = contextFor(adapter, 'b');
    await counter.set(first, ((await counter.get(first, 0)) ?? 0) + 1);
    await counter.set(second, ((await counter.get(second, 0)) ?? 0) + 1);
    await state.saveChanges(first);
    await expect(state.saveChanges(second).then(() => 'saved', (error: unknown) => isETagConflict(error))).resolves.toBe(true);
  });

  it('saves twice in one turn (the new eTag is read back)', async () => {
    const state = new OptimisticConversationState(new MemoryStorage());
    const value = state.createProperty<string>('value');
    const context = contextFor(new TestAdapter(), 'a');
    await value.set(context, 'one');
    await state.saveChanges(context);
    await value.set(context, 'two');
    await expect(state.saveChanges(context)).resolves.toBeUndefined();
    const nextTurn = contextFor(new TestAdapter(), 'b');
    expect(await value.get(nextTurn)).toBe('two');
  });

  it('writes only when the turn changed the state', async () => {
    const storage = new MemoryStorage();
    const writes: string[][] = [];
    const write = storage.write.bind(storage);
    storage.write = (changes) => {
      writes.push(Object.keys(changes));
      return write(changes);
    };
    const state = new OptimisticConversationState(storage);
    const value = state.createProperty<string>('value');
    const adapter = new TestAdapter();
    const first = contextFor(adapter, 'a');
    await value.set(first, 'same');
    await state.saveChanges(first);
    expect(writes).toHaveLength(1);

    const reading = contextFor(adapter, 'b');
    expect(await value.get(reading)).toBe('same');
    await value.set(reading, 'same');
    await state.saveChanges(reading);
    expect(writes).toHaveLength(1);

    const changing = contextFor(adapter, 'c');
    await value.set(changing, 'other');
    await state.saveChanges(changing);
    expect(writes).toHaveLength(2);
  });
});

describe('transactional turns', () => {
  it('runs a turn again on a conflict, loses no update, and sends only the replies of the turn that counted', async () => {
    const storage = new MemoryStorage();
    const state = new OptimisticConversationState(storage);
    const counter = state.createProperty<number>('count');
    const adapter = new TestAdapter();
    await seed(state, adapter);
    const first = contextFor(adapter, 'a');
    const second = contextFor(adapter, 'b');
    // Both turns read the count before either saves: the second must notice and run again.
    let attempts = 0;
    const bothRead = (() => {
      let arrived = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      return async () => {
        arrived += 1;
        if (arrived === 2) release();
        if (arrived <= 2) await gate;
      };
    })();
    const turn = (context: TurnContext) =>
      runTransactionalTurn(context, [state], async () => {
        attempts += 1;
        const count = (await counter.get(context, 0)) ?? 0;
        await bothRead();
        await counter.set(context, count + 1);
        await context.sendActivity(`count ${count + 1}`);
      });
    await Promise.all([turn(first), turn(second)]);
    const key = 'test/conversations/conversation-1/';
    const stored = await storage.read([key]);
    expect((stored[key] as { count: number }).count).toBe(2);
    expect(attempts).toBe(3);
    expect(sentTexts(adapter).sort()).toEqual(['count 1', 'count 2']);
  });

  it('lets the error handler reply when the turn fails for another reason', async () => {
    const state = new OptimisticConversationState(new MemoryStorage());
    const adapter = new TestAdapter();
    const context = contextFor(adapter, 'a');
    await expect(
      runTransactionalTurn(context, [state], async () => {
        await context.sendActivity('half an answer');
        throw new Error('storage unreachable');
      }),
    ).rejects.toThrow('storage unreachable');
    await context.sendActivity('sorry');
    expect(sentTexts(adapter)).toEqual(['sorry']);
  });
});

describe('conversation queue', () => {
  it('runs the turns of one conversation in order, and other conversations alongside', async () => {
    const queue = new ConversationQueue();
    const events: string[] = [];
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await Promise.all([
      queue.run('a', async () => {
        events.push('a1 start');
        await wait(30);
        events.push('a1 end');
      }),
      queue.run('a', async () => {
        events.push('a2 start');
        events.push('a2 end');
      }),
      queue.run('b', async () => {
        events.push('b1 start');
        events.push('b1 end');
      }),
    ]);
    expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
    expect(events.indexOf('b1 end')).toBeLessThan(events.indexOf('a1 end'));
    expect(queue.size).toBe(0);
  });

  it('goes on after a failed turn', async () => {
    const queue = new ConversationQueue();
    await expect(queue.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});
