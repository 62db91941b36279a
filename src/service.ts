/**
 * The whole service as `npm start` runs it, from checked settings (src/config.ts): the state
 * store, the bot, the HTTP server on its address, and the way to stop it all gracefully (finish
 * what is in flight, then close the store so that every write is in its file).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createBotApp, type BotApp } from './app';
import type { Config } from './config';
import { drainServer } from './http/gracefulShutdown';
import { InFlight } from './http/inFlight';
import { DEFAULT_DATA_DIR } from './knowledge/load';
import type { Logger } from './logger';
import { createServer, type WebChatOptions } from './server';
import { createStateStore } from './storage/createStorage';
import { tuneHeapForService } from './util/heapTuning';

export interface RunningService {
  readonly app: BotApp;
  readonly server: Server;
  /** http://host:port, with the port actually taken (PORT=0 takes a free one). */
  readonly url: string;
  /** Stops accepting, finishes the work in flight (within SHUTDOWN_TIMEOUT_MS), closes the store. */
  stop(): Promise<void>;
}

/** The page talks to Azure's Direct Line when a secret is set; without Azure at all, to the local one. */
function webChatOf(config: Config): WebChatOptions | undefined {
  if (config.directLine.secret) return { directLineSecret: config.directLine.secret, directLineEndpoint: config.directLine.endpoint };
  // The local Direct Line runs turns without authentication, so not when an app id is configured.
  return config.credentials.MicrosoftAppId ? undefined : {};
}

export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  tuneHeapForService(config.heapGrowingPercent);
  const store = createStateStore(config.storage);
  const app = createBotApp({
    logger,
    credentials: config.credentials,
    logMessageText: config.logMessageText,
    transcriptDir: config.transcriptDir,
    storage: store.storage,
    outbound: { serviceUrlHosts: config.serviceUrlHosts, timeoutMs: config.connectorTimeoutMs },
  });
  // Edits of data/ take effect without a restart (and on SIGHUP); a broken edit keeps the last good one.
  app.knowledge.watch(DEFAULT_DATA_DIR);
  const inFlight = new InFlight();
  const webChat = webChatOf(config);
  const server = createServer(app, { logger, trustedProxies: config.trustedProxies, inFlight, ...(webChat ? { webChat } : {}) });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, auth: Boolean(config.credentials.MicrosoftAppId), storage: config.storage.connectionString ? 'azure-blob' : config.storage.stateDir }, 'bot listening: POST /api/messages');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info({ inFlight: inFlight.size }, 'stopping: finishing the requests in flight');
      const drained = await drainServer(server, inFlight, config.shutdownTimeoutMs);
      if (!drained) logger.warn({ inFlight: inFlight.size, timeoutMs: config.shutdownTimeoutMs }, 'stopping: the deadline cut requests short');
      app.knowledge.close();
      store.close();
      logger.info('stopped');
    })());
  return { app, server, url, stop };
}
