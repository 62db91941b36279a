/**
 * The cards of the partnership as a whole: summary, combined experience, countries, funders; or a
 * compact card beside the answer to who funds it.
 */
import { capitalize } from '../answers/grammar';
import { joinList, organizationShortInSentence, type Wording } from '../answers/wording';
import { ask, bullets, card, facts, subtitle, text, title, type AdaptiveCard, type CardAction } from './adaptiveCard';

function profileActions(w: Wording): CardAction[] {
  return w.kb.organizations.map((organization) => ask(w.t('suggestion.profile', { acronym: organizationShortInSentence(w, organization.id) })));
}

export function overviewCard(w: Wording): AdaptiveCard {
  const overview = w.kb.overview;
  return card(
    [
      title(overview.title[w.language]),
      text(overview.summary[w.language]),
      facts([
        [w.t('card.combinedExperience'), w.t('card.combinedExperienceValue', { years: overview.combinedExperienceYears })],
        [w.t('card.countries'), w.t('card.countriesValue', { count: overview.approximateCountries })],
        [w.t('card.funders'), capitalize(joinList(overview.funders.map((funder) => funder[w.language]), w.language))],
        [w.t('card.projectsInGuide'), String(w.kb.projects.length)],
      ]),
      bullets(overview.facts.map((fact) => fact[w.language])),
    ],
    [ask(w.t('suggestion.allProjects')), ...profileActions(w)],
  );
}

export function compactOverviewCard(w: Wording): AdaptiveCard {
  const overview = w.kb.overview;
  return card(
    [title(overview.title[w.language]), subtitle(w.t('card.overviewLine', { years: overview.combinedExperienceYears, count: overview.approximateCountries }))],
    [ask(w.t('card.wholeOverview'), w.t('suggestion.overview')), ask(w.t('suggestion.allProjects')), ...profileActions(w)],
  );
}
