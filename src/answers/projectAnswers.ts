/**
 * Answers that present projects: one project, a list, or a choice among a few when the question
 * fits several about equally.
 *
 * A question about one facet of a project (its partners, video, period, lead, results, website...)
 * gets that facet first, in a sentence or two, with a compact card whose first button is what was
 * asked for (the video) and another that opens the whole project. The whole project's card comes
 * when a project is presented or asked about as a whole. The text never repeats the card.
 */
import { card, openUrl, type AdaptiveCard, type CardAction } from '../cards/adaptiveCard';
import { clarifyCard } from '../cards/clarifyCard';
import { compactProjectCard, projectCard, projectFollowUps, projectListItem, videoActions, videoOfProjectActions, wholeProjectAction } from '../cards/projectCard';
import type { Project } from '../knowledge/schema';
import type { Facet, Understanding } from '../understanding/types';
import type { Answer } from './answer';
import { presenceLines } from './figureAnswers';
import {
  describeFilters,
  fundersInSentence,
  organizationInSentence,
  organizationName,
  organizationShortInSentence,
  partnersInSentence,
  placesOf,
  projectInSentence,
  projectShortName,
  projectTitle,
  regionName,
  videosFor,
  type Wording,
} from './wording';

function projectsOf(w: Wording, u: Understanding): Project[] {
  return u.projects.map((id) => w.kb.project(id)).filter((project): project is Project => project !== undefined);
}

/** The addresses of the projects' videos, those in the reader's language first. */
export function videoUrls(w: Wording, projects: readonly Project[]): string[] {
  return projects.flatMap((project) => videosFor(project, w.language).map((video) => video.url));
}

/** The projects that have a video, but these. */
function projectsWithVideos(w: Wording, except: readonly Project[]): Project[] {
  return w.kb.projects.filter((project) => project.videos.length > 0 && !except.includes(project));
}

/** The sentence that says why the answer is not exactly what was asked ("no CCA project in Haiti"). */
function gapLines(w: Wording, u: Understanding, projects: readonly Project[]): string[] {
  const gap = u.gap;
  if (!gap) return [];
  if (gap.kind === 'no-project-for-filters') {
    const places = gap.filters.countries.length || gap.filters.regions.length ? placesOf(w, gap.filters.countries, gap.filters.regions) : '';
    const where = places || w.t('filters.by', { names: gap.filters.organizations.map((id) => organizationShortInSentence(w, id)) });
    return [w.t('gap.noProjectForFilters', { what: describeFilters(w, gap.filters) }), w.t('gap.alternatives', { count: projects.length, where })];
  }
  if (gap.kind === 'no-match') return [w.t('gap.noMatchAll', { count: projects.length })];
  if (gap.kind === 'no-video') return noVideoLines(w, projects);
  return [];
}

/** "The guide has no video for X. These projects have one:" (their buttons are on the card). */
function noVideoLines(w: Wording, projects: readonly Project[]): string[] {
  const titles = projects.map((project) => projectInSentence(w, project));
  const others = projectsWithVideos(w, projects);
  return [w.t('gap.noVideo', { titles }), ...(others.length ? [w.t('gap.videosElsewhere', { count: others.length })] : [])];
}

/** Facets that a sentence answers; "more" (tell me more) asks for the whole project. */
const FACETS_ANSWERED: ReadonlySet<Facet> = new Set<Facet>(['video', 'lead', 'partners', 'period', 'location', 'results', 'website', 'funders', 'budget']);

/** The sentences that answer the facets asked for, in the order asked. */
function facetLines(w: Wording, facets: readonly Facet[], project: Project): string[] {
  const lead = w.kb.organization(project.lead);
  const values = {
    title: projectInSentence(w, project),
    lead: organizationInSentence(w, project.lead),
    leadShort: organizationShortInSentence(w, project.lead),
  };
  return facets.flatMap((facet): string[] => {
    switch (facet) {
      case 'lead':
        return [w.t('project.lead', values)];
      case 'partners':
        return [project.partners.length ? w.t('project.partners', { ...values, partners: partnersInSentence(w, project.partners) }) : w.t('project.noPartners', values)];
      case 'period':
        // The lead's own start in the country is the date the guide gives of a project without one (PANSEH: DID in Haiti since 1987).
        return [w.t('project.period', { ...values, period: project.period.text[w.language] }), ...presenceLines(w, project.lead, [project.country], false)];
      case 'location': {
        const region = w.kb.country(project.country)?.region;
        return [w.t('project.location', { ...values, place: placesOf(w, [project.country]), region: region ? regionName(w, region) : '' })];
      }
      // The document names the funders of the partnerships as a whole and no project's own
      // funders or budget: the answer says so rather than leave the question unanswered.
      case 'funders':
        return [w.t('project.noFunders', { ...values, funders: fundersInSentence(w) })];
      case 'budget':
        return [w.t('project.noBudget', values)];
      case 'results':
        return [w.t('project.results', values), project.facts.map((fact) => `- ${fact[w.language]}`).join('\n')];
      case 'website':
        return lead ? [w.t('project.website', { ...values, url: lead.website })] : [];
      case 'video': {
        const count = project.videos.length;
        return count ? [w.t('project.video', { ...values, count })] : noVideoLines(w, [project]);
      }
      default:
        return [];
    }
  });
}

/** The compact card's buttons: what was asked for first, then the whole project, then follow-ups. */
function facetActions(w: Wording, facets: readonly Facet[], project: Project): CardAction[] {
  const asked: CardAction[] = [];
  if (facets.includes('video')) asked.push(...(project.videos.length ? videoActions(w, project) : videoOfProjectActions(w, projectsWithVideos(w, [project]))));
  const lead = w.kb.organization(project.lead);
  if (facets.includes('website') && lead) asked.push(openUrl(w.t('card.websiteOf', { acronym: organizationName(w, lead.id) }), lead.website));
  return [...asked, wholeProjectAction(w, project), ...projectFollowUps(w, project, facets.includes('partners') ? 'partners' : 'none')];
}

/** The videos a compact card offers: the project's own when it was asked for them. */
function offeredVideos(w: Wording, facets: readonly Facet[], project: Project): string[] {
  return facets.includes('video') ? videoUrls(w, [project]) : [];
}

export function projectAnswer(w: Wording, u: Understanding): Answer {
  const projects = projectsOf(w, u);
  const project = projects[0]!;
  // A video the understanding found missing ("no-video") is a video asked for.
  const facets = [...new Set<Facet>([...(u.gap?.kind === 'no-video' ? ['video' as const] : []), ...u.facets.filter((facet) => FACETS_ANSWERED.has(facet))])];
  const gap = u.gap?.kind === 'no-video' ? [] : gapLines(w, u, projects);
  const record = { language: u.language, intent: 'project' as const, projects: [project.id], organizations: [project.lead] };
  if (facets.length === 0) {
    const intro = w.t('project.intro', { title: projectInSentence(w, project), lead: organizationInSentence(w, project.lead), place: placesOf(w, [project.country]) });
    return { text: [...gap, intro].join('\n\n'), card: projectCard(w, project), record: { ...record, videos: videoUrls(w, [project]) } };
  }
  return {
    text: [...gap, ...facetLines(w, facets, project)].join('\n\n'),
    card: compactProjectCard(w, project, facetActions(w, facets, project)),
    record: { ...record, videos: offeredVideos(w, facets, project) },
  };
}

/** Longest list an answer shows; a bigger knowledge base asks the user to narrow the question. */
export const MAX_LIST_ITEMS = 10;

/** Projects as the entries of one card, with their videos' buttons when videos were asked for. */
export function listCard(w: Wording, projects: readonly Project[], withVideos: boolean, actions: readonly CardAction[]): AdaptiveCard {
  return card(projects.map((project, index) => projectListItem(w, project, { first: index === 0, withVideos })), actions);
}

export function listAnswer(w: Wording, u: Understanding): Answer {
  const all = projectsOf(w, u);
  const projects = all.slice(0, MAX_LIST_ITEMS);
  const scope = describeFilters(w, u.filters);
  const askedForVideos = u.facets.includes('video');
  const intro = u.gap
    ? gapLines(w, u, projects)
    : askedForVideos && projects.every((project) => project.videos.length > 0)
      ? [w.t('list.withVideos')]
      : [
          scope
            ? w.t('list.intro', { count: all.length, scope })
            : all.length === w.kb.projects.length
              ? w.t('list.introAll', { count: all.length })
              : w.t('list.introClosest', { count: all.length }),
        ];
  const more = all.length > projects.length ? [w.t('list.more', { count: all.length - projects.length })] : [];
  // Projects without a video, asked for theirs: buttons for the projects that have one.
  const otherVideos = u.gap?.kind === 'no-video' ? videoOfProjectActions(w, projectsWithVideos(w, projects)) : [];
  return {
    text: [...intro, ...more].join('\n\n'),
    card: listCard(w, projects, askedForVideos, otherVideos),
    record: {
      language: u.language,
      intent: 'list',
      projects: projects.map((project) => project.id),
      organizations: [...new Set(projects.map((project) => project.lead))],
      videos: askedForVideos ? videoUrls(w, projects) : [],
    },
  };
}

export function clarifyAnswer(w: Wording, u: Understanding): Answer {
  const projects = projectsOf(w, u);
  const prompt = w.t('clarify.prompt');
  const choices = projects.map((project) => ({ id: project.id, title: projectTitle(w, project), label: projectShortName(w, project) }));
  return {
    text: prompt,
    card: clarifyCard(choices),
    choices: choices.map(({ id, title }) => ({ id, title })),
    record: {
      language: u.language,
      intent: 'clarify',
      projects: projects.map((project) => project.id),
      organizations: [...new Set(projects.map((project) => project.lead))],
      videos: [],
    },
  };
}
