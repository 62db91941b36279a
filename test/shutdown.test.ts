/**
 * A deploy or a scale-in stops the service with SIGTERM while it is busy: every request it had
 * taken is answered, it stops taking new connections, it exits 0, and what the answered turns
 * wrote is in the store. The service runs as `npm start` runs it; 16 loopback clients keep it
 * busy until it stops answering them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE_FILE, isIdleExpiring } from '../src/storage/createStorage';
import { SqliteStorage } from '../src/storage/sqliteStorage';
import { askOverHttp } from './support/askOverHttp';
import { startServiceProcess } from './support/serviceProcess';

const stateDir = mkdtempSync(join(tmpdir(), 'coop-shutdown-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const CLIENTS = 16;
/** Answers before the signal: enough for every client to be mid-request when it comes. */
const ANSWERS_BEFORE_SIGNAL = 150;
/** No client sends more than this, whatever happens. */
const MAX_REQUESTS_PER_CLIENT = 400;

interface Outcome {
  readonly conversation: string;
  readonly sentBeforeSignal: boolean;
  readonly answeredAfterSignal: boolean;
  /** The HTTP status, or the connection error's code. */
  readonly result: number | string;
}

describe('SIGTERM under load', () => {
  it('answers every request in flight, refuses new connections, saves the state and exits 0', async () => {
    const service = await startServiceProcess({ STATE_DIR: stateDir, SHUTDOWN_TIMEOUT_MS: '15000' });
    const outcomes: Outcome[] = [];
    let signalled = false;
    let answered = 0;
    let signal!: () => void;
    const enoughAnswers = new Promise<void>((resolve) => (signal = resolve));

    const client = async (index: number) => {
      const conversation = `shutdown-${index}`;
      for (let sent = 0; sent < MAX_REQUESTS_PER_CLIENT; sent++) {
        const sentBeforeSignal = !signalled;
        let result: number | string;
        try {
          result = (await askOverHttp(service.url, conversation, 'what does SOCODEVI do in Honduras')).status;
        } catch (error) {
          result = String((error as { cause?: { code?: unknown } }).cause?.code ?? (error as Error).message);
        }
        outcomes.push({ conversation, sentBeforeSignal, answeredAfterSignal: signalled, result });
        if (result === 200 && ++answered === ANSWERS_BEFORE_SIGNAL) signal();
        if (result !== 200) return;
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
    await enoughAnswers;
    signalled = true;
    service.child.kill('SIGTERM');
    await Promise.all(clients);
    expect(await service.exited).toEqual({ code: 0, signal: null });

    const before = outcomes.filter((outcome) => outcome.sentBeforeSignal);
    // Requests were in flight when the signal came, and every request sent before it was answered.
    expect(before.filter((outcome) => outcome.answeredAfterSignal).length).toBeGreaterThan(0);
    expect(before.filter((outcome) => outcome.result !== 200)).toEqual([]);
    // After it: answered (on a connection already open) or refused at connect, never cut off midway.
    expect(outcomes.filter((outcome) => outcome.result !== 200 && outcome.result !== 'ECONNREFUSED')).toEqual([]);
    expect(outcomes.some((outcome) => outcome.result === 'ECONNREFUSED')).toBe(true);
    expect(service.logs.map((line) => line.msg)).toContain('stopped');

    // Every answered turn is in the store: each conversation counted all its answers.
    const store = new SqliteStorage({ file: join(stateDir, STATE_FILE), idleMs: 60_000, expires: isIdleExpiring, sweepEveryMs: 0 });
    try {
      for (let index = 0; index < CLIENTS; index++) {
        const conversation = `shutdown-${index}`;
        const key = `test/conversations/${conversation}/`;
        const stored = (await store.read([key]))[key] as { conversationData?: { turns?: number } } | undefined;
        expect({ conversation, turns: stored?.conversationData?.turns ?? 0 }).toEqual({
          conversation,
          turns: outcomes.filter((outcome) => outcome.conversation === conversation && outcome.result === 200).length,
        });
      }
    } finally {
      store.close();
    }
  }, 60_000);
});
