/** The card of an organization's profile: who it is, its figures, its website, its projects. */
import type { Organization } from '../knowledge/schema';
import { someProjectTitles, type Wording } from '../answers/wording';
import { ask, bullets, card, facts, openUrl, text, title, type AdaptiveCard } from './adaptiveCard';

export function organizationCard(w: Wording, organization: Organization): AdaptiveCard {
  const projects = w.kb.projectsBy('lead', organization.id);
  return card(
    [
      title(`${organization.name[w.language]} (${organization.acronym})`),
      text(organization.profile[w.language]),
      facts([
        [w.t('card.activeSince'), organization.activeInLatinAmericaSince?.toString()],
        [w.t('card.countriesInRegion'), organization.countriesInLatinAmerica?.toString()],
        [w.t('card.website'), organization.website],
        [w.t('card.projectsInGuide'), projects.length ? someProjectTitles(w, projects) : w.t('card.none')],
      ]),
      text(w.t('card.keyFacts'), { weight: 'Bolder', spacing: 'Medium' }),
      bullets(organization.facts.map((fact) => fact[w.language])),
    ],
    [
      openUrl(w.t('card.website'), organization.website),
      ...(projects.length ? [ask(w.t('suggestion.projectsOf', { acronym: organization.acronym }))] : []),
      ask(w.t('suggestion.overview')),
    ],
  );
}
