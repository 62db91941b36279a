/**
 * Turns an answer into the Bot Framework activity the user receives: markdown text, the Adaptive
 * Card, and in its channelData the record of what the reply presents (read by the terminal chat,
 * tests, logs and feedback). channelData is carried as it is by the Bot Connector, where custom
 * entity fields would be dropped; channels ignore keys they do not know.
 */
import { ActivityTypes, CardFactory, Channels, type Activity } from 'botbuilder';
import type { Answer, AnswerRecord } from '../answers/answer';
import { isRated, type FeedbackStyle } from '../answers/compose';

export const ANSWER_RECORD_KEY = 'coopPartnersAnswer';

/**
 * How answers are rated on a channel: Teams (and the Agents Playground, which says it is Teams)
 * draws its own thumbs under a bot message whose channelData enables the feedback loop, and sends
 * the vote as a `message/submitAction` invoke; elsewhere (Web Chat) the card carries the thumbs.
 */
export function feedbackStyleOf(channelId: string | undefined): FeedbackStyle {
  return channelId === Channels.Msteams ? 'native' : 'card';
}

/**
 * The activity of an answer. With native feedback, a rated answer enables Teams' feedback loop
 * (`feedbackLoopEnabled`, the form Teams and the Agents Playground both read; the newer
 * `feedbackLoop` object must not be sent beside it).
 */
export function answerActivity(answer: Answer, feedback: FeedbackStyle = 'card'): Partial<Activity> {
  const nativeFeedback = feedback === 'native' && isRated(answer.record);
  return {
    type: ActivityTypes.Message,
    text: answer.text,
    textFormat: 'markdown',
    locale: answer.record.language,
    attachments: answer.card ? [CardFactory.adaptiveCard(answer.card)] : [],
    channelData: { [ANSWER_RECORD_KEY]: answer.record, ...(nativeFeedback ? { feedbackLoopEnabled: true } : {}) },
  };
}

/** The answer record of a reply, when it carries one. */
export function answerRecordOf(activity: Partial<Activity>): AnswerRecord | undefined {
  const channelData: unknown = activity.channelData;
  if (!channelData || typeof channelData !== 'object') return undefined;
  const record = (channelData as Record<string, unknown>)[ANSWER_RECORD_KEY];
  if (!record || typeof record !== 'object') return undefined;
  const { language, intent, projects, organizations, videos, confidence, meta } = record as AnswerRecord;
  return { language, intent, projects, organizations, videos, ...(typeof confidence === 'number' ? { confidence } : {}), ...(typeof meta === 'string' ? { meta } : {}) };
}
