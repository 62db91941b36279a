/**
 * Renders an Adaptive Card as plain text: for the terminal chat, the evaluation's answers and
 * channels that cannot show cards.
 */
import type { AdaptiveCard, CardAction, CardElement } from './adaptiveCard';
import { FEEDBACK_BLOCK_ID } from './feedbackBlock';

function actionLine(action: CardAction): string {
  return action.type === 'Action.OpenUrl' ? `[${action.title}] ${action.url}` : `[${action.title}]`;
}

function elementLines(element: CardElement): string[] {
  switch (element.type) {
    case 'TextBlock':
      return [element.text];
    case 'Container':
      // Feedback buttons mean nothing where a card cannot be shown.
      return element.id === FEEDBACK_BLOCK_ID ? [] : element.items.flatMap(elementLines);
    case 'ColumnSet':
      return element.columns.flatMap((column) => column.items.flatMap(elementLines));
    case 'ActionSet':
      return element.actions.map(actionLine);
  }
}

export function flattenCard(card: AdaptiveCard): string {
  return [...card.body.flatMap(elementLines), ...(card.actions ?? []).map(actionLine)].join('\n');
}
