/**
 * `npm run playground`: the bot and the Microsoft 365 Agents Playground (a Teams emulator) side by
 * side on this machine. The playground runs loopback-only, with its telemetry and browser launch
 * off; open the address it prints. Ctrl+C stops both. The end-to-end test starts the playground
 * with the same command and environment (test/support/playground.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../util/projectRoot';

/** The playground's command-line entry, found through its package (no hard-coded node_modules path). */
export function playgroundCli(): string {
  const packageFile = require.resolve('@microsoft/m365agentsplayground/package.json');
  const { bin } = require(packageFile) as { bin: Record<string, string> };
  return join(dirname(packageFile), bin.agentsplayground ?? 'cli.js');
}

/** The preload that binds the playground to 127.0.0.1 and refuses every non-loopback connection. */
export const LOOPBACK_PRELOAD = join(PROJECT_ROOT, 'test', 'support', 'loopback-only.cjs');

/**
 * The environment that keeps the playground offline and quiet: its telemetry SDK would reach Azure
 * and a cloud metadata address at start, it would open a browser, and it would write its log under
 * ./devTools.
 */
export function playgroundEnvironment(logFile: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    NODE_OPTIONS: `-r ${LOOPBACK_PRELOAD}`,
  };
}

/** The playground's arguments: Teams mode, against the bot's endpoint, telemetry off. */
export function playgroundArgs(botEndpoint: string, port: number): string[] {
  return [playgroundCli(), '-c', 'msteams', '-e', botEndpoint, '-p', String(port), '--disable-telemetry'];
}

/** Starts the playground; `onListening` gets the port it actually took (another one when the asked one is busy). */
export function spawnPlayground(botEndpoint: string, port: number, logFile: string, onListening: (port: number) => void): ChildProcess {
  const child = spawn(process.execPath, playgroundArgs(botEndpoint, port), {
    env: playgroundEnvironment(logFile),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const announce = (chunk: Buffer) => {
    output += chunk.toString();
    const match = /Listening on (\d+)/.exec(output);
    if (!match) return;
    child.stdout!.off('data', announce);
    child.stdout!.resume(); // keep draining its output
    onListening(Number(match[1]));
  };
  child.stdout!.on('data', announce);
  return child;
}

async function waitForBot(url: string, bot: ChildProcess): Promise<void> {
  for (let i = 0; i < 150 && bot.exitCode === null; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the bot did not answer on ${url}/healthz`);
}

async function main(): Promise<void> {
  const botPort = Number(process.env.PORT ?? 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const botUrl = `http://127.0.0.1:${botPort}`;
  const logFile = join(tmpdir(), `m365agentsplayground-${process.pid}.log`);

  const bot = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'index.js')], {
    env: { ...process.env, PORT: String(botPort), HOST: '127.0.0.1' },
    stdio: 'inherit',
  });
  const children: ChildProcess[] = [bot];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    process.exitCode = code;
  };
  // Ctrl+C reaches the children too; stopping both here also covers `kill <pid>`.
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  bot.on('exit', (code) => stop(code ?? 1));

  try {
    await waitForBot(botUrl, bot);
  } catch (error) {
    process.stderr.write(`playground: ${(error as Error).message}\n`);
    return stop(1);
  }
  if (stopping) return;
  const playground = spawnPlayground(`${botUrl}/api/messages`, playgroundPort, logFile, (port) => {
    process.stdout.write(
      `\nTeams emulator (Agents Playground): open http://127.0.0.1:${port}\n` +
        `bot: ${botUrl}/api/messages; playground log: ${logFile}\nCtrl+C stops both.\n\n`,
    );
  });
  playground.stderr!.pipe(process.stderr);
  children.push(playground);
  playground.on('exit', (code) => stop(code ?? 1));
}

if (require.main === module) void main();
