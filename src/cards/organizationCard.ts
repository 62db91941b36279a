/**
 * The cards of an organization: its whole profile (who it is, its figures, its website, its
 * projects), or a compact card beside the answer to one fact of it (its website, its start in
 * the region) with the button asked for first.
 */
import type { Organization } from '../knowledge/schema';
import type { Facet } from '../understanding/types';
import { organizationShortInSentence, someProjectTitles, type Wording } from '../answers/wording';
import { ask, bullets, card, facts, openUrl, subtitle, text, title, type AdaptiveCard, type CardAction } from './adaptiveCard';

function organizationFollowUps(w: Wording, organization: Organization): CardAction[] {
  const projects = w.kb.projectsBy('lead', organization.id);
  return [...(projects.length ? [ask(w.t('suggestion.projectsOf', { acronym: organizationShortInSentence(w, organization.id) }))] : []), ask(w.t('suggestion.overview'))];
}

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
    [openUrl(w.t('card.website'), organization.website), ...organizationFollowUps(w, organization)],
  );
}

export function compactOrganizationCard(w: Wording, organization: Organization, facets: readonly Facet[]): AdaptiveCard {
  const website = openUrl(w.t('card.website'), organization.website);
  const profile = ask(w.t('card.wholeProfile'), w.t('suggestion.profile', { acronym: organizationShortInSentence(w, organization.id) }));
  return card(
    [title(`${organization.name[w.language]} (${organization.acronym})`), subtitle(w.t('card.organizationLine'))],
    [...(facets.includes('website') ? [website, profile] : [profile, website]), ...organizationFollowUps(w, organization)],
  );
}
