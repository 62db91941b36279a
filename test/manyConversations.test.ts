/**
 * Memory stays bounded with the number of conversations: 100,000 one-message conversations (each
 * of a new user) through the service with its default settings leave it under 200 MB resident,
 * and every one of them is in the store (the embedded file, not the process's memory).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../src/util/projectRoot';
import { STATE_FILE, isIdleExpiring } from '../src/storage/createStorage';
import { SqliteStorage } from '../src/storage/sqliteStorage';

const CONVERSATIONS = 100_000;
const CHILD = join(PROJECT_ROOT, 'dist', 'test', 'support', 'manyConversations.js');
const stateDir = mkdtempSync(join(tmpdir(), 'coop-many-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe(`${CONVERSATIONS.toLocaleString('en')} one-message conversations`, () => {
  it('leave the service under 200 MB resident, with every conversation in the store', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CHILD], {
      env: { ...process.env, COUNT: String(CONVERSATIONS), STATE_DIR: stateDir, LOG_LEVEL: 'silent' },
      maxBuffer: 1024 * 1024,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { count: number; answered: number; rssMb: number };
    expect(result.answered).toBe(CONVERSATIONS);
    expect(result.rssMb).toBeLessThan(200);
    const store = new SqliteStorage({ file: join(stateDir, STATE_FILE), idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    try {
      // A conversation and a user each.
      expect(store.count()).toBe(2 * CONVERSATIONS);
    } finally {
      store.close();
    }
  }, 150_000);
});
