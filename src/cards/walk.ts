/** Every element and every action of a card, wherever it sits (containers, columns, action sets, select actions). */
import type { AdaptiveCard, CardAction, CardElement } from './adaptiveCard';

/** The element and the elements inside it, in reading order. */
export function elementsOf(element: CardElement): CardElement[] {
  switch (element.type) {
    case 'Container':
      return [element, ...element.items.flatMap(elementsOf)];
    case 'ColumnSet':
      return [element, ...element.columns.flatMap((column) => column.items.flatMap(elementsOf))];
    default:
      return [element];
  }
}

function actionsIn(element: CardElement): CardAction[] {
  switch (element.type) {
    case 'Container':
      return element.selectAction ? [element.selectAction] : [];
    case 'ColumnSet':
      return element.columns.flatMap((column) => (column.selectAction ? [column.selectAction] : []));
    case 'ActionSet':
      return [...element.actions];
    default:
      return [];
  }
}

/** Every action of the card: in its body first, then at its foot. */
export function cardActions(card: AdaptiveCard): CardAction[] {
  return [...card.body.flatMap(elementsOf).flatMap(actionsIn), ...(card.actions ?? [])];
}
