/**
 * A server for the HTTP benchmark, in its own process: the bot (`bot`), set up as `npm start` sets
 * it up, or a minimal CloudAdapter echo bot (`echo`) that loads nothing of the bot's, both on
 * restify, on a free loopback port. It prints the port, and answers its parent's "rss" message
 * with its resident memory.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function echoServer(): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}

/**
 * The bot's modules are required here only, so that the echo process's memory is the baseline's
 * own. The bot keeps its state in the embedded store, as with npm start, in a temporary folder.
 */
function botServer(): restify.Server {
  const { createBotApp } = require('../src/app') as typeof import('../src/app');
  const { readConfig } = require('../src/config') as typeof import('../src/config');
  const { createLogger } = require('../src/logger') as typeof import('../src/logger');
  const { createServer } = require('../src/server') as typeof import('../src/server');
  const { createStateStore } = require('../src/storage/createStorage') as typeof import('../src/storage/createStorage');
  const { tuneHeapForService } = require('../src/util/heapTuning') as typeof import('../src/util/heapTuning');
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-state-'));
  process.on('exit', () => rmSync(stateDir, { recursive: true, force: true }));
  const settings = readConfig({ ...process.env, STATE_DIR: stateDir });
  if (!settings.ok) throw new Error(settings.problems.join('\n'));
  tuneHeapForService(settings.config.heapGrowingPercent);
  const logger = createLogger('silent');
  const store = createStateStore(settings.config.storage);
  // No rate limit: the load generator is one client sending as fast as it can on purpose.
  return createServer(createBotApp({ logger, storage: store.storage }), { logger, rateLimit: false });
}

const server = process.argv[2] === 'echo' ? echoServer() : botServer();
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
// The parent ends this process with SIGTERM: exit, so that the state folder is removed.
process.on('SIGTERM', () => process.exit(0));
