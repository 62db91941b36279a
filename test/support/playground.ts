/**
 * The Microsoft 365 Agents Playground (Teams emulator) for tests: started exactly as
 * `npm run playground` starts it (src/cli/playground.ts: loopback-only preload, telemetry and
 * browser launch off), on a free port, against a bot endpoint.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnPlayground } from '../../src/cli/playground';

export interface Playground {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startPlayground(botEndpoint: string, port: number): Promise<Playground> {
  const logFile = join(tmpdir(), `playground-${process.pid}-${port}.log`);
  let output = '';
  let resolveListening: (port: number) => void = () => undefined;
  const listening = new Promise<number>((resolve) => (resolveListening = resolve));
  const child = spawnPlayground(botEndpoint, port, logFile, (actual) => resolveListening(actual));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start: ${output}`)), 30_000);
    listening.then(() => clearTimeout(timer), () => undefined);
    child.once('exit', (code) => reject(new Error(`the playground exited (${code}): ${output}`)));
  });
  failed.catch(() => undefined); // only awaited until the playground listens
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(logFile, { force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  let url: string;
  try {
    // It says on which port it listens (another one when the asked one is busy).
    url = `http://127.0.0.1:${await Promise.race([listening, failed])}`;
  } catch (error) {
    await stop();
    throw error;
  }
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/_debug/ping`)).ok) break;
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}
