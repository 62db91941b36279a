/** The real bot server on a free loopback port, for tests that talk to it over HTTP. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createBotApp, type BotApp, type BotAppOptions } from '../../src/app';
import { createLogger } from '../../src/logger';
import { createServer, type ServerOptions } from '../../src/server';

export interface RunningBot {
  readonly app: BotApp;
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export async function startBot(appOptions: Partial<BotAppOptions> = {}, serverOptions: Partial<ServerOptions> = {}): Promise<RunningBot> {
  const logger = createLogger('silent');
  const app = createBotApp({ logger, ...appOptions });
  const server = createServer(app, { logger, ...serverOptions });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        app.knowledge.close();
        server.close(() => resolve());
      }),
  };
}
