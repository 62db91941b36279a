/**
 * The Co-op Partners bot: a (Teams) ActivityHandler that welcomes new members, reads questions (typed,
 * or sent by a card button), keeps messages within limits, and hands them to the main dialog.
 * State is saved by the turn's runner (src/bots/turnRunner.ts), once the turn has succeeded.
 */
import { MessageFactory, StatusCodes, TeamsActivityHandler, type InvokeResponse, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../../dialogs/mainDialog';
import type { Answering } from '../answering';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptiveCard';
import type { FeedbackStore } from '../feedback/feedbackStore';
import { feedbackOf } from '../feedback/vote';
import { cleanMessage } from '../understanding/normalize';
import { languageOfLocale } from '../understanding/resolve';
import { searchRequestOf, searchResult } from './messagingExtension';
import { answerActivity } from './replies';
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

export class PartnersBot extends TeamsActivityHandler {
  /** `answering` gives the composer in use (it changes when the knowledge base is reloaded). */
  constructor(
    dialog: MainDialog,
    accessors: BotStateAccessors,
    private readonly answering: () => Answering,
    feedback: FeedbackStore,
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
    const response = await super.onInvokeActivity(context);
    return response.status === StatusCodes.NOT_IMPLEMENTED ? unsupported : response;
  }
}
