/**
 * Questions over the whole guide, as structured queries: which projects fit some filters, apart
 * from some, how many there are, which started first, who leads each, what figures an
 * organization's profile gives. The understanding turns a question into a query; the query is run
 * against the knowledge base's structured fields, so that every such answer is computed from the
 * data, in every language, rather than written for one question.
 */
import { combinedFigures, organizationFigures, type CombinedFigure, type OrganizationFigure, type OrganizationFigures } from './figures';
import type { KnowledgeBase } from './knowledgeBase';
import type { Language, Project } from './schema';

export type { CombinedFigure, FigureValue, OrganizationFigure, OrganizationFigures } from './figures';

/**
 * What narrows the projects down: every criterion that is set must match (a project in one of the
 * countries, and in one of the regions, and...); empty lists match all. Countries and regions are
 * two criteria; a region that covers every country (Latin America) matches every project.
 */
export interface QueryFilters {
  readonly organizations: readonly string[];
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  readonly partners: readonly string[];
  /** Only projects with a video (true), only those without (false), or either (undefined). */
  readonly hasVideo?: boolean;
  /** Only projects with a video in this language. */
  readonly videoLanguage?: Language;
}

/**
 * What is asked about the projects that fit:
 * - `list`: the projects themselves;
 * - `count`: how many there are (and in how many countries, with `countCountries`);
 * - `earliest` / `latest`: the project that started first / most recently (among those whose
 *   start the guide gives), and the order of the others;
 * - `leads`: which organization leads each project;
 * - `figure`: an organization's figure (years active, countries, organizations supported...).
 */
export type QueryOperation = 'list' | 'count' | 'earliest' | 'latest' | 'leads' | 'figure';

export interface ProjectQuery {
  readonly operation: QueryOperation;
  readonly filters: QueryFilters;
  /** Projects that fit any of these are left out ("apart from Bolivia", "other than DID's"). */
  readonly exclude: QueryFilters;
  /** Projects left out by id ("apart from PROSOL"). */
  readonly excludeProjects: readonly string[];
  /**
   * Only these projects, by id, when the question names them ("which started first, PASAC or
   * PROSOL?"); they must fit the filters too. Unset or empty: every project.
   */
  readonly projects?: readonly string[];
  /** For `count`: count the countries of the projects that fit, not the projects. */
  readonly countCountries?: boolean;
  /**
   * For `figure`: which figure (every figure the guide gives when unset), of which organizations
   * (those of `filters.organizations` when this is empty, all three when both are); for
   * `active-in-country-since`, in the countries of `filters.countries` (all the guide dates when
   * empty).
   */
  readonly figure?: OrganizationFigure;
  readonly organizations?: readonly string[];
}

/** A project and the year the guide gives for its start. */
export interface ProjectStart {
  readonly project: string;
  readonly year: number;
}

/** An organization and the projects it leads, among those that fit. */
export interface LeadProjects {
  readonly organization: string;
  readonly projects: readonly string[];
}

/**
 * What a query finds. For the operations on projects (all but `figure`), every field is filled,
 * whatever the operation, so that an answer may say more than was asked (a count names its
 * countries); for `figure`, only the figures are.
 */
export interface QueryResult {
  readonly operation: QueryOperation;
  /**
   * The ids of the projects that fit the filters and not the exclusions: in the knowledge base's
   * order; for `earliest` by start year (oldest first) and for `latest` the most recent first,
   * the projects without a start year after them.
   */
  readonly projects: readonly string[];
  /** Those of `projects` whose start the guide gives, in the same order. */
  readonly starts: readonly ProjectStart[];
  /** Those of `projects` whose start the guide does not give. */
  readonly withoutStart: readonly string[];
  /** The countries of `projects`, each once, in the order of the projects. */
  readonly countries: readonly string[];
  readonly counts: { readonly projects: number; readonly countries: number };
  /** Who leads `projects`: each organization that leads one of them, in the knowledge base's order. */
  readonly leads: readonly LeadProjects[];
  /** For `figure`: one entry a figure and organization, "not given" being an empty `values`. */
  readonly figures: readonly OrganizationFigures[];
  /** For `figure` asked of every organization: the partnership's own figure (100 years, some 30 countries). */
  readonly combined: readonly CombinedFigure[];
}

/** A query that filters nothing and leaves nothing out: every project of the guide. */
export const NO_QUERY_FILTERS: QueryFilters = { organizations: [], countries: [], regions: [], sectors: [], partners: [] };

/** True when the project is in one of the regions (a region that covers every country holds them all). */
function inRegions(kb: KnowledgeBase, project: Project, regions: readonly string[]): boolean {
  const region = kb.country(project.country)?.region;
  return regions.some((id) => id === region || kb.region(id)?.coversEveryCountry === true);
}

function hasVideoIn(project: Project, language: Language): boolean {
  return project.videos.some((video) => video.language === language);
}

/**
 * Each criterion of filters that is set, as a test of a project. The filters keep the projects
 * that pass them all; the exclusions leave out those that pass any of them.
 */
function criteria(kb: KnowledgeBase, filters: QueryFilters): ((project: Project) => boolean)[] {
  const tests: ((project: Project) => boolean)[] = [];
  if (filters.organizations.length) tests.push((project) => filters.organizations.includes(project.lead));
  if (filters.countries.length) tests.push((project) => filters.countries.includes(project.country));
  if (filters.regions.length) tests.push((project) => inRegions(kb, project, filters.regions));
  if (filters.sectors.length) tests.push((project) => filters.sectors.includes(project.sector));
  if (filters.partners.length) tests.push((project) => project.partners.some((partner) => filters.partners.includes(partner)));
  if (filters.hasVideo !== undefined) tests.push((project) => project.videos.length > 0 === filters.hasVideo);
  if (filters.videoLanguage) {
    const language = filters.videoLanguage;
    tests.push((project) => hasVideoIn(project, language));
  }
  return tests;
}

/** The knowledge base's lists of the projects each set criterion allows: the answer is within the shortest. */
function indexedLists(kb: KnowledgeBase, filters: QueryFilters): (readonly Project[])[] {
  const lists: (readonly Project[])[] = [];
  if (filters.organizations.length) lists.push(filters.organizations.flatMap((id) => kb.projectsBy('lead', id)));
  if (filters.countries.length) lists.push(filters.countries.flatMap((id) => kb.projectsBy('country', id)));
  if (filters.regions.length) {
    lists.push(filters.regions.some((id) => kb.region(id)?.coversEveryCountry) ? kb.projects : filters.regions.flatMap((id) => kb.projectsBy('region', id)));
  }
  if (filters.sectors.length) lists.push(filters.sectors.flatMap((id) => kb.projectsBy('sector', id)));
  if (filters.partners.length) lists.push(filters.partners.flatMap((id) => kb.projectsBy('partner', id)));
  if (filters.hasVideo !== undefined) lists.push(kb.projectsBy('video', filters.hasVideo ? 'with' : 'without'));
  if (filters.videoLanguage) lists.push(kb.projectsBy('video-language', filters.videoLanguage));
  return lists;
}

/** The projects that fit the filters (and are among those named, if any) and none of the exclusions, in the knowledge base's order. */
export function selectQueryProjects(kb: KnowledgeBase, query: Pick<ProjectQuery, 'filters' | 'exclude' | 'excludeProjects' | 'projects'>): Project[] {
  const named = query.projects?.length ? query.projects : undefined;
  const lists = [...indexedLists(kb, query.filters), ...(named ? [named.map((id) => kb.project(id)).filter((project) => project !== undefined)] : [])];
  const shortest = lists.length ? lists.reduce((a, b) => (b.length < a.length ? b : a)) : kb.projects;
  const required = criteria(kb, query.filters);
  const leftOut = criteria(kb, query.exclude);
  const seen = new Set<string>();
  return shortest
    .filter((project) => !seen.has(project.id) && seen.add(project.id))
    .filter((project) => (!named || named.includes(project.id)) && required.every((test) => test(project)) && !leftOut.some((test) => test(project)) && !query.excludeProjects.includes(project.id))
    .sort((a, b) => kb.projectRank(a.id) - kb.projectRank(b.id));
}

/** The projects in the order the operation asks: by start year for `earliest` and `latest`, those without one last. */
function ordered(projects: readonly Project[], operation: QueryOperation): Project[] {
  if (operation !== 'earliest' && operation !== 'latest') return [...projects];
  const direction = operation === 'earliest' ? 1 : -1;
  const dated = projects.filter((project) => project.period.start !== undefined);
  const undated = projects.filter((project) => project.period.start === undefined);
  // Array.prototype.sort is stable: projects that started the same year keep the knowledge base's order.
  return [...dated.sort((a, b) => direction * (a.period.start! - b.period.start!)), ...undated];
}

function leadsOf(kb: KnowledgeBase, projects: readonly Project[]): LeadProjects[] {
  return kb.organizations
    .map((organization) => ({ organization: organization.id, projects: projects.filter((project) => project.lead === organization.id).map((project) => project.id) }))
    .filter((lead) => lead.projects.length > 0);
}

const NOTHING = { projects: [], starts: [], withoutStart: [], countries: [], counts: { projects: 0, countries: 0 }, leads: [] } as const;

/** Runs a query over the knowledge base. Pure: the same knowledge base and query give the same result. */
export function runQuery(kb: KnowledgeBase, query: ProjectQuery): QueryResult {
  if (query.operation === 'figure') {
    const organizations = query.organizations?.length ? query.organizations : query.filters.organizations;
    return {
      operation: query.operation,
      ...NOTHING,
      figures: organizationFigures(kb, organizations, query.figure, query.filters.countries),
      combined: combinedFigures(kb, organizations, query.figure),
    };
  }
  const projects = ordered(selectQueryProjects(kb, query), query.operation);
  const countries = [...new Set(projects.map((project) => project.country))];
  return {
    operation: query.operation,
    projects: projects.map((project) => project.id),
    starts: projects.flatMap((project) => (project.period.start === undefined ? [] : [{ project: project.id, year: project.period.start }])),
    withoutStart: projects.filter((project) => project.period.start === undefined).map((project) => project.id),
    countries,
    counts: { projects: projects.length, countries: countries.length },
    leads: leadsOf(kb, projects),
    figures: [],
    combined: [],
  };
}
