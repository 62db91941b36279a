/**
 * Answers that present projects: one project (with the facts that were asked for first), a list,
 * or a choice among a few when the question fits several about equally.
 */
import { card, type AdaptiveCard } from '../cards/adaptiveCard';
import { clarifyCard } from '../cards/clarifyCard';
import { projectCard, projectListItem } from '../cards/projectCard';
import type { Project } from '../knowledge/schema';
import type { Understanding } from '../understanding/types';
import type { Answer } from './answer';
import {
  countryName,
  describeFilters,
  joinList,
  organizationInSentence,
  organizationName,
  partnerNames,
  placeOf,
  projectTitle,
  regionName,
  videoLabel,
  videosFor,
  type Wording,
} from './wording';

function projectsOf(w: Wording, u: Understanding): Project[] {
  return u.projects.map((id) => w.kb.project(id)).filter((project): project is Project => project !== undefined);
}

function videoUrls(w: Wording, projects: readonly Project[]): string[] {
  return projects.flatMap((project) => videosFor(project, w.language).map((video) => video.url));
}

/** The sentence that says why the answer is not exactly what was asked ("no CCA project in Haiti"). */
function gapLines(w: Wording, u: Understanding, projects: readonly Project[]): string[] {
  const gap = u.gap;
  if (!gap) return [];
  if (gap.kind === 'no-project-for-filters') {
    const where = [...gap.filters.countries.map((id) => placeOf(w, 'country', id)), ...gap.filters.regions.map((id) => placeOf(w, 'region', id))].join(' ');
    const alternativesBy = gap.filters.countries.length || gap.filters.regions.length ? where : w.t('filters.by', { name: joinList(gap.filters.organizations.map((id) => organizationName(w, id)), w.language) });
    return [
      w.t('gap.noProjectForFilters', { what: describeFilters(w, gap.filters) }),
      w.t('gap.alternatives', { count: projects.length, where: alternativesBy }),
    ];
  }
  if (gap.kind === 'no-match') return [w.t('gap.noMatchAll', { count: projects.length })];
  if (gap.kind === 'no-video') return noVideoLines(w, projects);
  return [];
}

/** "The guide has no video of X; these projects have one: ...". */
function noVideoLines(w: Wording, projects: readonly Project[]): string[] {
  const titles = joinList(projects.map((project) => project.title[w.language]), w.language);
  const withVideos = w.kb.projects.filter((project) => project.videos.length > 0).map((project) => project.title[w.language]);
  return [w.t('gap.noVideo', { titles }), ...(withVideos.length ? [w.t('gap.videosElsewhere', { titles: joinList(withVideos, w.language) })] : [])];
}

/** The first lines of a one-project answer: the facts the question asked for. */
function facetLines(w: Wording, u: Understanding, project: Project): string[] {
  const values = {
    title: projectTitle(w, project),
    lead: organizationInSentence(w, project.lead),
    country: countryName(w, project.country),
  };
  const lines: string[] = [];
  for (const facet of u.facets) {
    switch (facet) {
      case 'lead':
        lines.push(w.t('project.lead', values));
        break;
      case 'partners': {
        const partners = partnerNames(w, project);
        lines.push(partners.length ? w.t('project.partners', { ...values, partners: joinList(partners, w.language) }) : w.t('project.noPartners', values));
        break;
      }
      case 'period':
        lines.push(w.t('project.period', { ...values, period: project.period.text[w.language] }));
        break;
      case 'location': {
        const region = w.kb.country(project.country)?.region;
        lines.push(w.t('project.location', { ...values, region: region ? regionName(w, region) : '' }));
        break;
      }
      // The document names the funders of the partnerships as a whole and no project's own
      // funders or budget: the answer says so rather than leave the question unanswered.
      case 'funders':
        lines.push(w.t('project.noFunders', { ...values, funders: w.kb.overview.funders.map((funder) => funder[w.language]).join('; ') }));
        break;
      case 'budget':
        lines.push(w.t('project.noBudget', values));
        break;
      default:
        break;
    }
  }
  if (lines.length === 0) lines.push(w.t('project.intro', values));
  const videos = videosFor(project, w.language);
  if (videos.length) {
    lines.push(w.t('project.video', { count: videos.length, title: project.title[w.language] }));
    for (const video of videos) lines.push(w.t('project.videoLine', { label: videoLabel(w, video), url: video.url }));
  }
  return lines;
}

export function projectAnswer(w: Wording, u: Understanding): Answer {
  const projects = projectsOf(w, u);
  const project = projects[0]!;
  // A video asked of a project named outright, which has none: said, not silently left out.
  const videoMissing = u.facets.includes('video') && project.videos.length === 0 && u.gap?.kind !== 'no-video';
  const lines = [...gapLines(w, u, projects), ...(videoMissing ? noVideoLines(w, [project]) : []), ...facetLines(w, u, project)];
  return {
    text: lines.join('\n\n'),
    card: projectCard(w, project),
    record: { language: u.language, intent: 'project', projects: [project.id], organizations: [project.lead], videos: videoUrls(w, [project]) },
  };
}

function listCard(w: Wording, projects: readonly Project[]): AdaptiveCard {
  return card(projects.map((project, index) => projectListItem(w, project, index === 0)));
}

/** Longest list an answer shows; a bigger knowledge base asks the user to narrow the question. */
export const MAX_LIST_ITEMS = 10;

export function listAnswer(w: Wording, u: Understanding): Answer {
  const all = projectsOf(w, u);
  const projects = all.slice(0, MAX_LIST_ITEMS);
  const scope = describeFilters(w, u.filters);
  const intro = u.gap
    ? gapLines(w, u, projects)
    : u.facets.includes('video') && projects.every((project) => project.videos.length > 0)
      ? [w.t('list.withVideos')]
      : [
          scope
            ? w.t('list.intro', { count: all.length, scope })
            : all.length === w.kb.projects.length
              ? w.t('list.introAll', { count: all.length })
              : w.t('list.introClosest', { count: all.length }),
        ];
  const items = projects.map(
    (project) =>
      `- ${w.t('list.item', { title: projectTitle(w, project), lead: organizationName(w, project.lead), country: countryName(w, project.country) })}`,
  );
  const more = all.length > projects.length ? [w.t('list.more', { count: all.length - projects.length })] : [];
  return {
    text: [...intro, items.join('\n'), ...more].join('\n\n'),
    card: listCard(w, projects),
    record: {
      language: u.language,
      intent: 'list',
      projects: projects.map((project) => project.id),
      organizations: [...new Set(projects.map((project) => project.lead))],
      videos: videoUrls(w, projects),
    },
  };
}

export function clarifyAnswer(w: Wording, u: Understanding): Answer {
  const projects = projectsOf(w, u);
  const prompt = w.t('clarify.prompt');
  const choices = projects.map((project) => ({ id: project.id, title: projectTitle(w, project) }));
  return {
    text: prompt,
    card: clarifyCard(prompt, choices),
    choices,
    record: {
      language: u.language,
      intent: 'clarify',
      projects: projects.map((project) => project.id),
      organizations: [...new Set(projects.map((project) => project.lead))],
      videos: [],
    },
  };
}
