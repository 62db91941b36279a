/** The card that shows what the bot can do, with example questions as buttons. */
import type { Wording } from '../answers/wording';
import { ask, card, text, type AdaptiveCard } from './adaptiveCard';

const EXAMPLES = ['country', 'organization', 'sector', 'video', 'overview'] as const;

export function helpCard(w: Wording, intro: string): AdaptiveCard {
  return card(
    [text(intro), text(w.t('help.topics')), text(w.t('help.languages'), { isSubtle: true })],
    // Short labels (a phone's button holds about 25 characters at 320 px), sending the whole question.
    EXAMPLES.map((example) => ask(w.t(`exampleLabels.${example}`), w.t(`examples.${example}`))),
  );
}
