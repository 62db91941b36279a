/**
 * The default embedded store keeps a conversation across a crash: the service, run as `npm start`
 * runs it, answers a question, is killed with SIGKILL (no chance to save anything then), starts
 * again on the same STATE_DIR, and answers the follow-up in the context of the first question.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerRecordOf } from '../src/bots/replies';
import { askOverHttp } from './support/askOverHttp';
import { startServiceProcess, type ServiceProcess } from './support/serviceProcess';

const stateDir = mkdtempSync(join(tmpdir(), 'coop-restart-'));
const running: ServiceProcess[] = [];

afterAll(async () => {
  for (const service of running) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  await Promise.all(running.map((service) => service.exited));
  rmSync(stateDir, { recursive: true, force: true });
});

async function start(): Promise<ServiceProcess> {
  const service = await startServiceProcess({ STATE_DIR: stateDir });
  running.push(service);
  return service;
}

describe('kill -9, then a restart', () => {
  it('keeps the conversation\'s context', async () => {
    const before = await start();
    const first = await askOverHttp(before.url, 'crash-1', 'Which organization runs the forestry cooperative project?');
    expect(first.activities.map(answerRecordOf).find(Boolean)).toMatchObject({ projects: ['honduras-forestry'] });
    before.child.kill('SIGKILL');
    expect(await before.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const after = await start();
    const followUp = await askOverHttp(after.url, 'crash-1', 'Do they have a video of it?');
    expect(followUp.activities.map(answerRecordOf).find(Boolean)).toMatchObject({ projects: ['honduras-forestry'], videos: ['https://vimeo.com/62608992'] });
    after.child.kill('SIGTERM');
    expect(await after.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});
