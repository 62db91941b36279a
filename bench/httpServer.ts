/**
 * A server for the HTTP benchmark, in its own process: the bot (`bot`), set up as `npm start` sets
 * it up, or a minimal CloudAdapter echo bot (`echo`) that loads nothing of the bot's, both on
 * restify, on a free loopback port. It prints the port, and answers its parent's "rss" message
 * with its resident memory.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import type { AddressInfo } from 'node:net';

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

/** The bot's modules are required here only, so that the echo process's memory is the baseline's own. */
function botServer(): restify.Server {
  const { createBotApp } = require('../src/app') as typeof import('../src/app');
  const { createLogger } = require('../src/logger') as typeof import('../src/logger');
  const { createServer } = require('../src/server') as typeof import('../src/server');
  const { tuneHeapForService } = require('../src/util/heapTuning') as typeof import('../src/util/heapTuning');
  tuneHeapForService();
  const logger = createLogger('silent');
  // No rate limit: the load generator is one client sending as fast as it can on purpose.
  return createServer(createBotApp({ logger }), { logger, rateLimit: false });
}

const server = process.argv[2] === 'echo' ? echoServer() : botServer();
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
