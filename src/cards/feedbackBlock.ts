/**
 * The thumbs up / thumbs down block at the foot of an answer card. Its buttons are plain
 * Action.Submit (as every button of the bot's cards, see adaptiveCard.ts) sending the rating with
 * the ids the answer presented, so that a vote can be recorded without keeping the answer.
 */
import type { AnswerRecord } from '../answers/answer';
import type { Translate } from '../i18n';
import type { AdaptiveCard, Container, FeedbackData, SubmitAction } from './adaptiveCard';

/** The id of the block, which flatten.ts leaves out of plain-text renderings. */
export const FEEDBACK_BLOCK_ID = 'feedback';

/** A rating button: plain Action.Submit data, since any msteams key crashes the Agents Playground's renderer. */
function vote(label: string, tooltip: string, rating: FeedbackData['feedback'], record: AnswerRecord): SubmitAction {
  const answer = { intent: record.intent, language: record.language, projects: [...record.projects], organizations: [...record.organizations] };
  return { type: 'Action.Submit', title: label, tooltip, data: { feedback: rating, answer } };
}

function feedbackBlock(record: AnswerRecord, t: Translate): Container {
  return {
    type: 'Container',
    id: FEEDBACK_BLOCK_ID,
    separator: true,
    items: [
      { type: 'TextBlock', text: t('feedback.prompt'), wrap: true, isSubtle: true, size: 'Small' },
      { type: 'ActionSet', actions: [vote(t('feedback.up'), t('feedback.upTooltip'), 'up', record), vote(t('feedback.down'), t('feedback.downTooltip'), 'down', record)] },
    ],
  };
}

/** The card with the feedback block added at its foot. */
export function withFeedback(card: AdaptiveCard, record: AnswerRecord, t: Translate): AdaptiveCard {
  return { ...card, body: [...card.body, feedbackBlock(record, t)] };
}
