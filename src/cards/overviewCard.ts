/** The card of the partnership as a whole: summary, combined experience, countries, funders. */
import { joinList, type Wording } from '../answers/wording';
import { ask, bullets, card, facts, text, title, type AdaptiveCard } from './adaptiveCard';

export function overviewCard(w: Wording): AdaptiveCard {
  const overview = w.kb.overview;
  return card(
    [
      title(overview.title[w.language]),
      text(overview.summary[w.language]),
      facts([
        [w.t('card.combinedExperience'), w.t('card.combinedExperienceValue', { years: overview.combinedExperienceYears })],
        [w.t('card.countries'), w.t('card.countriesValue', { count: overview.approximateCountries })],
        [w.t('card.funders'), joinList(overview.funders.map((funder) => funder[w.language]), w.language)],
        [w.t('card.projectsInGuide'), String(w.kb.projects.length)],
      ]),
      bullets(overview.facts.map((fact) => fact[w.language])),
    ],
    [
      ...w.kb.organizations.map((organization) => ask(w.t('suggestion.profile', { acronym: organization.acronym }))),
      ask(w.t('suggestion.allProjects')),
    ],
  );
}
