/**
 * The evaluation sets, scored in-process through the same bot pipeline as `npm run ask` and
 * /api/messages (one bot for every set, each set in its own conversations). The development set
 * is public; the team sets were written without sight of the code and scored once before any
 * tuning (see README): they now guard against regressions.
 */
import { join } from 'node:path';
import { createBotApp } from '../src/app';
import { scoreItems } from '../src/eval/evaluate';
import { readQuestionSet } from '../src/eval/questionSet';
import { createLogger } from '../src/logger';

const SETS: ReadonlyArray<{ file: string; minAccuracy: number; minLanguage: number }> = [
  { file: 'dev.jsonl', minAccuracy: 0.98, minLanguage: 0.99 },
  { file: 'team-a.jsonl', minAccuracy: 0.98, minLanguage: 0.98 },
  { file: 'team-b.jsonl', minAccuracy: 0.98, minLanguage: 0.98 },
  { file: 'team-c.jsonl', minAccuracy: 0.98, minLanguage: 0.98 },
  { file: 'team-d.jsonl', minAccuracy: 0.98, minLanguage: 0.98 },
  // Off-topic, small-talk and near-domain messages: none may get a project (see below).
  { file: 'team-e-offtopic.jsonl', minAccuracy: 0.97, minLanguage: 0.98 },
];

describe('evaluation sets', () => {
  const app = createBotApp({ logger: createLogger('silent') });

  it.each(SETS)(
    '$file: accuracy and reply language stay above their floors',
    async ({ file, minAccuracy, minLanguage }) => {
      const items = readQuestionSet(join(__dirname, 'eval', file));
      const score = await scoreItems(app, items, file);
      const report = score.results
        .filter((result) => result.failures.length > 0)
        .map(({ item, failures }) => `${item.id} ${JSON.stringify(item.q)}: ${failures.join('; ')}`)
        .join('\n');
      expect({ accuracyAboveFloor: score.passed / items.length >= minAccuracy, report }).toEqual({ accuracyAboveFloor: true, report: expect.any(String) });
      expect(score.languageRight / items.length).toBeGreaterThanOrEqual(minLanguage);
    },
    120_000,
  );
});
