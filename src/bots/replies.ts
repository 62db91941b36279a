/**
 * Turns an answer into the Bot Framework activity the user receives: markdown text, the Adaptive
 * Card, and an entity that records what the reply presents (read by the terminal chat, the logs
 * and the feedback store; channels ignore entity types they do not know).
 */
import { ActivityTypes, CardFactory, type Activity, type Entity } from 'botbuilder';
import type { Answer, AnswerRecord } from '../answers/answer';

export const ANSWER_ENTITY_TYPE = 'https://coop-partners-bot/answer';

export interface AnswerEntity extends Entity, AnswerRecord {
  type: typeof ANSWER_ENTITY_TYPE;
}

export function answerActivity(answer: Answer): Partial<Activity> {
  const entity: AnswerEntity = { type: ANSWER_ENTITY_TYPE, ...answer.record };
  return {
    type: ActivityTypes.Message,
    text: answer.text,
    textFormat: 'markdown',
    locale: answer.record.language,
    attachments: answer.card ? [CardFactory.adaptiveCard(answer.card)] : [],
    entities: [entity],
  };
}

/** The answer record of a reply, when it carries one. */
export function answerRecordOf(activity: Partial<Activity>): AnswerRecord | undefined {
  const entity = activity.entities?.find((e) => e.type === ANSWER_ENTITY_TYPE) as AnswerEntity | undefined;
  if (!entity) return undefined;
  const { language, intent, projects, organizations, videos } = entity;
  return { language, intent, projects, organizations, videos };
}
