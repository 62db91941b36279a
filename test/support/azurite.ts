/**
 * A real Azure Blob Storage emulator (Azurite) for tests: started loopback-only (with the
 * project's loopback preload, telemetry off), on a free port, with its data in a temporary folder
 * that survives restarts of the emulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/projectRoot';

const AZURITE_BLOB = require.resolve('azurite/dist/src/blob/main.js');
const LOOPBACK_PRELOAD = join(PROJECT_ROOT, 'test', 'support', 'loopback-only.cjs');
/** Azurite's well-known development account. */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`);
      if (response.status > 0) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Azurite did not open port ${port} within ${timeoutMs} ms`);
}

export class Azurite {
  private process: ChildProcess | undefined;
  readonly location = mkdtempSync(join(tmpdir(), 'azurite-'));

  private constructor(readonly port: number) {}

  /** Starts an emulator on a free port. */
  static async start(): Promise<Azurite> {
    const azurite = new Azurite(await freePort());
    await azurite.resume();
    return azurite;
  }

  /** The connection string the bot's STORAGE_CONNECTION_STRING takes. */
  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${this.port}/${ACCOUNT};`;
  }

  /** Starts (again) the emulator on the same port and folder. */
  async resume(): Promise<void> {
    if (this.process) return;
    this.process = spawn(
      process.execPath,
      ['-r', LOOPBACK_PRELOAD, AZURITE_BLOB, '--blobHost', '127.0.0.1', '--blobPort', String(this.port), '--location', this.location, '--silent', '--skipApiVersionCheck', '--disableTelemetry'],
      { stdio: process.env.AZURITE_DEBUG ? 'inherit' : 'ignore' },
    );
    await waitForPort(this.port, 20_000);
  }

  /** Stops the emulator (its data stays in the folder). */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.location, { recursive: true, force: true });
  }
}
