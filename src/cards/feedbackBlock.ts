/**
 * The thumbs up / thumbs down row at the foot of an answer card: one small line, the question and
 * two tappable thumbs (columns with a select action, not full-width buttons). They are plain
 * Action.Submit (as every button of the bot's cards, see adaptiveCard.ts) sending the rating with
 * the ids the answer presented, so that a vote can be recorded without keeping the answer.
 */
import type { AnswerRecord } from '../answers/answer';
import type { Translate } from '../i18n';
import type { ActionSet, AdaptiveCard, Column, Container, FeedbackData, SubmitAction } from './adaptiveCard';

/** The id of the block, which flatten.ts leaves out of plain-text renderings. */
export const FEEDBACK_BLOCK_ID = 'feedback';

/** A rating button: plain Action.Submit data, since any msteams key crashes the Agents Playground's renderer. */
function vote(label: string, tooltip: string, rating: FeedbackData['feedback'], record: AnswerRecord): SubmitAction {
  const answer = { intent: record.intent, language: record.language, projects: [...record.projects], organizations: [...record.organizations] };
  return { type: 'Action.Submit', title: label, tooltip, data: { feedback: rating, answer } };
}

/** A thumb: its label as small text, the whole column tappable. */
function thumb(action: SubmitAction): Column {
  return {
    type: 'Column',
    width: 'auto',
    verticalContentAlignment: 'Center',
    selectAction: action,
    items: [{ type: 'TextBlock', text: action.title, wrap: true, size: 'Small', color: 'Accent' }],
  };
}

function feedbackBlock(record: AnswerRecord, t: Translate): Container {
  return {
    type: 'Container',
    id: FEEDBACK_BLOCK_ID,
    separator: true,
    spacing: 'Medium',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [{ type: 'TextBlock', text: t('feedback.prompt'), wrap: true, isSubtle: true, size: 'Small' }] },
          thumb(vote(t('feedback.up'), t('feedback.upTooltip'), 'up', record)),
          thumb(vote(t('feedback.down'), t('feedback.downTooltip'), 'down', record)),
        ],
      },
    ],
  };
}

/**
 * The card with the feedback row as its last row: its actions move into the body (a card's own
 * actions are drawn below the whole body), so that the buttons asked for come before the thumbs.
 */
export function withFeedback(card: AdaptiveCard, record: AnswerRecord, t: Translate): AdaptiveCard {
  const { actions, ...rest } = card;
  const actionSet: ActionSet[] = actions?.length ? [{ type: 'ActionSet', actions }] : [];
  return { ...rest, body: [...card.body, ...actionSet, feedbackBlock(record, t)] };
}
