/** The card of a clarifying question: one button per project that fits. */
import type { Choice } from '../answers/answer';
import { ask, card, text, type AdaptiveCard } from './adaptiveCard';

export function clarifyCard(prompt: string, choices: readonly Choice[]): AdaptiveCard {
  return card([text(prompt, { weight: 'Bolder' })], choices.map((choice) => ask(choice.title)));
}
