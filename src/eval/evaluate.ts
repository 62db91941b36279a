/**
 * Scores question sets in-process, through the same bot pipeline as `npm run ask` and
 * /api/messages (the adapter's processActivity with expectReplies), and tabulates how accurate the
 * answers are at each confidence the understanding gave them: the calibration table thresholds are
 * chosen from.
 */
import type { BotApp } from '../app';
import { answerLine, askBot } from '../cli/ask';
import { check, type AnswerLine, type QuestionItem } from './questionSet';

export interface ItemResult {
  readonly item: QuestionItem;
  readonly answer: AnswerLine;
  readonly failures: readonly string[];
}

export interface SetScore {
  readonly results: readonly ItemResult[];
  readonly passed: number;
  readonly languageRight: number;
}

/** Answers every item of a set in order (items sharing a `conversation` are its turns). */
export async function scoreItems(app: BotApp, items: readonly QuestionItem[], runId: string): Promise<SetScore> {
  const results: ItemResult[] = [];
  let single = 0;
  for (const item of items) {
    const conversation = `${runId}-${item.conversation ?? `single-${++single}`}`;
    const question = { text: item.q, ...(item.locale ? { locale: item.locale } : {}) };
    const answer = answerLine(question, await askBot(app, question, conversation)) as unknown as AnswerLine;
    results.push({ item, answer, failures: check(item, answer) });
  }
  return {
    results,
    passed: results.filter((result) => result.failures.length === 0).length,
    languageRight: results.filter((result) => result.answer.language === result.item.lang).length,
  };
}

export interface CalibrationBand {
  readonly from: number;
  readonly to: number;
  readonly answers: number;
  readonly right: number;
}

/** Accuracy by band of the confidence the answers carried (answers without one are left out). */
export function calibration(results: readonly ItemResult[], edges: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]): CalibrationBand[] {
  const bands = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, answers: 0, right: 0 }));
  for (const { answer, failures } of results) {
    if (answer.confidence === undefined) continue;
    const band = bands.find((b) => answer.confidence! >= b.from && answer.confidence! < b.to);
    if (!band) continue;
    band.answers += 1;
    if (failures.length === 0) band.right += 1;
  }
  return bands;
}

/** Breakdown of a set's results by a key (category, language). */
export function breakdown(results: readonly ItemResult[], key: (item: QuestionItem) => string): Map<string, { passed: number; total: number }> {
  const table = new Map<string, { passed: number; total: number }>();
  for (const { item, failures } of results) {
    const row = table.get(key(item)) ?? { passed: 0, total: 0 };
    row.total += 1;
    if (failures.length === 0) row.passed += 1;
    table.set(key(item), row);
  }
  return new Map([...table].sort(([a], [b]) => a.localeCompare(b)));
}
