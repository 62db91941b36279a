/**
 * What a question over the whole guide covers, in words: its filters ("of DID in Haiti", "with a
 * video in Spanish") and what it leaves out ("other than those in Bolivia and PROSOL"), for the
 * sentences of src/answers/queryAnswers.ts to name exactly what they counted or listed.
 */
import type { ProjectQuery, QueryFilters } from '../knowledge/query';
import { NO_FILTERS } from '../understanding/types';
import { describeFilters, projectInSentence, type Wording } from './wording';

/** The video criteria as words: "with a video", "without a video", "with a video in Spanish". */
function videoPhrases(w: Wording, filters: QueryFilters): string[] {
  if (filters.videoLanguage) return [w.t('filters.videoIn', { language: w.t(`language.${filters.videoLanguage}`) })];
  if (filters.hasVideo === undefined) return [];
  return [w.t(filters.hasVideo ? 'filters.withVideo' : 'filters.withoutVideo')];
}

/** Filters as one phrase, every criterion together ("of DID in Haiti with a video"); empty when none is set. */
export function filtersPhrase(w: Wording, filters: QueryFilters): string {
  return [describeFilters(w, filters), ...videoPhrases(w, filters)].filter((part) => part).join(' ');
}

/** Exclusions as phrases, one a criterion (a project is left out when it fits any of them). */
function exclusionPhrases(w: Wording, exclude: QueryFilters): string[] {
  const one = (part: Partial<QueryFilters>) => describeFilters(w, { ...NO_FILTERS, ...part });
  return [
    ...(exclude.organizations.length ? [one({ organizations: exclude.organizations })] : []),
    ...(exclude.countries.length || exclude.regions.length ? [one({ countries: exclude.countries, regions: exclude.regions })] : []),
    ...(exclude.sectors.length ? [one({ sectors: exclude.sectors })] : []),
    ...(exclude.partners.length ? [one({ partners: exclude.partners })] : []),
    ...videoPhrases(w, exclude),
  ];
}

/** Where the projects asked about are, when the query narrows nothing: "in all" (a count), "of the guide" (an order). */
export type WholeGuide = 'query.inAll' | 'query.ofTheGuide';

/**
 * The scope of a query as it follows "projects": "of DID other than those in Haiti", "in the
 * Caribbean", "other than PROSOL", "you named", or the whole guide's words when it narrows nothing.
 */
export function scopeOf(w: Wording, query: ProjectQuery, whole: WholeGuide): string {
  // Projects the question named ("PASAC or PROSOL") are "the projects you named"; the sentence names them.
  const scope = [...(query.projects?.length ? [w.t('query.named')] : []), filtersPhrase(w, query.filters)].filter((part) => part).join(' ');
  const items = [
    ...exclusionPhrases(w, query.exclude).map((what) => w.t('query.those', { what })),
    ...query.excludeProjects.flatMap((id) => {
      const project = w.kb.project(id);
      return project ? [projectInSentence(w, project)] : [];
    }),
  ];
  if (!items.length) return scope || w.t(whole);
  return scope ? w.t('query.scopeExcept', { scope, items }) : w.t('query.except', { items });
}
