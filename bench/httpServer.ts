/**
 * A server for the HTTP benchmark, in its own process: the bot (`bot`) or a minimal CloudAdapter
 * echo bot (`echo`), both on restify, on a free loopback port. It prints the port, and answers
 * its parent's "rss" message with its resident memory.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import type { AddressInfo } from 'node:net';
import { createBotApp } from '../src/app';
import { createLogger } from '../src/logger';
import { createServer } from '../src/server';

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

function botServer(): restify.Server {
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
