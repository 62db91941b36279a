/**
 * A soak: the bot's /api/messages under a steady load for several minutes, one minute at a time,
 * each minute on new conversations (so that stored state grows as with real traffic), to see
 * whether latency and memory drift as time passes. The load is half the throughput the same
 * server reaches in a first 10-second burst. Loopback only, bounded in time.
 *
 *   npm run soak                  10 one-minute windows
 *   npm run soak -- --minutes 3   fewer windows
 *   npm run soak -- --json        one JSON object on stdout
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

const QUESTIONS = [
  'what does SOCODEVI do in Honduras',
  '¿Qué proyectos hay en Bolivia?',
  'vidéo sur le projet au Panama',
  'who are the partners of PASAC',
  'combien de projets en Haïti',
  'hola',
] as const;

const CONNECTIONS = 16;
const CONVERSATIONS_PER_WINDOW = 2_000;

interface Window {
  readonly minute: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rssMb: number;
  readonly errors: number;
  readonly non2xx: number;
}

function activity(window: number, conversation: number, turn: number): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: `soak-${window}-${conversation}` },
    from: { id: `user-${window}-${conversation}` },
    recipient: { id: 'bot' },
    text: QUESTIONS[turn % QUESTIONS.length],
    deliveryMode: 'expectReplies',
  });
}

function parseArgs(argv: readonly string[]): { minutes: number; json: boolean } {
  const at = argv.indexOf('--minutes');
  const minutes = at >= 0 ? Number(argv[at + 1]) : 10;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) throw new Error('--minutes takes a whole number from 1 to 60');
  return { minutes, json: argv.includes('--json') };
}

async function main(): Promise<void> {
  const { minutes, json } = parseArgs(process.argv.slice(2));
  const say = (line: string) => {
    if (!json) process.stderr.write(`${line}\n`);
  };
  const child = fork(join(__dirname, 'httpServer.js'), ['bot'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the bot server exited (${code})`)));
    });
    const rss = () =>
      new Promise<number>((resolve) => {
        child.once('message', (message) => resolve((message as { rss: number }).rss / 1024 / 1024));
        child.send('rss');
      });
    const load = async (window: number, seconds: number, rate?: number) => {
      let next = 0;
      return autocannon({
        url: `http://127.0.0.1:${port}/api/messages`,
        connections: CONNECTIONS,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const index = next++;
              return { ...request, body: activity(window, index % CONVERSATIONS_PER_WINDOW, Math.floor(index / CONVERSATIONS_PER_WINDOW)) };
            },
          },
        ],
      });
    };
    say('soak: measuring the maximum throughput (10 s)...');
    const burst = await load(-1, 10);
    const rate = Math.max(1, Math.round(burst.requests.average / 2));
    say(`soak: maximum ${Math.round(burst.requests.average)} requests/s; soaking at ${rate}/s for ${minutes} min`);
    const windows: Window[] = [];
    for (let minute = 1; minute <= minutes; minute++) {
      const result = await load(minute, 60, rate);
      const window = { minute, requests: result.requests.total, p50Ms: result.latency.p50, p99Ms: result.latency.p99, rssMb: Math.round(await rss()), errors: result.errors, non2xx: result.non2xx };
      windows.push(window);
      say(`minute ${String(minute).padStart(2)}: ${window.requests} requests, p50 ${window.p50Ms} ms, p99 ${window.p99Ms} ms, rss ${window.rssMb} MB, errors ${window.errors}, non-2xx ${window.non2xx}`);
    }
    const first = windows[0]!;
    const last = windows[windows.length - 1]!;
    const summary = {
      maxRps: Math.round(burst.requests.average),
      rate,
      windows,
      p99Trend: Number((last.p99Ms / Math.max(first.p99Ms, 1)).toFixed(2)),
      rssGrowthMb: last.rssMb - first.rssMb,
      errors: windows.reduce((sum, each) => sum + each.errors + each.non2xx, 0),
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else say(`p99 last/first minute: ${summary.p99Trend}x; rss growth ${summary.rssGrowthMb} MB; errors ${summary.errors}`);
  } finally {
    child.kill();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
