/**
 * `npm run eval`: scores question sets in-process through the bot pipeline (the same as `npm run
 * ask`), prints the failures, accuracy by category and language, and with --calibration the
 * accuracy by confidence band. `node ../shared/eval/score.mjs` remains the reference scorer.
 *
 *   npm run eval -- [--set test/eval/dev.jsonl ...] [--calibration] [--quiet] [--json]
 */
import { join } from 'node:path';
import { createBotApp } from '../app';
import { breakdown, calibration, scoreItems, type ItemResult } from '../eval/evaluate';
import { readQuestionSet } from '../eval/questionSet';
import { createLogger } from '../logger';
import { PROJECT_ROOT } from '../util/projectRoot';

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sets = args.flatMap((arg, i) => (args[i - 1] === '--set' ? [arg] : []));
  const files = sets.length ? sets : [join(PROJECT_ROOT, 'test', 'eval', 'dev.jsonl')];
  const quiet = args.includes('--quiet');
  const app = createBotApp({ logger: createLogger('silent') });
  const all: ItemResult[] = [];
  const summaries: Array<{ set: string; passed: number; total: number; language: number }> = [];
  for (const [index, file] of files.entries()) {
    const items = readQuestionSet(file);
    const score = await scoreItems(app, items, `eval${index}`);
    all.push(...score.results);
    summaries.push({ set: file, passed: score.passed, total: items.length, language: score.languageRight });
    if (args.includes('--json')) continue;
    process.stdout.write(`\n# ${file}\n`);
    if (!quiet) for (const { item, failures } of score.results) if (failures.length) process.stdout.write(`FAIL ${item.id} ${JSON.stringify(item.q)}: ${failures.join('; ')}\n`);
    for (const [key, row] of [...breakdown(score.results, (item) => `category ${item.category}`), ...breakdown(score.results, (item) => `lang ${item.lang}`)]) {
      process.stdout.write(`${key.padEnd(32)} ${pct(row.passed, row.total).padStart(7)} (${row.passed}/${row.total})\n`);
    }
    process.stdout.write(`accuracy: ${pct(score.passed, items.length)} (${score.passed}/${items.length}), language: ${pct(score.languageRight, items.length)}\n`);
  }
  // Answers from the guide and the other replies (greetings, help, kind and unsure replies) are
  // calibrated apart: the thresholds that decide them differ.
  const guide = calibration(all.filter((result) => result.answer.meta === 'domain'));
  const others = calibration(all.filter((result) => result.answer.meta !== 'domain'));
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ sets: summaries, calibration: { guide, others } })}\n`);
    return;
  }
  if (args.includes('--calibration')) {
    for (const [title, bands] of [['answers from the guide', guide], ['other replies', others]] as const) {
      process.stdout.write(`\n${title}\nconfidence band   answers   accuracy\n`);
      for (const band of bands) if (band.answers) process.stdout.write(`${band.from.toFixed(1)}-${Math.min(band.to, 1).toFixed(1)}   ${String(band.answers).padStart(10)}   ${pct(band.right, band.answers).padStart(8)}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
