/**
 * Reads a question over the whole guide as a structured query (src/knowledge/query.ts): "how many
 * projects in the Caribbean", "SOCODEVI's projects outside Bolivia", "which projects aren't run by
 * DID", "which started first", "who leads each", "how many countries has DID worked in". The
 * question's names become filters; a name after "apart from", "other than", "sauf", "aparte de"
 * or a negation ("aren't run by", "ne sont pas menés par", "que no sean de") becomes an exclusion;
 * the cue words of data/lexicon say the operation. Questions that are none of these are left to
 * the other readings (undefined).
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { NO_QUERY_FILTERS, selectQueryProjects, type OrganizationFigure, type ProjectQuery, type QueryFilters } from '../knowledge/query';
import { LANGUAGES, type Language } from '../knowledge/schema';
import type { Analysis, CueMatch, Mention } from './analyze';
import type { CueKind } from './lexicon';

/** How many words after "apart from" / a negation a name may stand and still be what is left out. */
const EXCLUSION_REACH = 6;
const NEGATION_REACH = 4;

/** The clause each token belongs to (clauses start at sentence starts and commas). */
function clauseIndexes(analysis: Analysis): number[] {
  let clause = -1;
  return analysis.tokens.map((token) => (token.clauseStart ? ++clause : Math.max(clause, 0)));
}

/** True when a cue of one of these kinds stands shortly before the span, in the same clause. */
function isPreceded(cues: readonly CueMatch[], start: number, clauses: readonly number[]): boolean {
  return cues.some((cue) => {
    const reach = cue.kind === 'negation' ? NEGATION_REACH : EXCLUSION_REACH;
    return cue.end <= start && start - cue.end < reach && clauses[cue.start] === clauses[start];
  });
}

/**
 * The filters the names set. A sector's looser words ("agriculture", "farmers") name it only in a
 * question that asks for projects ("how many projects in agriculture"), and only when no sector is
 * named outright (`looseSectors`).
 */
function filtersOf(mentions: readonly Mention[], looseSectors: boolean): QueryFilters & { projects: string[] } {
  const pick = (kind: Mention['kind']) => [...new Set(mentions.filter((mention) => mention.kind === kind && mention.strength === 'strong').map((mention) => mention.id))];
  const strongSectors = pick('sector');
  const weakSectors = [...new Set(mentions.filter((mention) => mention.kind === 'sector').map((mention) => mention.id))];
  return {
    organizations: pick('organization'),
    countries: pick('country'),
    regions: pick('region').filter((region) => region !== 'latin-america'),
    sectors: strongSectors.length || !looseSectors || weakSectors.length !== 1 ? strongSectors : weakSectors,
    partners: pick('partner'),
    projects: pick('project'),
  };
}

const FIGURE_CUES: ReadonlyArray<readonly [CueKind, OrganizationFigure]> = [
  ['figure:founded', 'founded'],
  ['figure:organizations', 'organizations-supported'],
  ['figure:people', 'people-reached'],
  ['figure:countries', 'countries-in-latin-america'],
  ['figure:years', 'years-of-experience'],
];

/** The language a video is asked in ("a video in French"), when the message names one. */
function videoLanguageOf(analysis: Analysis): Language | undefined {
  if (!analysis.cues.has('facet:video')) return undefined;
  return LANGUAGES.find((language) => analysis.cues.has(`languageRequest:${language}`));
}

/** The question as a query over the whole guide, or undefined when it asks something else. */
export function readQuery(analysis: Analysis, kb: KnowledgeBase): ProjectQuery | undefined {
  const { cues } = analysis;
  const clauses = clauseIndexes(analysis);
  const excluders = analysis.cueMatches.filter((cue) => cue.kind === 'exclude' || cue.kind === 'negation');
  const leftOut = (start: number) => isPreceded(excluders, start, clauses);
  const named = analysis.mentions.filter((mention) => mention.kind !== 'outside-organization');
  const looseSectors = cues.has('list') && !named.some((mention) => mention.kind === 'project');
  const included = filtersOf(named.filter((mention) => !leftOut(mention.start)), looseSectors);
  const excluded = filtersOf(named.filter((mention) => leftOut(mention.start)), looseSectors);
  const hasExclusion = Object.values(excluded).some((ids: readonly string[]) => ids.length > 0);

  // "which projects have a video" / "don't have a video" / "a video in French".
  const videoCue = analysis.cueMatches.find((cue) => cue.kind === 'facet:video');
  const asksForProjects = cues.has('list') || cues.has('count');
  const hasVideo = videoCue && asksForProjects ? !isPreceded(analysis.cueMatches.filter((cue) => cue.kind === 'negation'), videoCue.start, clauses) : undefined;
  const videoLanguage = hasVideo ? videoLanguageOf(analysis) : undefined;

  const { projects, ...filterLists } = included;
  const filters: QueryFilters = {
    ...filterLists,
    ...(hasVideo !== undefined ? { hasVideo } : {}),
    ...(videoLanguage ? { videoLanguage } : {}),
  };
  const { projects: excludeProjects, ...exclude } = hasExclusion ? excluded : { ...NO_QUERY_FILTERS, projects: [] as string[] };
  const query = (operation: ProjectQuery['operation'], extra: Partial<ProjectQuery> = {}): ProjectQuery => ({
    operation,
    filters,
    exclude,
    excludeProjects,
    ...(projects.length ? { projects } : {}),
    ...extra,
  });

  // An organization's own figures: "how many countries has DID worked in", "when was SOCODEVI founded".
  const aboutOrganizationsOnly =
    !filters.countries.length && !filters.sectors.length && !filters.partners.length && !projects.length && filters.hasVideo === undefined;
  // ("In how many countries are the projects?" counts the projects' countries, not a figure.)
  // (A duration asked of projects, "how long does PASAC last", is a period, not a figure or a count.)
  // Two figures asked at once ("since when, and in how many countries?"): every figure the guide gives.
  const asksCountries = cues.has('figure:countries') || (cues.has('count') && cues.has('countries'));
  const figures = FIGURE_CUES.filter(([cue]) => cues.has(cue) || (cue === 'figure:countries' && asksCountries)).map(([, figure]) => figure);
  const figure = figures[0];
  const aboutProjects = cues.has('list') || cues.has('singular');
  const aboutTheWhole = cues.has('overview') || cues.has('overviewWeak');
  // Without an organization named, the partnership's own figure is asked of "these organizations"
  // (overviewWeak), or of the whole when projects are not what is counted.
  const askedOfOrganizations = filters.organizations.length > 0 ? !aboutProjects : cues.has('overviewWeak') || (aboutTheWhole && !aboutProjects);
  if (figure && aboutOrganizationsOnly && askedOfOrganizations) {
    return query('figure', { ...(figures.length === 1 ? { figure } : {}), organizations: filters.organizations });
  }
  // Another fact asked ("how long", "how much does it cost") is not a count of projects.
  const asksAnotherFact = [...cues].some((cue) => cue.startsWith('facet:') && cue !== 'facet:video' && cue !== 'facet:location') && (projects.length > 0 || !cues.has('list'));
  if (cues.has('leads')) return query('leads');
  if (cues.has('earliest') || cues.has('latest')) {
    // "Which started first, the Honduras forestry project or the Bolivia spice one?": each name
    // proposes projects, and the order runs over all of them.
    const { hasVideo: _video, videoLanguage: _language, ...lists } = filters;
    const proposed = Object.values(lists).some((ids: readonly string[]) => ids.length > 0)
      ? selectQueryProjects(kb, { filters: { ...NO_QUERY_FILTERS, ...lists }, exclude: NO_QUERY_FILTERS, excludeProjects: [] }).map((project) => project.id)
      : [];
    const candidates = projects.length ? [...new Set([...projects, ...(proposed.length < kb.projects.length ? proposed : [])])] : [];
    // "DID's newest program in Haiti: how long is the mandate?": when the names leave one project,
    // "newest" only describes it, and the question is about its facts.
    const named = projects.length ? candidates : proposed;
    if (named.length === 1 && asksAnotherFact) return undefined;
    const operation = cues.has('earliest') ? 'earliest' : 'latest';
    return candidates.length ? { ...query(operation), filters: { ...NO_QUERY_FILTERS, ...(filters.hasVideo !== undefined ? { hasVideo: filters.hasVideo } : {}) }, projects: candidates } : query(operation);
  }
  if (cues.has('count') && !asksAnotherFact) return query('count', asksCountries ? { countCountries: true } : {});
  if (hasExclusion || hasVideo !== undefined) return query('list');
  return undefined;
}
