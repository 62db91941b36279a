/**
 * A child process for the memory test: the service as `npm start` starts it (default settings,
 * its own STATE_DIR), then COUNT one-message conversations, each of a new user, run through its
 * adapter in-process (the same pipeline as /api/messages, less HTTP, so that the test stays fast),
 * a few at a time. It prints one JSON line: the conversations answered and the resident memory.
 */
import { readConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService } from '../../src/service';

const CONCURRENCY = 8;

async function main(): Promise<void> {
  const count = Number(process.env.COUNT ?? 100_000);
  const settings = readConfig({ ...process.env, PORT: '0' });
  if (!settings.ok) throw new Error(settings.problems.join('\n'));
  const service = await startService(settings.config, createLogger('silent'));
  const started = performance.now();
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await service.app.adapter.processInProcess(
        {
          type: 'message',
          id: `m-${i}`,
          channelId: 'test',
          serviceUrl: 'http://127.0.0.1:1',
          conversation: { id: `many-${i}`, isGroup: false, conversationType: 'personal', name: 'many' },
          from: { id: `user-${i}`, name: 'user' },
          recipient: { id: 'bot', name: 'bot' },
          text: 'hello',
          deliveryMode: 'expectReplies',
        },
        service.app.logic,
      );
      if (((response?.body as { activities?: unknown[] } | undefined)?.activities ?? []).length > 0) answered += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const memory = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ count, answered, seconds: (performance.now() - started) / 1000, rssMb: memory.rss / 1048576, heapUsedMb: memory.heapUsed / 1048576 })}\n`,
  );
  await service.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
