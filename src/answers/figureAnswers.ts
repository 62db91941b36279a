/**
 * The sentences that give an organization's figures, one template a field of data/ ("DID has
 * worked with developing and emerging countries for more than 45 years", "The CCA's international
 * development program has been running for more than 40 years"), and an honest "the guide does not
 * give it" followed by what the guide does give in its place.
 */
import { organizationFigures, type CombinedFigure, type FigureValue, type OrganizationFigures } from '../knowledge/figures';
import { amountOf, organizationShortInSentence, placesOf, type Wording } from './wording';

/** One figure in a sentence; `alongside` is said with it (the countries of the organizations supported). */
function valueLine(w: Wording, organizationId: string, value: FigureValue, alongside: readonly FigureValue[]): string {
  const organization = organizationShortInSentence(w, organizationId);
  switch (value.field) {
    case 'founded':
      return w.t('figure.founded', { organization, year: value.year });
    case 'activeInLatinAmericaSince':
      return w.t('organization.since', { acronym: organization, year: value.year });
    case 'activeInCountriesSince':
      return w.t('figure.activeInCountriesSince', { organization, place: placesOf(w, [value.country]), year: value.year });
    case 'organizationsSupported': {
      const countries = alongside.find((other) => other.field === 'developingCountries');
      if (countries?.field !== 'developingCountries') return w.t('figure.organizationsSupported', { organization, ...amountOf(w, value.quantity) });
      const where = w.t('figure.inDevelopingCountries', amountOf(w, countries.quantity));
      return w.t('figure.organizationsSupportedIn', { organization, where, ...amountOf(w, value.quantity) });
    }
    default:
      return w.t(`figure.${value.field}`, { organization, ...amountOf(w, value.quantity) });
  }
}

/** "The guide does not say since when the CCA has been active in Latin America." */
function notGivenLine(w: Wording, figures: OrganizationFigures, countries: readonly string[]): string {
  const organization = organizationShortInSentence(w, figures.organization);
  const key = `figure.notGiven.${figures.figure}`;
  if (figures.figure !== 'active-in-country-since') return w.t(key, { organization });
  return countries.length ? w.t(key, { organization, places: placesOf(w, countries) }) : w.t(key, { organization, context: 'anywhere' });
}

/** The sentences of one organization's figure: what the guide gives, or that it does not and what it gives instead. */
export function figureLines(w: Wording, figures: OrganizationFigures): string[] {
  const given = figures.values.map((value) => valueLine(w, figures.organization, value, figures.related));
  if (figures.values.length === 0) {
    const instead = figures.related.map((value) => valueLine(w, figures.organization, value, []));
    return [notGivenLine(w, figures, figures.countriesNotGiven), ...(instead.length ? [w.t('figure.instead'), ...instead] : [])];
  }
  return figures.countriesNotGiven.length ? [...given, notGivenLine(w, figures, figures.countriesNotGiven)] : given;
}

/** "Together, DID, SOCODEVI and the CCA count 100 years of experience in Latin America." */
export function combinedLine(w: Wording, combined: CombinedFigure): string {
  const organizations = w.kb.organizations.map((organization) => organizationShortInSentence(w, organization.id));
  return w.t(`figure.${combined.field}`, { organizations, ...amountOf(w, combined.quantity) });
}

/**
 * Since when an organization has been in countries, where the guide dates it ("DID has been
 * active in Haiti since 1987"): in the countries given, or every one it dates when none is. The
 * countries given that it does not date are said so only when `sayMissing` (a question about
 * them), not beside another answer.
 */
export function presenceLines(w: Wording, organization: string, countries: readonly string[], sayMissing: boolean): string[] {
  const [presence] = organizationFigures(w.kb, [organization], 'active-in-country-since', countries);
  if (!presence || (!presence.values.length && !sayMissing)) return [];
  if (!sayMissing) return presence.values.map((value) => valueLine(w, organization, value, []));
  if (!presence.values.length && !countries.length) return [];
  return figureLines(w, { ...presence, related: [] });
}
