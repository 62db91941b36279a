/**
 * The projects a question over the guide asks for, read plainly from each project's fields, as a
 * reader of data/ would list them: the reference that runQuery and the answers are checked
 * against (it shares no code with src/knowledge/query.ts).
 */
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { ProjectQuery, QueryFilters } from '../../src/knowledge/query';
import type { Language, Project } from '../../src/knowledge/schema';

/** Filters with one value for each criterion given (unset ones match every project). */
export function filtersOf(fields: { organization?: string; country?: string; region?: string; sector?: string; partner?: string; hasVideo?: boolean; videoLanguage?: Language }): QueryFilters {
  return {
    organizations: fields.organization ? [fields.organization] : [],
    countries: fields.country ? [fields.country] : [],
    regions: fields.region ? [fields.region] : [],
    sectors: fields.sector ? [fields.sector] : [],
    partners: fields.partner ? [fields.partner] : [],
    ...(fields.hasVideo !== undefined ? { hasVideo: fields.hasVideo } : {}),
    ...(fields.videoLanguage ? { videoLanguage: fields.videoLanguage } : {}),
  };
}

/** The test of each criterion that is set. */
function tests(kb: KnowledgeBase, f: QueryFilters): ((p: Project) => boolean)[] {
  const region = (p: Project) => kb.countries.find((c) => c.id === p.country)!.region;
  const coversAll = (id: string) => kb.regions.find((r) => r.id === id)!.coversEveryCountry;
  return [
    ...(f.organizations.length ? [(p: Project) => f.organizations.includes(p.lead)] : []),
    ...(f.countries.length ? [(p: Project) => f.countries.includes(p.country)] : []),
    ...(f.regions.length ? [(p: Project) => f.regions.some((r) => r === region(p) || coversAll(r))] : []),
    ...(f.sectors.length ? [(p: Project) => f.sectors.includes(p.sector)] : []),
    ...(f.partners.length ? [(p: Project) => f.partners.some((partner) => p.partners.includes(partner))] : []),
    ...(f.hasVideo !== undefined ? [(p: Project) => (p.videos.length > 0) === f.hasVideo] : []),
    ...(f.videoLanguage ? [(p: Project) => p.videos.some((v) => v.language === f.videoLanguage)] : []),
  ];
}

/** The projects that are among those named (if any), pass every filter and no exclusion, in the knowledge base's order. */
export function plainFilter(kb: KnowledgeBase, query: Pick<ProjectQuery, 'filters' | 'exclude' | 'excludeProjects' | 'projects'>): Project[] {
  const named = (p: Project) => !query.projects?.length || query.projects.includes(p.id);
  return kb.projects.filter(
    (p) => named(p) && tests(kb, query.filters).every((test) => test(p)) && !tests(kb, query.exclude).some((test) => test(p)) && !query.excludeProjects.includes(p.id),
  );
}

/** Each value of a criterion, and "unset". */
export const either = <T>(values: readonly T[]): (T | undefined)[] => [undefined, ...values];

/** Every organization x region x sector x has-video x video language, each also unset. */
export function filterGrid(kb: KnowledgeBase, languages: readonly Language[]): QueryFilters[] {
  return either(kb.organizations.map((o) => o.id)).flatMap((organization) =>
    either(kb.regions.map((r) => r.id)).flatMap((region) =>
      either(kb.sectors.map((s) => s.id)).flatMap((sector) =>
        either([true, false]).flatMap((hasVideo) => either(languages).map((videoLanguage) => filtersOf({ organization, region, sector, hasVideo, videoLanguage }))),
      ),
    ),
  );
}
