/**
 * Turns an answer into the Bot Framework activity the user receives: markdown text, the Adaptive
 * Card, and in its channelData the record of what the reply presents (read by the terminal chat,
 * tests, logs and feedback). channelData is carried as it is by the Bot Connector, where custom
 * entity fields would be dropped; channels ignore keys they do not know.
 */
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Answer, AnswerRecord } from '../answers/answer';

export const ANSWER_RECORD_KEY = 'coopPartnersAnswer';

export function answerActivity(answer: Answer): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: answer.text,
    textFormat: 'markdown',
    locale: answer.record.language,
    attachments: answer.card ? [CardFactory.adaptiveCard(answer.card)] : [],
    channelData: { [ANSWER_RECORD_KEY]: answer.record },
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
