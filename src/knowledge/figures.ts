/**
 * The figures the guide gives of an organization (its years of work, its countries, the
 * organizations it has supported...), read from the structured fields of data/organizations.yaml,
 * and the partnership's combined figures from data/overview.yaml. A figure the guide does not give
 * comes back empty, with the organization's closest figures, so that an answer says "not given"
 * and what the guide does say instead.
 */
import type { KnowledgeBase } from './knowledgeBase';
import type { Organization, Quantity } from './schema';

/** The figures the guide gives of an organization or of the partnership as a whole. */
export type OrganizationFigure =
  | 'years-of-experience'
  | 'active-in-latin-america-since'
  | 'countries-in-latin-america'
  | 'countries-worldwide'
  | 'organizations-supported'
  | 'people-reached'
  | 'founded'
  /** Since when it has worked in a given country ("DID in Haiti since 1987"). */
  | 'active-in-country-since';

/** Every figure, in the order a profile gives them: from its founding to what its work has reached. */
export const ORGANIZATION_FIGURES: readonly OrganizationFigure[] = [
  'founded',
  'years-of-experience',
  'active-in-latin-america-since',
  'active-in-country-since',
  'countries-in-latin-america',
  'countries-worldwide',
  'organizations-supported',
  'people-reached',
];

/** Fields of an organization that hold a number. */
export type QuantityField = 'yearsWithDevelopingCountries' | 'internationalProgramYears' | 'countriesInLatinAmerica' | 'developingCountries' | 'organizationsSupported' | 'peopleReached';
/** Fields of an organization that hold a year. */
export type YearField = 'founded' | 'activeInLatinAmericaSince';
export type FigureField = QuantityField | YearField | 'activeInCountriesSince';

/** One figure as the guide gives it, named by the field it comes from (an answer words each field its own way). */
export type FigureValue =
  | { readonly field: QuantityField; readonly quantity: Quantity }
  | { readonly field: YearField; readonly year: number }
  | { readonly field: 'activeInCountriesSince'; readonly country: string; readonly year: number };

export interface OrganizationFigures {
  readonly organization: string;
  readonly figure: OrganizationFigure;
  /** What the guide gives of the figure; empty when it says nothing of it. */
  readonly values: readonly FigureValue[];
  /**
   * The organization's figures that go with this one: beside it when it is given (the countries
   * of the organizations supported), in its place when it is not (its founding year for its
   * years of experience).
   */
  readonly related: readonly FigureValue[];
  /** For `active-in-country-since`: the countries asked about that the guide gives no year for. */
  readonly countriesNotGiven: readonly string[];
}

/** A figure of the three organizations together (from the overview). */
export interface CombinedFigure {
  readonly field: 'combinedExperienceYears' | 'approximateCountries';
  readonly quantity: Quantity;
}

/** Where each figure is held: an organization may hold it in one field or another (its years with developing countries, or its program's). */
const FIELDS_OF: Readonly<Record<OrganizationFigure, readonly FigureField[]>> = {
  'years-of-experience': ['yearsWithDevelopingCountries', 'internationalProgramYears'],
  'active-in-latin-america-since': ['activeInLatinAmericaSince'],
  'countries-in-latin-america': ['countriesInLatinAmerica'],
  'countries-worldwide': ['developingCountries'],
  'organizations-supported': ['organizationsSupported'],
  'people-reached': ['peopleReached'],
  founded: ['founded'],
  'active-in-country-since': ['activeInCountriesSince'],
};

/** What is said beside a figure that is given: the countries where the organizations were supported. */
const ALONGSIDE: Readonly<Partial<Record<OrganizationFigure, readonly FigureField[]>>> = {
  'organizations-supported': ['developingCountries'],
};

/** What is said in place of a figure the guide does not give: the closest figures it does give. */
const INSTEAD: Readonly<Record<OrganizationFigure, readonly FigureField[]>> = {
  'years-of-experience': ['founded', 'activeInLatinAmericaSince'],
  'active-in-latin-america-since': ['yearsWithDevelopingCountries', 'internationalProgramYears'],
  'countries-in-latin-america': ['developingCountries'],
  'countries-worldwide': ['countriesInLatinAmerica'],
  'organizations-supported': [],
  'people-reached': [],
  founded: ['activeInLatinAmericaSince', 'yearsWithDevelopingCountries', 'internationalProgramYears'],
  'active-in-country-since': ['activeInLatinAmericaSince'],
};

/** The partnership's own figure for each figure of the organizations, where the overview gives one. */
const COMBINED: Readonly<Partial<Record<OrganizationFigure, CombinedFigure['field']>>> = {
  'years-of-experience': 'combinedExperienceYears',
  'countries-in-latin-america': 'approximateCountries',
};

/** The values an organization holds in a field (several for the countries it dates its presence in). */
function valuesOf(organization: Organization, field: FigureField): FigureValue[] {
  switch (field) {
    case 'founded':
    case 'activeInLatinAmericaSince': {
      const year = organization[field];
      return year === undefined ? [] : [{ field, year }];
    }
    case 'countriesInLatinAmerica': {
      const value = organization.countriesInLatinAmerica;
      return value === undefined ? [] : [{ field, quantity: { value, bound: 'exact' } }];
    }
    case 'activeInCountriesSince':
      return organization.activeInCountriesSince.map(({ country, since }) => ({ field, country, year: since }));
    default: {
      const quantity = organization[field];
      return quantity === undefined ? [] : [{ field, quantity }];
    }
  }
}

function fieldsValues(organization: Organization, fields: readonly FigureField[] | undefined): FigureValue[] {
  return (fields ?? []).flatMap((field) => valuesOf(organization, field));
}

/** One figure of one organization; for a country's presence, only the countries asked about (all when none is). */
function figureOf(organization: Organization, figure: OrganizationFigure, countries: readonly string[]): OrganizationFigures {
  const all = fieldsValues(organization, FIELDS_OF[figure]);
  const values = countries.length ? all.filter((value) => value.field !== 'activeInCountriesSince' || countries.includes(value.country)) : all;
  const dated = new Set(values.flatMap((value) => (value.field === 'activeInCountriesSince' ? [value.country] : [])));
  const countriesNotGiven = figure === 'active-in-country-since' ? countries.filter((country) => !dated.has(country)) : [];
  const related = fieldsValues(organization, values.length ? ALONGSIDE[figure] : INSTEAD[figure]);
  return { organization: organization.id, figure, values, related, countriesNotGiven };
}

/**
 * The figures asked for, of the organizations asked about (every organization when none is), in
 * the order asked. Without a figure, every figure the guide gives of them, each once.
 */
export function organizationFigures(kb: KnowledgeBase, organizations: readonly string[], figure: OrganizationFigure | undefined, countries: readonly string[]): OrganizationFigures[] {
  const asked = (organizations.length ? organizations : kb.organizations.map((o) => o.id)).map((id) => kb.organization(id)).filter((o) => o !== undefined);
  if (figure) return asked.map((organization) => figureOf(organization, figure, countries));
  return asked.flatMap((organization) =>
    ORGANIZATION_FIGURES.map((each) => ({ ...figureOf(organization, each, countries), related: [] })).filter((each) => each.values.length > 0),
  );
}

/** The partnership's figures that go with the one asked, when it is asked of every organization. */
export function combinedFigures(kb: KnowledgeBase, organizations: readonly string[], figure: OrganizationFigure | undefined): CombinedFigure[] {
  const everyOrganization = organizations.length === 0 || kb.organizations.every((o) => organizations.includes(o.id));
  if (!everyOrganization) return [];
  const fields = figure ? [COMBINED[figure]] : Object.values(COMBINED);
  return fields
    .filter((field) => field !== undefined)
    .map((field) =>
      field === 'combinedExperienceYears'
        ? { field, quantity: { value: kb.overview.combinedExperienceYears, bound: 'exact' as const } }
        : { field, quantity: { value: kb.overview.approximateCountries, bound: 'about' as const } },
    );
}
