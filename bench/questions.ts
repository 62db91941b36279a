/**
 * The benchmark's workload: the dev evaluation questions, read the way the evaluation sends them
 * (text, conversation and locale), so that the timed answers are the answers users get.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/util/projectRoot';

export const DEV_QUESTIONS_FILE = join(PROJECT_ROOT, 'test', 'eval', 'dev.jsonl');

export interface BenchQuestion {
  readonly text: string;
  /** Questions of one conversation share a context, in file order, as turns of a chat would. */
  readonly conversation?: string;
  readonly locale?: string;
}

function optionalString(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** One line of the evaluation set; the expectations are not needed to time answers. */
function parseQuestion(line: string, lineNumber: number, file: string): BenchQuestion {
  const value: unknown = JSON.parse(line);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file}:${lineNumber}: not a JSON object`);
  const record = value as Record<string, unknown>;
  const text = optionalString(record, 'q');
  if (text === undefined) throw new Error(`${file}:${lineNumber}: no "q" string`);
  const conversation = optionalString(record, 'conversation');
  const locale = optionalString(record, 'locale');
  return { text, ...(conversation ? { conversation } : {}), ...(locale ? { locale } : {}) };
}

export function loadQuestions(file: string = DEV_QUESTIONS_FILE): BenchQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), lineNumber: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, lineNumber }) => parseQuestion(line, lineNumber, file));
}
