/**
 * Names and phrases in the answer's language: localized names of the knowledge base's items, as a
 * card shows them and as a sentence writes them (with their article, from data/), lists joined the
 * way each language joins them, places with their preposition, and the videos a project offers.
 * The grammar itself (contraction, elision, prepositions) is in grammar/, one module a language.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Language, Project, Quantity, Video } from '../knowledge/schema';
import type { Translate } from '../i18n';
import type { Filters } from '../understanding/types';
import { grammarOf, writeNumber, type Place } from './grammar';

export interface Wording {
  readonly kb: KnowledgeBase;
  readonly language: Language;
  readonly t: Translate;
}

/** "A, B and C" / "A, B et C" / "A, B y C". */
export function joinList(items: readonly string[], language: Language): string {
  return grammarOf(language).list(items);
}

/** A project's title as a card shows it: "Projet d'appui ... (PASAC)". */
export function projectTitle(w: Wording, project: Project): string {
  const title = project.title[w.language];
  return project.acronym ? `${title} (${project.acronym})` : title;
}

/** A project's title as a sentence writes it: "le projet d'appui ... (PASAC)". */
export function projectInSentence(w: Wording, project: Project): string {
  const title = project.titleInSentence?.[w.language] ?? project.title[w.language];
  return project.acronym ? `${title} (${project.acronym})` : title;
}

/** A name short enough for a button on a phone. */
export function projectShortName(w: Wording, project: Project): string {
  return project.shortTitle?.[w.language] ?? project.acronym ?? project.title[w.language];
}

/** An organization's full name as a sentence uses it ("l'Association coopérative canadienne"). */
export function organizationInSentence(w: Wording, id: string): string {
  const organization = w.kb.organization(id);
  if (!organization) return organizationName(w, id);
  return organization.nameInSentence?.[w.language] ?? organization.name[w.language];
}

/** An organization's acronym as a sentence uses it ("l'ACC", "la SOCODEVI", "the CCA"). */
export function organizationShortInSentence(w: Wording, id: string): string {
  const organization = w.kb.organization(id);
  return organization?.acronymInSentence?.[w.language] ?? organization?.acronym ?? id.toUpperCase();
}

/** An organization's acronym as a card shows it ("ACC" in French). */
export function organizationName(w: Wording, id: string): string {
  return grammarOf(w.language).bare(organizationShortInSentence(w, id));
}

export function countryName(w: Wording, id: string): string {
  return w.kb.country(id)?.name[w.language] ?? id.toUpperCase();
}

export function regionName(w: Wording, id: string): string {
  return w.kb.region(id)?.name[w.language] ?? id;
}

export function sectorName(w: Wording, id: string): string {
  return w.kb.sector(id)?.name[w.language] ?? id;
}

function place(w: Wording, kind: 'country' | 'region', id: string): Place {
  const item = kind === 'country' ? w.kb.country(id) : w.kb.region(id);
  if (!item) return { name: id };
  const nameInSentence = item.nameInSentence?.[w.language];
  const placeInSentence = item.placeInSentence?.[w.language];
  return { name: item.name[w.language], ...(nameInSentence ? { nameInSentence } : {}), ...(placeInSentence ? { placeInSentence } : {}) };
}

/** "in Colombia and Haiti", "en Colombie et en Haïti", "au Honduras": countries and regions as the place of something. */
export function placesOf(w: Wording, countries: readonly string[], regions: readonly string[] = []): string {
  return grammarOf(w.language).places([...countries.map((id) => place(w, 'country', id)), ...regions.map((id) => place(w, 'region', id))]);
}

/** Partners as a card lists them. */
export function partnerNames(w: Wording, project: Project): string[] {
  return project.partners.map((id) => w.kb.partner(id)?.name[w.language] ?? id);
}

/** Partners as a sentence names them ("le ministère du Commerce et de l'Industrie d'Haïti"). */
export function partnersInSentence(w: Wording, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const partner = w.kb.partner(id);
    return partner?.nameInSentence?.[w.language] ?? partner?.name[w.language] ?? id;
  });
}

/** The funders of the partnerships, as a sentence names them. */
export function fundersInSentence(w: Wording): string[] {
  return w.kb.overview.funders.map((funder) => funder[w.language]);
}

/** A project's videos, those in the reader's language first. */
export function videosFor(project: Project, language: Language): Video[] {
  return [...project.videos].sort((a, b) => Number(b.language === language) - Number(a.language === language));
}

export function videoLabel(w: Wording, video: Video): string {
  return video.language ? w.t('card.videoIn', { language: w.t(`language.${video.language}`) }) : w.t('card.video');
}

/** "of the CCA in Colombia and Haiti" / "de l'ACC en Colombie et en Haïti": the filters of a question, as words. */
export function describeFilters(w: Wording, filters: Filters): string {
  const parts = [
    ...filters.sectors.map((id) => w.t('filters.sector', { name: sectorName(w, id) })),
    ...(filters.organizations.length ? [w.t('filters.organization', { names: filters.organizations.map((id) => organizationShortInSentence(w, id)) })] : []),
    ...(filters.partners.length ? [w.t('filters.partner', { names: partnersInSentence(w, filters.partners) })] : []),
    ...(filters.countries.length || filters.regions.length ? [placesOf(w, filters.countries, filters.regions)] : []),
  ];
  return parts.join(' ');
}

/** Names for a list, the first few only when there are many ("A; B and 3 more"). */
function firstFew(w: Wording, names: readonly string[], limit: number): string[] {
  const rest = names.length - limit;
  return rest > 0 ? [w.t('organization.moreProjects', { titles: names.slice(0, limit).join('; '), count: rest })] : [...names];
}

/** Project titles for a list, the first few only when there are many. */
export function someProjectTitles(w: Wording, projects: readonly Project[], limit = 10): string {
  return joinList(firstFew(w, projects.map((project) => projectTitle(w, project)), limit), w.language);
}

/** Projects as a sentence names them, the first few only when there are many. */
export function projectsInSentence(w: Wording, projects: readonly Project[], limit = 10): string[] {
  return firstFew(w, projects.map((project) => projectInSentence(w, project)), limit);
}

/**
 * A number of the guide as a sentence says it, its bound in words ("more than 680", "about 30"),
 * with what a template needs around it: `count` for its plural, `context: "millions"` where the
 * language puts "de" before the noun ("12 millions de personnes").
 */
export function amountOf(w: Wording, quantity: Quantity): { amount: string; count: number; context?: 'millions' } {
  const written = writeNumber(w.language, quantity.value);
  const amount = w.t(`quantity.${quantity.bound}`, { value: written.text });
  return { amount, count: quantity.value, ...(written.millions ? { context: 'millions' as const } : {}) };
}
