/**
 * How every turn runs: one at a time per conversation, with its replies held until its state is
 * saved (and run again on an eTag conflict), and one structured log line at the end with the
 * latency, the intent, the language and the ids the answer presented.
 */
import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Understanding } from '../understanding/types';
import { ConversationQueue } from './conversationQueue';
import { runTransactionalTurn } from './transactionalTurn';

/** Where the main dialog leaves what it understood, for the turn's log line. */
export const UNDERSTANDING_KEY = Symbol('understanding of this turn');

export interface TurnRunnerOptions {
  readonly logger: Logger;
  readonly states: readonly BotState[];
  /** Log the users' message text too (off by default: it may hold personal data). */
  readonly logMessageText?: boolean;
}

export function createTurnRunner(options: TurnRunnerOptions, bot: { run(context: TurnContext): Promise<void> }): (context: TurnContext) => Promise<void> {
  const queue = new ConversationQueue();
  return async (context) => {
    const { activity } = context;
    const key = `${activity.channelId}/${activity.conversation?.id}`;
    await queue.run(key, async () => {
      const started = process.hrtime.bigint();
      let outcome = 'ok';
      try {
        await runTransactionalTurn(context, options.states, () => bot.run(context));
      } catch (error) {
        outcome = 'error';
        throw error;
      } finally {
        const understanding = context.turnState.get(UNDERSTANDING_KEY) as Understanding | undefined;
        options.logger.info(
          {
            latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
            outcome,
            type: activity.type,
            channel: activity.channelId,
            conversation: activity.conversation?.id,
            ...(understanding
              ? {
                  intent: understanding.intent,
                  language: understanding.language,
                  languageSource: understanding.languageSource,
                  projects: understanding.projects,
                  organizations: understanding.organizations,
                  followUp: understanding.usedContext,
                }
              : {}),
            ...(options.logMessageText && typeof activity.text === 'string' ? { text: activity.text } : {}),
          },
          understanding?.intent === 'fallback' ? 'turn: unanswered question' : 'turn',
        );
      }
    });
  };
}
