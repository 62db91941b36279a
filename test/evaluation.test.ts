/**
 * The evaluation sets, scored the way ../shared/eval/score.mjs scores them: through
 * `npm run ask -- --jsonl`, the same bot pipeline as /api/messages.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..');

interface Score {
  readonly pass: number;
  readonly total: number;
  readonly language: number;
  readonly failures: ReadonlyArray<{ id: string; q: string; why: string[] }>;
}

async function score(set: string): Promise<Score> {
  const { stdout } = await run('node', [join(__dirname, 'eval', 'score.mjs'), '--set', join(__dirname, 'eval', set), '--project', root, '--json'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n')[0]!) as Score;
}

const SETS: ReadonlyArray<{ file: string; minAccuracy: number; minLanguage: number }> = [
  // The public development set.
  { file: 'dev.jsonl', minAccuracy: 0.95, minLanguage: 0.99 },
  // Sets written by the team without sight of the code, to watch generalization.
  { file: 'team-a.jsonl', minAccuracy: 0.95, minLanguage: 0.98 },
  { file: 'team-b.jsonl', minAccuracy: 0.95, minLanguage: 0.98 },
  { file: 'team-c.jsonl', minAccuracy: 0.95, minLanguage: 0.98 },
];

describe('evaluation sets', () => {
  it.each(SETS.filter((set) => existsSync(join(__dirname, 'eval', set.file))))(
    '$file: accuracy and reply language stay above their floors',
    async ({ file, minAccuracy, minLanguage }) => {
      const result = await score(file);
      const report = result.failures.map((f) => `${f.id} ${JSON.stringify(f.q)}: ${f.why.join('; ')}`).join('\n');
      expect({ accuracy: result.pass / result.total >= minAccuracy, report }).toEqual({ accuracy: true, report: expect.any(String) });
      expect(result.language / result.total).toBeGreaterThanOrEqual(minLanguage);
    },
    120_000,
  );
});
