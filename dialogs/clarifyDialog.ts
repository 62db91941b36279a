/**
 * Asks the user to choose when several projects fit a question about equally. A click or a typed
 * title picks a project; anything else ends the dialog and is answered as a new question.
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import { ChoicePrompt, ComponentDialog, ListStyle, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../src/answers/answer';
import { clarifyCard } from '../src/cards/clarifyCard';
import type { Language } from '../src/understanding/types';

export const CLARIFY_DIALOG = 'clarifyDialog';
const CHOICE_PROMPT = 'clarifyChoicePrompt';
const WATERFALL = 'clarifyWaterfall';

export interface ClarifyOptions {
  readonly prompt: string;
  readonly choices: readonly Choice[];
  readonly language: Language;
}

/** What the user did: picked a project, or asked something else. */
export type ClarifyResult = { readonly projectId: string } | { readonly text: string };

export class ClarifyDialog extends ComponentDialog {
  constructor() {
    super(CLARIFY_DIALOG);
    // Every reply is accepted: one that matches no choice is a new question, not a mistake.
    this.addDialog(new ChoicePrompt(CHOICE_PROMPT, async () => true));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.resultStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async askStep(step: WaterfallStepContext<ClarifyOptions>) {
    const { prompt, choices, language } = step.options;
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(clarifyCard(prompt, choices)), prompt);
    activity.locale = language;
    return step.prompt(CHOICE_PROMPT, {
      prompt: activity,
      choices: choices.map((choice) => ({ value: choice.id, synonyms: [choice.title] })),
      style: ListStyle.none,
      recognizeLanguage: language,
    });
  }

  private async resultStep(step: WaterfallStepContext<ClarifyOptions>) {
    const found = step.result as FoundChoice | undefined;
    const result: ClarifyResult = found ? { projectId: found.value } : { text: step.context.activity.text ?? '' };
    return step.endDialog(result);
  }
}
