/**
 * Asks the user to choose when several projects fit a question about equally. A click on a
 * project's button (or its title typed out) picks that project; any other reply ends the dialog
 * and is answered as a new question, in the context of the projects offered, so that "the second
 * one", "celui du Honduras" or a misspelt title still reach the project through the understanding.
 */
import type { Activity } from 'botbuilder';
import type { Choice } from '../src/answers/answer';
import { cleanMessage, fold } from '../src/understanding/normalize';
import { Dialog, type DialogContext, type DialogTurnResult } from './dialogLibrary';

export const CLARIFY_DIALOG = 'clarifyDialog';

export interface ClarifyOptions {
  /** The question to send, with its card and answer record. */
  readonly question: Partial<Activity>;
  readonly choices: readonly Choice[];
}

/** What the user did: picked a project, or asked something else. */
export type ClarifyResult = { readonly projectId: string } | { readonly text: string };

/** What the dialog keeps between the question and the reply (the question itself is not needed). */
interface ClarifyState {
  readonly choices: readonly Choice[];
}

/** The choice a reply names exactly (its title or id, ignoring case, accents and spacing). */
export function chosenProject(reply: string, choices: readonly Choice[]): string | undefined {
  const key = fold(cleanMessage(reply)).replace(/[\s.!?]+$/u, '');
  if (!key) return undefined;
  return choices.find((choice) => fold(cleanMessage(choice.title)) === key || choice.id === key)?.id;
}

export class ClarifyDialog extends Dialog<ClarifyOptions> {
  constructor() {
    super(CLARIFY_DIALOG);
  }

  override async beginDialog(dialogContext: DialogContext, options?: ClarifyOptions): Promise<DialogTurnResult> {
    if (!options || options.choices.length === 0) return dialogContext.endDialog();
    const state: ClarifyState = { choices: options.choices };
    dialogContext.activeDialog!.state = state;
    await dialogContext.context.sendActivity(options.question);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dialogContext: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dialogContext.context;
    // Only a message answers the question (typing indicators, reactions and the like do not).
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const text = activity.text ?? '';
    const { choices } = dialogContext.activeDialog!.state as ClarifyState;
    const projectId = chosenProject(text, choices);
    const result: ClarifyResult = projectId ? { projectId } : { text };
    return dialogContext.endDialog(result);
  }
}
