/**
 * `npm run feedback`: prints the users' votes per project and organization (up and down counts),
 * read from the storage the bot is configured with (STORAGE_CONNECTION_STRING, from the
 * environment or .env). `--json` prints the rows as JSON instead. Without a connection string the
 * bot keeps votes in its own memory, which this separate process cannot see.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FeedbackStore } from '../feedback/feedbackStore';
import { formatSummary } from '../feedback/summary';
import { loadKnowledgeBase } from '../knowledge/load';
import { createLogger } from '../logger';
import { createStorage } from '../storage/createStorage';
import { PROJECT_ROOT } from '../util/projectRoot';

async function main(): Promise<void> {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const connectionString = process.env.STORAGE_CONNECTION_STRING;
  if (!connectionString) {
    process.stderr.write('STORAGE_CONNECTION_STRING is not set: votes are then kept in the running bot\'s memory only.\n');
    process.exitCode = 1;
    return;
  }
  const storage = createStorage({ connectionString, container: process.env.STORAGE_CONTAINER });
  const rows = await new FeedbackStore(storage, createLogger('warn')).summary(loadKnowledgeBase());
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(rows)}\n` : formatSummary(rows));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
