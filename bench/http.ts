/**
 * Throughput of /api/messages: the bot against a minimal CloudAdapter echo bot, each in its own
 * process, loaded one after the other by the same generator (autocannon, loopback only, bounded
 * in time) with the same activity (deliveryMode expectReplies), spread over many conversations.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface HttpFigures {
  readonly rps: number;
  readonly p99Ms: number;
  readonly rssMb: number;
  readonly errors: number;
  readonly non2xx: number;
}

export const HTTP_LOAD = { connections: 16, durationSeconds: 10, conversations: 64 } as const;

const QUESTION = 'what does SOCODEVI do in Honduras';

function activity(conversation: number): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: `bench-${conversation}` },
    from: { id: `user-${conversation}` },
    recipient: { id: 'bot' },
    text: QUESTION,
    deliveryMode: 'expectReplies',
  });
}

/** Starts one server process, loads it, reads its memory, and stops it. */
export async function measureHttp(kind: 'bot' | 'echo'): Promise<HttpFigures> {
  const child = fork(join(__dirname, 'httpServer.js'), [kind], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code})`)));
    });
    const bodies = Array.from({ length: HTTP_LOAD.conversations }, (_, i) => activity(i));
    let next = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/messages`,
      connections: HTTP_LOAD.connections,
      duration: HTTP_LOAD.durationSeconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
        },
      ],
    });
    const rss = await new Promise<number>((resolve) => {
      child.once('message', (message) => resolve((message as { rss: number }).rss));
      child.send('rss');
    });
    return { rps: result.requests.average, p99Ms: result.latency.p99, rssMb: rss / 1024 / 1024, errors: result.errors, non2xx: result.non2xx };
  } finally {
    child.kill();
  }
}
