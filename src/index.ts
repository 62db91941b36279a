/**
 * Starts the bot: reads and checks the settings (the environment, over a .env file), starts the
 * service, and stops it gracefully on SIGTERM or SIGINT (exit 0 once the work in flight is done
 * and the state is saved). A bad setting stops the start with one line per problem.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigOrReport } from './config';
import { createLogger } from './logger';
import { startService } from './service';
import { PROJECT_ROOT } from './util/projectRoot';

// Settings may come from a .env file (see .env.example); the environment wins over it.
const envFile = join(PROJECT_ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

async function main(): Promise<void> {
  const config = readConfigOrReport(process.env);
  if (!config) return;
  const logger = createLogger(config.logLevel);
  const service = await startService(config, logger);
  process.on('SIGHUP', () => service.app.knowledge.reload());
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'signal received');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  createLogger().fatal({ err: error }, (error as Error).message);
  process.exitCode = 1;
});
