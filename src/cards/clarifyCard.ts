/**
 * The card of a clarifying question: one button per project that fits, labelled with the
 * project's short name (a full title is cut on a phone) and sending its title. The question
 * itself is the reply's text, not repeated on the card.
 */
import type { Choice } from '../answers/answer';
import { ask, card, type AdaptiveCard } from './adaptiveCard';

export function clarifyCard(choices: ReadonlyArray<Choice & { readonly label: string }>): AdaptiveCard {
  return card([], choices.map((choice) => ask(choice.label, choice.title)));
}
