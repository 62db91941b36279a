/**
 * The bot as `npm start` runs it (dist/src/index.js), in its own process on a free loopback port,
 * for the tests of what only a real process shows: signals, kill -9, memory. Its JSON log lines
 * (stderr) are kept; the start resolves when it logs that it listens, with the port it took.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/projectRoot';

export const SERVICE_ENTRY = join(PROJECT_ROOT, 'dist', 'src', 'index.js');

export interface LogRecord {
  readonly msg?: string;
  readonly [field: string]: unknown;
}

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly logs: LogRecord[];
  /** Resolves with the exit code (null when a signal ended it) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment of a service under test: this one's, without any Azure or storage setting of the machine's. */
function serviceEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(Microsoft|STORAGE_|DIRECT_LINE_|TRANSCRIPT_DIR|STATE_|PORT$|HOST$)/.test(name)),
  );
  return { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...overrides };
}

export function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [SERVICE_ENTRY], { env: serviceEnvironment(env), stdio: ['ignore', 'ignore', 'pipe'] });
  const logs: LogRecord[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        let record: LogRecord;
        try {
          record = JSON.parse(line) as LogRecord;
        } catch {
          record = { msg: line };
        }
        logs.push(record);
        if (record.msg === 'bot listening: POST /api/messages') resolve({ url: String(record.url), child, logs, exited });
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`the service exited (${code ?? signal}) before listening: ${JSON.stringify(logs)}`)));
  });
}
