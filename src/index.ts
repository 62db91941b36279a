/**
 * Starts the bot: loads the configuration from the environment, builds the bot and serves it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBotApp } from './app';
import { DEFAULT_DATA_DIR } from './knowledge/load';
import { createLogger } from './logger';
import { createServer } from './server';
import { createStorage } from './storage/createStorage';
import { tuneHeapForService } from './util/heapTuning';
import { PROJECT_ROOT } from './util/projectRoot';

// Settings may come from a .env file (see .env.example); the environment wins over it.
const envFile = join(PROJECT_ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const logger = createLogger();
try {
  tuneHeapForService();
  const app = createBotApp({
    logger,
    credentials: {
      MicrosoftAppId: process.env.MicrosoftAppId,
      MicrosoftAppPassword: process.env.MicrosoftAppPassword,
      MicrosoftAppType: process.env.MicrosoftAppType,
      MicrosoftAppTenantId: process.env.MicrosoftAppTenantId,
    },
    logMessageText: process.env.LOG_MESSAGE_TEXT === 'true',
    transcriptDir: process.env.TRANSCRIPT_DIR || undefined,
    storage: createStorage({ connectionString: process.env.STORAGE_CONNECTION_STRING, container: process.env.STORAGE_CONTAINER }),
  });
  // Edits of data/ take effect without a restart (and on SIGHUP); a broken edit keeps the last good one.
  app.knowledge.watch(DEFAULT_DATA_DIR);
  process.on('SIGHUP', () => app.knowledge.reload());
  // The page talks to Azure's Direct Line when a secret is set; without Azure at all, to the local
  // one (which runs turns without authentication, so not when an app id is configured).
  const directLineSecret = process.env.DIRECT_LINE_SECRET;
  const webChat = directLineSecret
    ? { directLineSecret, directLineEndpoint: process.env.DIRECT_LINE_ENDPOINT }
    : process.env.MicrosoftAppId
      ? undefined
      : {};
  const server = createServer(app, { logger, ...(webChat ? { webChat } : {}) });
  const port = Number(process.env.PORT ?? 3978);
  const host = process.env.HOST ?? '127.0.0.1';
  server.listen(port, host, () => {
    logger.info({ url: `http://${host}:${port}`, auth: Boolean(process.env.MicrosoftAppId) }, 'bot listening: POST /api/messages');
  });
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exitCode = 1;
}
