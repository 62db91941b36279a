/**
 * In-process timings: building the understanding from a knowledge-base folder, and answering
 * questions with it. "One answer" is understand + compose, the text and card a user gets,
 * without the Bot Framework around it (its adapter and state cost the same whatever the bot knows).
 */
import { AnswerComposer } from '../src/answers/compose';
import type { Localizer } from '../src/i18n';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { contextAfter, EMPTY_CONTEXT, type ConversationContext } from '../src/understanding/types';
import { Understander } from '../src/understanding/understander';
import type { BenchQuestion } from './questions';
import { median } from './stats';

/** What answers a question: the pure part of the bot. */
export interface Answerer {
  readonly kb: KnowledgeBase;
  readonly understander: Understander;
  readonly composer: AnswerComposer;
}

export interface BuildTimes {
  /** Median of the repetitions, KB load + Understander construction (what a start or a reload pays). */
  readonly ms: number;
  readonly kbMs: number;
  readonly understanderMs: number;
}

/** Milliseconds since an earlier process.hrtime.bigint(), as a float. */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Loads a knowledge-base folder and builds the Understander once, timing each step. */
function buildOnce(dataDir: string | undefined, localizer: Localizer): { answerer: Answerer; kbMs: number; understanderMs: number } {
  const start = process.hrtime.bigint();
  const kb = loadKnowledgeBase(dataDir);
  const kbMs = elapsedMs(start);
  const afterKb = process.hrtime.bigint();
  const understander = new Understander(kb);
  const understanderMs = elapsedMs(afterKb);
  // The composer only keeps references; it is built outside the timed part as the brief defines build time.
  return { answerer: { kb, understander, composer: new AnswerComposer(kb, localizer) }, kbMs, understanderMs };
}

/**
 * Builds `repetitions` times and keeps the last answerer. The first build also pays for compiling
 * the code, which a process pays once; the median shows the cost of a (re)load itself.
 */
export function measureBuild(dataDir: string | undefined, localizer: Localizer, repetitions: number): { answerer: Answerer; times: BuildTimes } {
  const totals: number[] = [];
  const kbs: number[] = [];
  const understanders: number[] = [];
  let last: Answerer | undefined;
  for (let i = 0; i < repetitions; i++) {
    const { answerer, kbMs, understanderMs } = buildOnce(dataDir, localizer);
    totals.push(kbMs + understanderMs);
    kbs.push(kbMs);
    understanders.push(understanderMs);
    last = answerer;
  }
  if (!last) throw new Error('measureBuild needs at least one repetition');
  return { answerer: last, times: { ms: median(totals), kbMs: median(kbs), understanderMs: median(understanders) } };
}

/**
 * Answers every question once, in order, each conversation keeping its context like a chat;
 * a question without a conversation starts a new one. Returns the time of each answer.
 * Only understand + compose is timed: contextAfter is bookkeeping the dialog does after replying.
 */
export function answerPass(answerer: Answerer, questions: readonly BenchQuestion[]): number[] {
  const contexts = new Map<string, ConversationContext>();
  const times: number[] = [];
  for (const question of questions) {
    const context = (question.conversation && contexts.get(question.conversation)) || EMPTY_CONTEXT;
    const start = process.hrtime.bigint();
    const understanding = answerer.understander.understand(question.text, context, question.locale);
    const reply = answerer.composer.compose(understanding);
    times.push(elapsedMs(start));
    // A reply without text would mean the pipeline broke; a benchmark of a broken path is worthless.
    if (reply.text.length === 0) throw new Error(`empty answer to ${JSON.stringify(question.text)}`);
    if (question.conversation) contexts.set(question.conversation, contextAfter(understanding, context));
  }
  return times;
}

export interface AnswerTimes {
  readonly samples: readonly number[];
  readonly passes: number;
}

/**
 * Warm-up passes first, so that the figures describe a bot that has been running (code compiled
 * and optimized, caches filled) and not the first seconds after a start, which first_answer_ms covers.
 */
export function measureAnswers(answerer: Answerer, questions: readonly BenchQuestion[], warmupPasses: number, passes: number): AnswerTimes {
  for (let i = 0; i < warmupPasses; i++) answerPass(answerer, questions);
  const samples: number[] = [];
  for (let i = 0; i < passes; i++) samples.push(...answerPass(answerer, questions));
  return { samples, passes };
}
