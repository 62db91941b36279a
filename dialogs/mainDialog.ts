/**
 * The main dialog: understands each message in its conversation's context, answers it in the
 * user's language, and asks the user to choose (through the clarify dialog) when several
 * projects fit about equally.
 */
import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Answering } from '../src/answering';
import { answerActivity, feedbackStyleOf } from '../src/bots/replies';
import type { BotStateAccessors, ConversationData, UserProfile } from '../src/bots/state';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { contextAfter, EMPTY_CONTEXT, NO_FILTERS, type ConversationContext, type Understanding } from '../src/understanding/types';
import { CLARIFY_DIALOG, ClarifyDialog, type ClarifyOptions, type ClarifyResult } from './clarifyDialog';
import { decide, DEFAULT_DECISION_THRESHOLDS, type DecisionThresholds } from './decision';
import { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type WaterfallStepContext } from './dialogLibrary';

export const MAIN_DIALOG = 'mainDialog';

/** Most ids a clicked card may name (a card shows a handful). */
const MAX_SUBJECT_IDS = 20;

/**
 * A click on a card's button is about that card, however old, wherever it came from (an earlier
 * answer, a card inserted from the compose box): the button's data names the card's projects and
 * organizations, which become the focus of the question it asks. Only ids the knowledge base
 * knows are kept; a typed message keeps the conversation's focus.
 */
export function focusOfClick(value: unknown, context: ConversationContext, kb: KnowledgeBase): ConversationContext {
  if (!value || typeof value !== 'object') return context;
  const subject = (value as { subject?: unknown }).subject;
  if (!subject || typeof subject !== 'object') return context;
  const ids = (list: unknown, known: (id: string) => boolean) =>
    Array.isArray(list) && list.length <= MAX_SUBJECT_IDS ? list.filter((id): id is string => typeof id === 'string' && known(id)) : [];
  const projects = ids((subject as { projects?: unknown }).projects, (id) => kb.project(id) !== undefined);
  const organizations = ids((subject as { organizations?: unknown }).organizations, (id) => kb.organization(id) !== undefined);
  if (!projects.length && !organizations.length) return context;
  return {
    ...(context.language ? { language: context.language } : {}),
    intent: projects.length === 1 ? 'project' : projects.length > 1 ? 'list' : 'organization',
    projects,
    organizations,
    filters: NO_FILTERS,
    ...(projects.length > 1 ? { list: projects } : {}),
  };
}
const WATERFALL = 'mainWaterfall';

/** What a turn that begins the dialog has already understood. */
interface MainDialogOptions {
  readonly understanding?: Understanding;
}

/** Called after each answer, for logs and metrics. */
export type AnswerListener = (context: TurnContext, understanding: Understanding) => void;

export class MainDialog extends ComponentDialog {
  constructor(
    /** The understanding and composer in use (they change when the knowledge base is reloaded). */
    private readonly answering: () => Answering,
    private readonly accessors: BotStateAccessors,
    private readonly onAnswer: AnswerListener = () => undefined,
    /** When a reading is sure enough to answer (the understanding scores, the dialog decides). */
    private readonly thresholds: DecisionThresholds = DEFAULT_DECISION_THRESHOLDS,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new ClarifyDialog());
    this.addDialog(new WaterfallDialog(WATERFALL, [this.answerStep.bind(this), this.afterClarifyStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  /**
   * Runs the dialog for one turn: continues a pending clarification, or understands the message
   * and answers it. Most messages are answered at once and need no dialog stack; building one (a
   * dialog set, its contexts and memory scopes) would cost more than the answer, so the stack is
   * only used when a clarification is pending or begins.
   */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const pending = await dialogState.get(context);
    if (pending && pending.dialogStack.length > 0) {
      await this.runDialogs(context, dialogState);
      return;
    }
    const understanding = await this.understandMessage(context, context.activity.text ?? '');
    if (understanding.intent === 'clarify') {
      await this.runDialogs(context, dialogState, { understanding });
      return;
    }
    await this.reply(context, understanding);
  }

  private async runDialogs(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>, options?: MainDialogOptions): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id, options);
  }

  private async answerStep(step: WaterfallStepContext<MainDialogOptions>) {
    // Options are absent when the stack was emptied under our feet (continueDialog found nothing).
    const understanding = (step.options as MainDialogOptions | undefined)?.understanding ?? (await this.understandMessage(step.context, step.context.activity.text ?? ''));
    return this.answerUnderstood(step, understanding);
  }

  private async afterClarifyStep(step: WaterfallStepContext) {
    const result = step.result as ClarifyResult | undefined;
    if (result && 'projectId' in result) {
      const data = await this.accessors.conversationData.get(step.context, {});
      const previous = data.context ?? EMPTY_CONTEXT;
      const chosen: Understanding = {
        language: previous.language ?? 'en',
        languageSource: 'conversation',
        intent: 'project',
        projects: [result.projectId],
        organizations: [],
        facets: [],
        filters: previous.filters ?? NO_FILTERS,
        usedContext: true,
      };
      await this.reply(step.context, chosen);
      return step.endDialog();
    }
    if (result && 'text' in result) return this.answerUnderstood(step, await this.understandMessage(step.context, result.text));
    return step.endDialog();
  }

  /** What a message means, in the conversation's context and the user's language: its best reading, if sure enough. */
  private async understandMessage(context: TurnContext, text: string): Promise<Understanding> {
    const data = await this.accessors.conversationData.get(context, {});
    const profile = await this.accessors.userProfile.get(context, {});
    const locale = context.activity.locale ?? profile.language;
    const focus = focusOfClick(context.activity.value, data.context ?? EMPTY_CONTEXT, this.answering().kb);
    const recognition = this.answering().understander.recognize(text, focus, locale);
    return decide(recognition, this.thresholds);
  }

  private async answerUnderstood(step: WaterfallStepContext, understanding: Understanding) {
    if (understanding.intent === 'clarify') {
      const data = await this.accessors.conversationData.get(step.context, {});
      const profile = await this.accessors.userProfile.get(step.context, {});
      const answer = this.answering().composer.compose(understanding);
      this.remember(data, profile, understanding);
      this.onAnswer(step.context, understanding);
      const options: ClarifyOptions = { question: answerActivity(answer), choices: answer.choices ?? [] };
      return step.beginDialog(CLARIFY_DIALOG, options);
    }
    await this.reply(step.context, understanding);
    return step.endDialog();
  }

  /** Keeps what the next turn needs: the context for follow-ups and the user's language. */
  private remember(data: ConversationData, profile: UserProfile, understanding: Understanding): void {
    data.context = contextAfter(understanding, data.context ?? EMPTY_CONTEXT);
    data.welcomed = true;
    profile.language = understanding.language;
  }

  private async reply(context: TurnContext, understanding: Understanding): Promise<void> {
    const data = await this.accessors.conversationData.get(context, {});
    const profile = await this.accessors.userProfile.get(context, {});
    const { composer } = this.answering();
    if (!data.welcomed && understanding.intent !== 'greeting' && understanding.intent !== 'help') {
      // The first message of a conversation may come without a join event (Teams personal chats).
      await context.sendActivity(MessageFactory.text(composer.wording(understanding.language).t('welcome.short')));
    }
    const feedback = feedbackStyleOf(context.activity.channelId);
    await context.sendActivity(answerActivity(composer.compose(understanding, feedback), feedback));
    this.remember(data, profile, understanding);
    this.onAnswer(context, understanding);
  }
}
