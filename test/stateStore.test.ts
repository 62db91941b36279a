/**
 * The embedded state store (SQLite): conditional writes (eTag, create-only), idle expiry of
 * conversation and user state only, and what survives closing and reopening its file. Then the
 * first turns of a new conversation: two of them racing both count, since the first write of a
 * conversation is create-only instead of overwriting with eTag "*".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { OptimisticConversationState, isETagConflict } from '../src/bots/optimisticState';
import { runTransactionalTurn } from '../src/bots/transactionalTurn';
import { CREATE_ONLY_ETAG } from '../src/storage/conditionalWrite';
import { createStorage, isIdleExpiring } from '../src/storage/createStorage';
import { SqliteStorage } from '../src/storage/sqliteStorage';
import { contextFor } from './support/turnContext';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function storeFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'coop-state-'));
  folders.push(folder);
  return join(folder, 'state.sqlite');
}

const conflictOf = (work: Promise<unknown>) => work.then(() => 'written', (error: unknown) => (isETagConflict(error) ? 'conflict' : error));

describe('the embedded store', () => {
  it('writes an item with an eTag only over the version it was read at', async () => {
    const store = new SqliteStorage({ file: ':memory:', idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    await store.write({ a: { value: 1, eTag: '*' } });
    const first = (await store.read(['a'])).a!;
    await store.write({ a: { value: 2, eTag: first.eTag } });
    await expect(conflictOf(store.write({ a: { value: 3, eTag: first.eTag } }))).resolves.toBe('conflict');
    expect((await store.read(['a'])).a).toMatchObject({ value: 2 });
    store.close();
  });

  it('creates an item create-only: the second creator meets a conflict and nothing is overwritten', async () => {
    const store = new SqliteStorage({ file: ':memory:', idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    await store.write({ 'webchat/conversations/c1/': { who: 'first', eTag: CREATE_ONLY_ETAG } });
    await expect(conflictOf(store.write({ 'webchat/conversations/c1/': { who: 'second', eTag: CREATE_ONLY_ETAG } }))).resolves.toBe('conflict');
    expect((await store.read(['webchat/conversations/c1/']))['webchat/conversations/c1/']).toMatchObject({ who: 'first' });
    store.close();
  });

  it('deletes conversation and user state once idle, never the votes, and lets an expired conversation start again', async () => {
    let now = 0;
    const store = new SqliteStorage({ file: ':memory:', idleMs: 1_000, expires: isIdleExpiring, sweepEveryMs: 0, now: () => now });
    await store.write({
      'msteams/conversations/idle/': { turns: 1, eTag: CREATE_ONLY_ETAG },
      'msteams/users/idle-user/': { language: 'fr', eTag: CREATE_ONLY_ETAG },
      'feedback/abc': { rating: 'up', eTag: '*' },
    });
    now = 900;
    await store.write({ 'msteams/conversations/busy/': { turns: 1, eTag: CREATE_ONLY_ETAG } });
    now = 1_500;
    expect(Object.keys(await store.read(['msteams/conversations/idle/', 'msteams/conversations/busy/', 'feedback/abc'])).sort()).toEqual([
      'feedback/abc',
      'msteams/conversations/busy/',
    ]);
    await store.write({ 'msteams/conversations/idle/': { turns: 1, again: true, eTag: CREATE_ONLY_ETAG } });
    expect(await store.sweep()).toBe(1); // the idle user
    expect(store.count()).toBe(3);
    store.close();
  });

  it('keeps what was written when the file is closed and opened again', async () => {
    const file = storeFile();
    const first = new SqliteStorage({ file, idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    await first.write({ 'test/conversations/kept/': { conversationData: { turns: 3 }, eTag: CREATE_ONLY_ETAG } });
    first.close();
    const second = new SqliteStorage({ file, idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    expect((await second.read(['test/conversations/kept/']))['test/conversations/kept/']).toMatchObject({ conversationData: { turns: 3 } });
    second.close();
  });
});

describe('the first turns of a new conversation', () => {
  it('both count when they race: the first write of a conversation is create-only', async () => {
    const storage = createStorage({});
    const state = new OptimisticConversationState(storage);
    const counter = state.createProperty<number>('count');
    const adapter = new TestAdapter();
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    let attempts = 0;
    const turn = (context: TurnContext) =>
      runTransactionalTurn(context, [state], async () => {
        attempts += 1;
        const count = (await counter.get(context, 0)) ?? 0;
        arrived += 1;
        if (arrived === 2) release();
        if (arrived <= 2) await bothRead;
        await counter.set(context, count + 1);
      });
    await Promise.all([turn(contextFor(adapter, 'a', 'brand-new')), turn(contextFor(adapter, 'b', 'brand-new'))]);
    const key = 'test/conversations/brand-new/';
    expect(((await storage.read([key]))[key] as { count: number }).count).toBe(2);
    expect(attempts).toBe(3);
  });
});
