/**
 * A turn whose replies leave only once its state is saved. The replies are held while the bot
 * works; if saving meets an eTag conflict (another instance answered in the same conversation
 * meanwhile), the held replies are dropped and the turn runs again on the fresh state. So no
 * update is lost, and the user never sees the answer of a turn that did not count.
 */
import type { Activity, BotState, ResourceResponse, TurnContext } from 'botbuilder';
import { isETagConflict } from './optimisticState';

export const MAX_TURN_ATTEMPTS = 4;

export async function runTransactionalTurn(
  context: TurnContext,
  states: readonly BotState[],
  logic: () => Promise<void>,
  maxAttempts: number = MAX_TURN_ATTEMPTS,
): Promise<void> {
  let holding = true;
  let held: Partial<Activity>[] = [];
  context.onSendActivities(async (_context, activities, next): Promise<ResourceResponse[]> => {
    if (!holding) return next();
    held.push(...activities);
    return activities.map(() => ({ id: '' }));
  });

  for (let attempt = 1; ; attempt++) {
    try {
      await logic();
      for (const state of states) await state.saveChanges(context);
    } catch (error) {
      held = [];
      if (isETagConflict(error) && attempt < maxAttempts) {
        for (const state of states) await state.load(context, true);
        continue;
      }
      // Whatever happens next (the turn error handler's apology) must reach the user.
      holding = false;
      throw error;
    }
    holding = false;
    if (held.length > 0) await context.sendActivities(held);
    return;
  }
}
