/**
 * A cold start in miniature: a fresh process loads the knowledge base, builds the Understander
 * and the composer, answers one question and prints one line. run.ts times it from spawn to that
 * line, which is what the first user after a deploy or a scale-out waits for (minus the network).
 *
 * The line is JSON: the answer's first line (to see that a real answer came out) and where the
 * process spent its time, measured from the process's own time origin with performance.now().
 * Modules are imported dynamically only so that their loading time can be told apart from Node's
 * own start; a static import would run before the first line of this file.
 */

export const COLD_START_QUESTION = 'what does SOCODEVI do in Honduras';

/** Where a cold start spends its time, in milliseconds, step by step. */
export interface ColdStartSteps {
  /** From the process's time origin to this file's first statement (Node bootstrap). */
  readonly node: number;
  readonly modules: number;
  readonly kb: number;
  readonly understander: number;
  readonly composer: number;
  readonly answer: number;
}

export interface ColdStartLine {
  readonly text: string;
  readonly intent: string;
  readonly ms: ColdStartSteps;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const [{ loadKnowledgeBase }, { buildAnswering }, { createLocalizer }] = await Promise.all([
    import('../src/knowledge/load'),
    import('../src/answering'),
    import('../src/i18n'),
  ]);
  const t1 = performance.now();
  const kb = loadKnowledgeBase();
  const t2 = performance.now();
  const localizer = createLocalizer();
  const t3 = performance.now();
  // The same start as the bot's: the understanding uses the stems kept by earlier runs.
  const { understander, composer } = buildAnswering(kb, localizer);
  const t4 = performance.now();
  const understanding = understander.understand(COLD_START_QUESTION);
  const answer = composer.compose(understanding);
  const t5 = performance.now();
  const line: ColdStartLine = {
    text: answer.text.split('\n')[0] ?? '',
    intent: understanding.intent,
    ms: { node: t0, modules: t1 - t0, kb: t2 - t1, composer: t3 - t2, understander: t4 - t3, answer: t5 - t4 },
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

// Run only as a program: run.ts imports the types and the question from this file.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
