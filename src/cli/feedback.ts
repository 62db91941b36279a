/**
 * `npm run feedback`: prints the users' votes per project and organization (up and down counts),
 * read from the storage the bot is configured with: Blob Storage with STORAGE_CONNECTION_STRING,
 * else the embedded store in STATE_DIR (which one bot process holds while it runs: stop it first).
 * `--json` prints the rows as JSON instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FeedbackStore } from '../feedback/feedbackStore';
import { formatSummary } from '../feedback/summary';
import { loadKnowledgeBase } from '../knowledge/load';
import { createLogger } from '../logger';
import { createStateStore } from '../storage/createStorage';
import { readConfigOrReport } from '../config';
import { PROJECT_ROOT } from '../util/projectRoot';

async function main(): Promise<void> {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = readConfigOrReport(process.env);
  if (!config) return;
  const store = createStateStore(config.storage);
  try {
    const rows = await new FeedbackStore(store.storage, createLogger('warn')).summary(loadKnowledgeBase());
    process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(rows)}\n` : formatSummary(rows));
  } finally {
    store.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}${(error as Error).cause ? `: ${String((error as Error).cause)}` : ''}\n`);
    process.exitCode = 2;
  });
}
