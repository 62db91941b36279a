/**
 * The Microsoft 365 Agents Playground (Teams emulator) for tests: spawned loopback-only with the
 * settings that keep its telemetry and browser launch off, on a free port, against a bot endpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/projectRoot';

export const PLAYGROUND_CLI = join(PROJECT_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
export const LOOPBACK_PRELOAD = join(PROJECT_ROOT, 'test', 'support', 'loopback-only.cjs');

/** The environment that keeps the playground offline and quiet. */
export function playgroundEnvironment(logFile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    NODE_OPTIONS: `-r ${LOOPBACK_PRELOAD}`,
  };
}

export interface Playground {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string, port: number): Promise<Playground> {
  const child: ChildProcess = spawn(
    process.execPath,
    [PLAYGROUND_CLI, '-c', 'msteams', '-e', botEndpoint, '-p', String(port), '--disable-telemetry'],
    { env: playgroundEnvironment(join(tmpdir(), `playground-${port}.log`)), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // It says on which port it listens (another one when the asked one is busy).
  const listening = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the playground did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the playground exited (${code}): ${output}`)));
  });
  const url = `http://127.0.0.1:${listening}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/_debug/ping`)).ok) break;
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
