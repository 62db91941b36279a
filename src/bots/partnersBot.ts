/**
 * The Co-op Partners bot: a (Teams) ActivityHandler that welcomes new members, reads questions (typed,
 * or sent by a card button), keeps messages within limits, and hands them to the main dialog.
 * State is saved by the turn's runner (src/bots/turnRunner.ts), once the turn has succeeded.
 */
import { MessageFactory, StatusCodes, TeamsActivityHandler, type Activity, type InvokeResponse, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../../dialogs/mainDialog';
import type { Answering } from '../answering';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptiveCard';
import type { FeedbackStore, RatedReply } from '../feedback/feedbackStore';
import { FEEDBACK_INVOKE_NAME, nativeFeedbackOf } from '../feedback/nativeFeedback';
import { feedbackOf, voteOf } from '../feedback/vote';
import { cleanMessage } from '../understanding/normalize';
import { languageOfLocale } from '../understanding/resolve';
import { searchRequestOf, searchResult } from './messagingExtension';
import { answerActivity, answerRecordOf, feedbackStyleOf } from './replies';
import type { BotStateAccessors } from './state';

export interface BotLimits {
  /** Longest message text the bot reads; longer ones get a polite refusal. */
  readonly maxTextLength: number;
}

export const DEFAULT_LIMITS: BotLimits = { maxTextLength: 2000 };

/** The event the web chat page sends when it has connected. */
export const WEB_CHAT_JOIN_EVENT = 'webchat/join';

/**
 * The question a message carries: the `question` of a card button's data when there is one (some
 * clients also fill in a text on a submit), else the typed text.
 */
export function questionOf(context: TurnContext): string {
  const { text, value } = context.activity;
  if (value && typeof value === 'object' && typeof (value as { question?: unknown }).question === 'string') {
    return (value as { question: string }).question;
  }
  return typeof text === 'string' ? text : '';
}

/**
 * True for a message that only shares an Adaptive Card: a card inserted from the message extension
 * and sent to the bot's chat arrives with the card and, as text, nothing but Teams markup (a
 * mention, the compose box's card placeholder). It is not a question, so it gets no reply.
 */
export function sharesCardOnly(context: TurnContext, question: string): boolean {
  const attachments = context.activity.attachments ?? [];
  return attachments.some((a) => a?.contentType === ADAPTIVE_CARD_CONTENT_TYPE) && cleanMessage(question) === '';
}

/** Marks a turn whose sent rated replies are already being remembered (a turn may run more than once). */
const REMEMBERING_REPLIES = Symbol('remembering the rated replies of this turn');

/** True when a message was sent with Teams' feedback loop on (see replies.ts). */
function hasFeedbackLoop(activity: Partial<Activity>): boolean {
  const channelData: unknown = activity.channelData;
  return typeof channelData === 'object' && channelData !== null && (channelData as { feedbackLoopEnabled?: unknown }).feedbackLoopEnabled === true;
}

export class PartnersBot extends TeamsActivityHandler {
  /** `answering` gives the composer in use (it changes when the knowledge base is reloaded). */
  constructor(
    dialog: MainDialog,
    accessors: BotStateAccessors,
    private readonly answering: () => Answering,
    private readonly feedback: FeedbackStore,
    limits: BotLimits = DEFAULT_LIMITS,
  ) {
    super();

    this.onMessage(async (context, next) => {
      const conversation = await accessors.conversationData.get(context, {});
      conversation.turns = (conversation.turns ?? 0) + 1;
      const question = questionOf(context);
      const profile = await accessors.userProfile.get(context, {});
      const language = profile.language ?? languageOfLocale(context.activity.locale) ?? 'en';
      const t = answering().composer.wording(language).t;
      // A thumbs up or down on an answer: thanked, recorded when well formed (see feedbackOf),
      // and never read as a question, so the follow-up context stays on the answer rated.
      const submission = feedbackOf(context.activity.value, answering().kb);
      if (submission) {
        const { channelId, conversation: { id: conversationId }, replyToId } = context.activity;
        if (submission.vote) {
          await feedback.record(submission.vote, { channelId, conversationId, ...(typeof replyToId === 'string' && replyToId ? { replyToId } : {}) });
        }
        const thanksLanguage = submission.language ?? language;
        const thanks = MessageFactory.text(answering().composer.wording(thanksLanguage).t('feedback.thanks'));
        thanks.locale = thanksLanguage;
        await context.sendActivity(thanks);
      } else if (question.length > limits.maxTextLength) {
        // Before anything reads the text (even the card check below normalizes it): the length
        // cap is what bounds the work a message can cost.
        await context.sendActivity(t('error.tooLong', { length: question.length, max: limits.maxTextLength }));
      } else if (sharesCardOnly(context, question)) {
        // Nothing to answer (see sharesCardOnly).
      } else if (!question.trim() && (context.activity.attachments?.length ?? 0) > 0) {
        await context.sendActivity(t('error.attachmentsOnly'));
      } else {
        context.activity.text = question;
        await dialog.run(context, accessors.dialogState);
      }
      await next();
    });

    // The web chat page asks for the welcome once connected, with the reader's locale.
    this.onEvent(async (context, next) => {
      if (context.activity.name === WEB_CHAT_JOIN_EVENT) {
        const value = context.activity.value as { locale?: unknown } | undefined;
        const locale = typeof value?.locale === 'string' ? value.locale : context.activity.locale;
        await context.sendActivity(answerActivity(answering().composer.welcome(languageOfLocale(locale) ?? 'en')));
        const data = await accessors.conversationData.get(context, {});
        data.welcomed = true;
      }
      await next();
    });

    // One welcome a turn, however many members joined: a conversationUpdate listing thousands of
    // members must not become thousands of replies.
    this.onMembersAdded(async (context, next) => {
      const language = languageOfLocale(context.activity.locale) ?? 'en';
      const someoneElse = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id);
      if (someoneElse) {
        await context.sendActivity(answerActivity(answering().composer.welcome(language)));
        const data = await accessors.conversationData.get(context, {});
        data.welcomed = true;
      }
      await next();
    });
  }


  /**
   * Where the client rates answers natively (Teams), remembers which answer each rated message was,
   * under the id the channel gave it: the client's vote names only that id (see onNativeFeedback).
   * The ids are known once the replies have left, after the turn's state is saved.
   */
  override async run(context: TurnContext): Promise<void> {
    if (feedbackStyleOf(context.activity.channelId) === 'native' && !context.turnState.get(REMEMBERING_REPLIES)) {
      context.turnState.set(REMEMBERING_REPLIES, true);
      context.onSendActivities(async (_context, activities, next) => {
        const responses = await next();
        const rated = activities.flatMap((activity, index): RatedReply[] => {
          const record = answerRecordOf(activity);
          const id = responses?.[index]?.id;
          if (!record || !id || !hasFeedbackLoop(activity)) return [];
          return [{ id, answer: { intent: record.intent, language: record.language, projects: [...record.projects], organizations: [...record.organizations] } }];
        });
        if (rated.length) await this.feedback.rememberReplies({ channelId: context.activity.channelId, conversationId: context.activity.conversation.id }, rated);
        return responses;
      });
    }
    await super.run(context);
  }

  /**
   * Teams' native thumbs (message/submitAction, actionName 'feedback'): the vote is recorded like a
   * card's, for the answer the rated message was, and the invoke answered 200 (the client then
   * thanks the user). A vote on a message the bot does not remember (too old, or a client that
   * sends no replyToId, as the Agents Playground) is answered 200 too, but cannot be recorded.
   * The user's comment is not stored: the feedback store keeps no user text.
   */
  private async onNativeFeedback(context: TurnContext): Promise<InvokeResponse> {
    const submitted = nativeFeedbackOf(context.activity.value);
    const { channelId, conversation, replyToId } = context.activity;
    // A forged invoke may lack a conversation: the caller's mistake, not a failed turn.
    const conversationId: unknown = conversation?.id;
    if (!submitted || typeof conversationId !== 'string') return { status: StatusCodes.BAD_REQUEST, body: { error: 'this is not a feedback submission' } };
    const place = { channelId, conversationId };
    const answer = typeof replyToId === 'string' ? await this.feedback.ratedReply(place, replyToId) : undefined;
    const vote = answer ? voteOf({ feedback: submitted.rating, answer }, this.answering().kb) : undefined;
    if (vote && replyToId) await this.feedback.record(vote, { ...place, replyToId });
    return { status: StatusCodes.OK, body: {} };
  }

  /** Teams' compose-box search: the projects a query points at, as insertable cards, in the invoke's locale. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const language = languageOfLocale(context.activity.locale) ?? 'en';
    return { composeExtension: searchResult(this.answering(), searchRequestOf(query), language) };
  }

  /**
   * Invokes the bot does not handle get a 400 instead of Bot Framework's 501: an unknown or
   * malformed invoke is the caller's mistake, and the service answers no 5xx to bad input.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const unsupported: InvokeResponse = { status: StatusCodes.BAD_REQUEST, body: { error: 'this invoke is not supported' } };
    if (typeof context.activity.name !== 'string' || !context.activity.name) return unsupported;
    if (context.activity.name === FEEDBACK_INVOKE_NAME) return this.onNativeFeedback(context);
    const response = await super.onInvokeActivity(context);
    return response.status === StatusCodes.NOT_IMPLEMENTED ? unsupported : response;
  }
}
