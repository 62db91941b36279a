/**
 * Answers to questions over the whole guide: the understanding gives a query, runQuery computes
 * the result from data/, and these sentences say it, in the reader's language: the projects that
 * fit with their filters and exclusions named, how many there are and in how many countries,
 * which started first or last (and which have no start year in the guide), who leads each, an
 * organization's figures, and an honest sentence when nothing fits.
 *
 * `record.projects` holds exactly the projects the reply presents (its card, in its order), and
 * `record.organizations` the organizations it presents or is about.
 */
import { oneCard, type AdaptiveCard } from '../cards/adaptiveCard';
import { compactOrganizationCard } from '../cards/organizationCard';
import { compactOverviewCard } from '../cards/overviewCard';
import { runQuery, type ProjectQuery, type QueryResult } from '../knowledge/query';
import type { Project } from '../knowledge/schema';
import type { Understanding } from '../understanding/types';
import type { Answer } from './answer';
import { combinedLine, figureLines } from './figureAnswers';
import { listCard, MAX_LIST_ITEMS, videoUrls } from './projectAnswers';
import { scopeOf } from './queryScope';
import { countryName, organizationShortInSentence, projectInSentence, projectsInSentence, type Wording } from './wording';

function projectsOf(w: Wording, ids: readonly string[]): Project[] {
  return ids.map((id) => w.kb.project(id)).filter((project): project is Project => project !== undefined);
}

/** "The guide presents 2 projects in the Caribbean, in 2 countries (Barbados and Haiti)." */
function countLines(w: Wording, query: ProjectQuery, result: QueryResult, projects: readonly Project[]): string[] {
  const scope = scopeOf(w, query, 'query.inAll');
  const countries = result.countries.map((id) => countryName(w, id));
  if (query.countCountries) {
    return [w.t('query.countryCount', { count: result.counts.countries, scope, countries }), w.t('query.projectTotal', { count: result.counts.projects })];
  }
  const where = w.t('query.inCountries', { count: result.counts.countries, countries });
  return [w.t('query.count', { count: result.counts.projects, scope, where, title: projectInSentence(w, projects[0]!) })];
}

/** "Of the projects of the guide, the first to start was X, in 1998. Then Y (2003)... The guide gives no start year for Z." */
function orderLines(w: Wording, query: ProjectQuery, result: QueryResult, operation: 'earliest' | 'latest'): string[] {
  const scope = scopeOf(w, query, 'query.ofTheGuide');
  const withoutStart = result.withoutStart.length ? [w.t('query.withoutStart', { titles: projectsInSentence(w, projectsOf(w, result.withoutStart)) })] : [];
  const first = result.starts[0];
  if (!first) return withoutStart;
  // Projects that started the same year share the first place.
  const tied = result.starts.filter((start) => start.year === first.year);
  const rest = result.starts.slice(tied.length, MAX_LIST_ITEMS);
  const titles = projectsInSentence(w, projectsOf(w, tied.map((start) => start.project)));
  const items = rest.map((start) => w.t('query.titleYear', { title: projectInSentence(w, w.kb.project(start.project)!), year: start.year }));
  return [w.t(`query.${operation}`, { count: tied.length, scope, titles, year: first.year }), ...(items.length ? [w.t('query.then', { count: items.length, items })] : []), ...withoutStart];
}

/** "Who leads the projects in Bolivia: SOCODEVI leads X and Y." */
function leadLines(w: Wording, query: ProjectQuery, result: QueryResult): string[] {
  const lines = result.leads.map((lead) => w.t('query.leads', { lead: organizationShortInSentence(w, lead.organization), titles: projectsInSentence(w, projectsOf(w, lead.projects)) }));
  return [w.t('query.leadsIntro', { scope: scopeOf(w, query, 'query.ofTheGuide') }), ...lines];
}

function listLines(w: Wording, query: ProjectQuery, result: QueryResult): string[] {
  const more = result.counts.projects > MAX_LIST_ITEMS ? [w.t('list.more', { count: result.counts.projects - MAX_LIST_ITEMS })] : [];
  return [w.t('list.intro', { count: result.counts.projects, scope: scopeOf(w, query, 'query.inAll') }), ...more];
}

function linesFor(w: Wording, query: ProjectQuery, result: QueryResult, projects: readonly Project[]): string[] {
  switch (query.operation) {
    case 'count':
      return countLines(w, query, result, projects);
    case 'earliest':
    case 'latest':
      return orderLines(w, query, result, query.operation);
    case 'leads':
      return leadLines(w, query, result);
    default:
      return listLines(w, query, result);
  }
}

/** Videos are shown with the projects when the question is about them. */
function asksForVideos(u: Understanding, query: ProjectQuery): boolean {
  return u.facets.includes('video') || query.filters.hasVideo === true || query.filters.videoLanguage !== undefined;
}

function projectsAnswer(w: Wording, u: Understanding, query: ProjectQuery, result: QueryResult): Answer {
  const all = projectsOf(w, result.projects);
  const record = { language: u.language, intent: u.intent, videos: [] };
  if (!all.length) {
    // Nothing fits: say so, naming what was asked, rather than show something else.
    const text = [w.t('query.none', { scope: scopeOf(w, query, 'query.inAll') }), w.t('fallback.suggest')].join(' ');
    return { text, record: { ...record, projects: [], organizations: [...query.filters.organizations] } };
  }
  // "Which started first?" is answered by the first (or those tied with it); the text gives the order of the rest.
  const first = result.starts[0];
  const ordered = (query.operation === 'earliest' || query.operation === 'latest') && first;
  const answered = ordered ? all.filter((project) => result.starts.some((start) => start.project === project.id && start.year === first.year)) : all;
  const shown = answered.slice(0, MAX_LIST_ITEMS);
  const withVideos = asksForVideos(u, query);
  return {
    text: linesFor(w, query, result, all).join('\n\n'),
    card: listCard(w, shown, withVideos, []),
    record: {
      ...record,
      projects: shown.map((project) => project.id),
      organizations: [...new Set(shown.map((project) => project.lead))],
      videos: withVideos ? videoUrls(w, shown) : [],
    },
  };
}

function figureAnswer(w: Wording, u: Understanding, result: QueryResult): Answer {
  const organizations = [...new Set(result.figures.map((figures) => figures.organization))];
  const combined = result.combined.map((figure) => combinedLine(w, figure));
  const byOrganization = organizations.map((id) =>
    result.figures
      .filter((figures) => figures.organization === id)
      .flatMap((figures) => figureLines(w, figures))
      .join(' '),
  );
  // The partnership's own figure comes with its card; one organization's or a few, with theirs.
  const card: AdaptiveCard | undefined = combined.length
    ? compactOverviewCard(w)
    : oneCard(organizations.map((id) => w.kb.organization(id)).filter((o) => o !== undefined).map((organization) => compactOrganizationCard(w, organization, [])));
  return {
    text: [...combined, ...byOrganization].join('\n\n'),
    ...(card ? { card } : {}),
    record: { language: u.language, intent: u.intent, projects: [], organizations, videos: [] },
  };
}

/** The reply to a question over the whole guide. */
export function queryAnswer(w: Wording, u: Understanding, query: ProjectQuery): Answer {
  const result = runQuery(w.kb, query);
  return query.operation === 'figure' ? figureAnswer(w, u, result) : projectsAnswer(w, u, query, result);
}

