/**
 * Questions over the whole guide, as structured queries: which projects fit some filters, apart
 * from some, how many there are, which started first, who leads each, what figures an
 * organization's profile gives. The understanding turns a question into a query; the query is run
 * against the knowledge base's structured fields, so that every such answer is computed from the
 * data, in every language, rather than written for one question.
 */
import type { Language } from './schema';

/** What narrows the projects down (every list that is set must match; empty lists match all). */
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

/** The figures the guide gives of an organization or of the partnership as a whole. */
export type OrganizationFigure =
  | 'years-of-experience'
  | 'active-in-latin-america-since'
  | 'countries-in-latin-america'
  | 'countries-worldwide'
  | 'organizations-supported'
  | 'people-reached'
  | 'founded';

export interface ProjectQuery {
  readonly operation: QueryOperation;
  readonly filters: QueryFilters;
  /** Projects that fit any of these are left out ("apart from Bolivia", "other than DID's"). */
  readonly exclude: QueryFilters;
  /** Projects left out by id ("apart from PROSOL"). */
  readonly excludeProjects: readonly string[];
  /** Only these projects, by id, when the question names them ("which started first, PASAC or PROSOL?"). */
  readonly projects?: readonly string[];
  /** For `count`: count the countries of the projects that fit, not the projects. */
  readonly countCountries?: boolean;
  /** For `figure`: which figure, of which organizations (all three when empty). */
  readonly figure?: OrganizationFigure;
  readonly organizations?: readonly string[];
}
