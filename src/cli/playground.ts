/**
 * `npm run playground`: the bot and the Microsoft 365 Agents Playground (a Teams emulator) side by
 * side on this machine. The playground runs loopback-only, with its telemetry and browser launch
 * off; open the address it prints. Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../util/projectRoot';

const botPort = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const preload = join(PROJECT_ROOT, 'test', 'support', 'loopback-only.cjs');
const cli = join(PROJECT_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

const bot = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'index.js')], {
  env: { ...process.env, PORT: String(botPort) },
  stdio: 'inherit',
});
const playground = spawn(
  process.execPath,
  [cli, '-c', 'msteams', '-e', `http://127.0.0.1:${botPort}/api/messages`, '-p', String(playgroundPort), '--disable-telemetry'],
  {
    env: {
      ...process.env,
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: join(tmpdir(), 'm365agentsplayground.log'),
      NODE_OPTIONS: `-r ${preload}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
playground.stdout.on('data', (chunk: Buffer) => {
  const match = /Listening on (\d+)/.exec(chunk.toString());
  if (match) process.stdout.write(`\nTeams emulator: open http://127.0.0.1:${match[1]} (bot on http://127.0.0.1:${botPort})\n\n`);
});

const stop = () => {
  bot.kill('SIGTERM');
  playground.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
bot.on('exit', () => playground.kill('SIGTERM'));
playground.on('exit', () => bot.kill('SIGTERM'));
