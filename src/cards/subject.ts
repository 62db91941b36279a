/**
 * Stamps a card's follow-up buttons with the ids the card presents (`data.subject`), next to their
 * question: a click then says which projects and organizations it is about, whatever its words.
 * Feedback buttons carry their own ids and are left as they are.
 */
import type { AdaptiveCard, CardAction, CardElement, CardSubject, Column, SubmitAction } from './adaptiveCard';

function stampAction<T extends CardAction>(action: T, subject: CardSubject): T {
  if (action.type !== 'Action.Submit' || !('question' in action.data)) return action;
  const data = { question: action.data.question, subject: { projects: [...subject.projects], organizations: [...subject.organizations] } };
  return { ...action, data };
}

const stampSelect = (action: SubmitAction | undefined, subject: CardSubject) => (action ? { selectAction: stampAction(action, subject) } : {});

function stampColumn(column: Column, subject: CardSubject): Column {
  return { ...column, items: column.items.map((item) => stampElement(item, subject)), ...stampSelect(column.selectAction, subject) };
}

function stampElement(element: CardElement, subject: CardSubject): CardElement {
  switch (element.type) {
    case 'Container':
      return { ...element, items: element.items.map((item) => stampElement(item, subject)), ...stampSelect(element.selectAction, subject) };
    case 'ColumnSet':
      return { ...element, columns: element.columns.map((column) => stampColumn(column, subject)) };
    case 'ActionSet':
      return { ...element, actions: element.actions.map((action) => stampAction(action, subject)) };
    default:
      return element;
  }
}

export function withSubject(card: AdaptiveCard, subject: CardSubject): AdaptiveCard {
  return {
    ...card,
    body: card.body.map((element) => stampElement(element, subject)),
    ...(card.actions ? { actions: card.actions.map((action) => stampAction(action, subject)) } : {}),
  };
}
