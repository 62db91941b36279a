/**
 * Starts the bot: loads the configuration from the environment, builds the bot and serves it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBotApp } from './app';
import { createLogger } from './logger';
import { createServer } from './server';
import { PROJECT_ROOT } from './util/projectRoot';

// Settings may come from a .env file (see .env.example); the environment wins over it.
const envFile = join(PROJECT_ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const logger = createLogger();
try {
  const app = createBotApp({
    logger,
    credentials: {
      MicrosoftAppId: process.env.MicrosoftAppId,
      MicrosoftAppPassword: process.env.MicrosoftAppPassword,
      MicrosoftAppType: process.env.MicrosoftAppType,
      MicrosoftAppTenantId: process.env.MicrosoftAppTenantId,
    },
    logMessageText: process.env.LOG_MESSAGE_TEXT === 'true',
  });
  const server = createServer(app, { logger });
  const port = Number(process.env.PORT ?? 3978);
  const host = process.env.HOST ?? '127.0.0.1';
  server.listen(port, host, () => {
    logger.info({ url: `http://${host}:${port}`, auth: Boolean(process.env.MicrosoftAppId) }, 'bot listening: POST /api/messages');
  });
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exitCode = 1;
}
