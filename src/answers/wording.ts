/**
 * Names and phrases in the answer's language: localized names of the knowledge base's items,
 * lists joined the way each language joins them, and the videos a project offers.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Language, Project, Video } from '../knowledge/schema';
import type { Translate } from '../i18n';
import type { Filters } from '../understanding/types';

export interface Wording {
  readonly kb: KnowledgeBase;
  readonly language: Language;
  readonly t: Translate;
}

/** One list formatter per language: creating an Intl.ListFormat costs far more than using one. */
const listFormats = new Map<Language, Intl.ListFormat>();

/** "A, B and C" / "A, B et C" / "A, B y C". */
export function joinList(items: readonly string[], language: Language): string {
  let format = listFormats.get(language);
  if (!format) listFormats.set(language, (format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}

export function projectTitle(w: Wording, project: Project): string {
  const title = project.title[w.language];
  return project.acronym ? `${title} (${project.acronym})` : title;
}

/** An organization's full name as a sentence uses it ("l'Association coopérative canadienne"). */
export function organizationInSentence(w: Wording, id: string): string {
  const organization = w.kb.organization(id);
  if (!organization) return organizationName(w, id);
  return organization.nameInSentence?.[w.language] ?? organization.name[w.language];
}

export function organizationName(w: Wording, id: string): string {
  return w.kb.organization(id)?.acronym ?? id.toUpperCase();
}

export function countryName(w: Wording, id: string): string {
  return w.kb.country(id)?.name[w.language] ?? id.toUpperCase();
}

/**
 * French says "au Honduras", "en Bolivie", "à Cuba", "à la Barbade", "aux Bahamas": the preposition
 * follows the name's gender, number and article. Names starting with a vowel or ending in -e
 * (feminine) take "en", the others "au", except the places listed here.
 */
const FRENCH_PREPOSITION_EXCEPTIONS: Readonly<Record<string, string>> = {
  mx: 'au', bz: 'au', sr: 'au', // masculine despite the final -e
  cu: 'à', pr: 'à', tt: 'à', lc: 'à', vc: 'à', ag: 'à', kn: 'à', // islands named without an article
  bb: 'à la', gd: 'à la',
  bs: 'aux', caribbean: 'aux',
  ht: 'en', // a mute h: "en Haïti" (but "au Honduras")
};

function frenchPlace(id: string, name: string): string {
  const preposition = FRENCH_PREPOSITION_EXCEPTIONS[id] ?? (/^[aeiouyéèêâîô]/i.test(name) || /e$/i.test(name) ? 'en' : 'au');
  return `${preposition} ${name}`;
}

/**
 * "in Honduras", "en Honduras", "au Honduras": a country or region as the place of something. The
 * locale's template gets the name, and (for French, whose template uses it) the name with its
 * preposition.
 */
export function placeOf(w: Wording, kind: 'country' | 'region', id: string): string {
  const name = kind === 'country' ? countryName(w, id) : regionName(w, id);
  return w.t(`filters.${kind}`, { name, place: frenchPlace(id, name) });
}

export function regionName(w: Wording, id: string): string {
  return w.kb.region(id)?.name[w.language] ?? id;
}

export function sectorName(w: Wording, id: string): string {
  return w.kb.sector(id)?.name[w.language] ?? id;
}

export function partnerNames(w: Wording, project: Project): string[] {
  return project.partners.map((id) => w.kb.partner(id)?.name[w.language] ?? id);
}

/** A project's videos, those in the reader's language first. */
export function videosFor(project: Project, language: Language): Video[] {
  return [...project.videos].sort((a, b) => Number(b.language === language) - Number(a.language === language));
}

export function videoLabel(w: Wording, video: Video): string {
  return video.language ? w.t('card.videoIn', { language: w.t(`language.${video.language}`) }) : w.t('card.video');
}

/** "of CCA in Haiti" / "de l'ACC en Haïti": the filters of a question, as words. */
export function describeFilters(w: Wording, filters: Filters): string {
  const parts = [
    ...filters.sectors.map((id) => w.t('filters.sector', { name: sectorName(w, id) })),
    ...filters.organizations.map((id) => w.t('filters.organization', { name: organizationName(w, id) })),
    ...filters.partners.map((id) => w.t('filters.partner', { name: w.kb.partner(id)?.name[w.language] ?? id })),
    ...filters.countries.map((id) => placeOf(w, 'country', id)),
    ...filters.regions.map((id) => placeOf(w, 'region', id)),
  ];
  return parts.join(' ');
}

/** Project titles for a sentence, the first few only when there are many. */
export function someProjectTitles(w: Wording, projects: readonly Project[], limit = 10): string {
  const titles = projects.slice(0, limit).map((project) => projectTitle(w, project));
  const rest = projects.length - titles.length;
  return rest > 0 ? w.t('organization.moreProjects', { titles: titles.join('; '), count: rest }) : joinList(titles, w.language);
}
