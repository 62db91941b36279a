/**
 * Times cold starts: spawns `node dist/bench/coldStart.js` and waits for its one line. The clock
 * starts just before spawn, so the figure includes starting Node, loading the modules and the
 * knowledge base, building the indexes and answering: everything a first user waits for.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ColdStartLine, ColdStartSteps } from './coldStart';
import { elapsedMs } from './measure';
import { median } from './stats';

/** The compiled cold-start program, next to this file in dist/bench/. */
export const COLD_START_SCRIPT = join(__dirname, 'coldStart.js');

export interface FirstAnswer {
  /** From just before spawn to the line arriving on the pipe. */
  readonly ms: number;
  readonly line: ColdStartLine;
}

function parseLine(text: string): ColdStartLine {
  const value = JSON.parse(text) as ColdStartLine;
  if (typeof value.text !== 'string' || typeof value.ms !== 'object') throw new Error(`unexpected cold-start line: ${text}`);
  return value;
}

/** One cold start. Resolves when the child has exited, so that spawns never overlap and compete for the CPU. */
export function timeFirstAnswer(script: string = COLD_START_SCRIPT): Promise<FirstAnswer> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let result: FirstAnswer | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (result === undefined && newline >= 0) {
        const ms = elapsedMs(start);
        try {
          result = { ms, line: parseLine(stdout.slice(0, newline)) };
        } catch (error) {
          reject(error);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`${script} exited with ${code} before answering: ${stderr.trim()}`));
    });
  });
}

export interface FirstAnswerTimes {
  readonly ms: number;
  /** The median of each step as the child measured it, to show where a cold start spends its time. */
  readonly steps: ColdStartSteps;
  readonly runs: readonly number[];
  readonly sampleText: string;
}

const stepMedian = (answers: readonly FirstAnswer[], step: keyof ColdStartSteps): number => median(answers.map((a) => a.line.ms[step]));

/** The median of `runs` cold starts, one after the other. */
export async function measureFirstAnswer(runs: number): Promise<FirstAnswerTimes> {
  const answers: FirstAnswer[] = [];
  for (let i = 0; i < runs; i++) answers.push(await timeFirstAnswer());
  const steps: ColdStartSteps = {
    node: stepMedian(answers, 'node'),
    modules: stepMedian(answers, 'modules'),
    kb: stepMedian(answers, 'kb'),
    understander: stepMedian(answers, 'understander'),
    composer: stepMedian(answers, 'composer'),
    answer: stepMedian(answers, 'answer'),
  };
  return { ms: median(answers.map((a) => a.ms)), steps, runs: answers.map((a) => a.ms), sampleText: answers[0]?.line.text ?? '' };
}
