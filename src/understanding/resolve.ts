/**
 * The second half of understanding: from what a message contains (its analysis) and what the
 * conversation said before (its context) to what the answer must be: the intent, the projects or
 * organizations to present, what was asked about them, and an honest gap when nothing fits.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language, type Project } from '../knowledge/schema';
import type { Analysis } from './analyze';
import type { CueKind, Facet } from './lexicon';
import type { DocumentIndex, ScoredDocument } from './retrieval';
import { NO_FILTERS, type ConversationContext, type Filters, type Gap, type Intent, type Understanding } from './types';

/** Thresholds of fact retrieval, tuned on the evaluation sets (see README). */
export interface ResolveOptions {
  /** Least score for a question with no names to be answered from retrieval alone. */
  readonly minOpenScore: number;
  /** Least score for retrieval to pick one project among the ones a name selected. */
  readonly minWithinScore: number;
  /** How much the best document must beat the second to be taken alone. */
  readonly clearMargin: number;
}

export const DEFAULT_RESOLVE_OPTIONS: ResolveOptions = { minOpenScore: 2.2, minWithinScore: 1.6, clearMargin: 1.4 };

export interface ResolveDependencies {
  readonly kb: KnowledgeBase;
  readonly documents: DocumentIndex;
  readonly functionWords: ReadonlySet<string>;
  /** The words of each sector's names and related words, by sector id. */
  readonly sectorWords: ReadonlyMap<string, ReadonlySet<string>>;
  readonly options: ResolveOptions;
}

/** "fr-CA" -> "fr"; undefined for a locale of another language. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary);
}

function chooseLanguage(
  analysis: Analysis,
  context: ConversationContext,
  locale: string | undefined,
): Pick<Understanding, 'language' | 'languageSource'> {
  // "In English, please" asks for a language; "a video in English" does not.
  const requested = LANGUAGES.filter((language) => analysis.cues.has(`languageRequest:${language}`));
  const asksOnlyForLanguage = !analysis.cues.has('outOfScope') && !analysis.cues.has('facet:video') && analysis.residual.length <= 3;
  if (requested.length === 1 && asksOnlyForLanguage) return { language: requested[0]!, languageSource: 'request' };
  if (analysis.language.language) return { language: analysis.language.language, languageSource: 'message' };
  const fromLocale = languageOfLocale(locale);
  // Thin evidence still rules languages out: among the near-best ones, the conversation's
  // language wins, then the client's locale, then the best-scoring one.
  const scores = analysis.language.scores;
  const best = Math.max(...LANGUAGES.map((language) => scores[language]));
  const near = best > 0 ? LANGUAGES.filter((language) => scores[language] >= best - 0.45).sort((a, b) => scores[b] - scores[a]) : [...LANGUAGES];
  if (context.language && near.includes(context.language)) return { language: context.language, languageSource: 'conversation' };
  if (fromLocale && near.includes(fromLocale)) return { language: fromLocale, languageSource: 'locale' };
  if (best > 0) return { language: near[0]!, languageSource: 'message' };
  return { language: 'en', languageSource: 'default' };
}

function facetsOf(cues: ReadonlySet<CueKind>): Facet[] {
  const facets: Facet[] = [];
  for (const cue of cues) if (cue.startsWith('facet:')) facets.push(cue.slice('facet:'.length) as Facet);
  return facets;
}

const ORDINALS: ReadonlyArray<[CueKind, number]> = [
  ['ordinal:1', 0],
  ['ordinal:2', 1],
  ['ordinal:3', 2],
  ['ordinal:last', -1],
];

const hasVideo = (project: Project) => project.videos.length > 0;

/** How much a sector's related word in the question favours that sector's projects. */
const WEAK_SECTOR_BOOST = 1.25;

export function resolve(analysis: Analysis, context: ConversationContext, locale: string | undefined, deps: ResolveDependencies): Understanding {
  const { kb, documents, options } = deps;
  const { cues, entities } = analysis;
  const language = chooseLanguage(analysis, context, locale);
  const facets = facetsOf(cues);
  const answer = (result: Partial<Understanding> & Pick<Understanding, 'intent'>): Understanding => ({
    ...language,
    projects: [],
    organizations: [],
    facets,
    filters: NO_FILTERS,
    usedContext: false,
    ...result,
  });
  const leadsOf = (ids: readonly string[]) => [...new Set(ids.map((id) => kb.project(id)!.lead))];
  const presentProjects = (
    projects: readonly Project[],
    extra: Partial<Understanding> = {},
    singularIntent: Intent = 'project',
  ): Understanding => {
    const ids = projects.map((project) => project.id);
    return answer({ intent: ids.length === 1 ? singularIntent : 'list', projects: ids, organizations: leadsOf(ids), ...extra });
  };

  if (analysis.tokens.length === 0) return answer({ intent: 'help', gap: { kind: 'empty' } });

  const regions = entities.regions.filter((region) => region !== 'latin-america');
  const countriesWithProjects = entities.countries.filter((country) => kb.projectsBy('country', country).length > 0);
  const countriesWithout = entities.countries.filter((country) => kb.projectsBy('country', country).length === 0);
  const named =
    entities.organizations.length + entities.countries.length + regions.length + entities.strongSectors.length + entities.partners.length + entities.projects.length > 0;
  const contentWords = analysis.residual.filter((word) => !deps.functionWords.has(word));
  const wantsVideo = facets.includes('video');

  // Greetings, thanks and goodbyes that carry no question.
  const social: Understanding['smallTalk'] = cues.has('thanks') ? 'thanks' : cues.has('farewell') ? 'bye' : cues.has('greeting') ? 'hello' : undefined;
  if (social && !named && contentWords.length <= 1 && !cues.has('help') && !cues.has('outOfScope') && !wantsVideo) {
    return answer({ intent: 'greeting', smallTalk: social });
  }
  // Questions about other things than these partnerships.
  const anchored =
    entities.organizations.length > 0 || entities.projects.length > 0 || entities.partners.length > 0 || entities.strongSectors.length > 0 || cues.has('domain') || wantsVideo;
  if (cues.has('outOfScope') && !anchored) return answer({ intent: 'fallback', gap: { kind: 'out-of-scope' } });
  // "help" is also a verb ("which project helps farmers"): only a message about little else asks for help.
  if (cues.has('help') && !named && !wantsVideo && contentWords.length <= 2) return answer({ intent: 'help' });
  // A name the bot does not know ("Oxfam", "el Banco Mundial") is what the question is about,
  // unless the question also names something of the guide's ("farming, for a farmer from Beauce").
  const knowsSomething =
    entities.organizations.length + entities.projects.length + entities.partners.length + entities.strongSectors.length + entities.weakSectors.length > 0;
  if (analysis.unknownNames.length > 0 && !knowsSomething) {
    return answer({ intent: 'fallback', gap: { kind: 'unknown-organization', name: analysis.unknownNames.join(' ') } });
  }
  if (countriesWithout.length > 0 && countriesWithProjects.length === 0 && !entities.projects.length && !entities.partners.length && !regions.length) {
    return answer({
      intent: 'fallback',
      organizations: entities.organizations,
      gap: { kind: 'country-without-projects', countries: countriesWithout, organizations: entities.organizations },
    });
  }

  // Follow-ups: "is there a video?", "the second one", "and in Peru?", "y el de Barbados?".
  let filters: Filters = {
    organizations: entities.organizations,
    countries: countriesWithProjects,
    regions,
    sectors: entities.strongSectors,
    partners: entities.partners,
  };
  let usedContext = false;
  const known = (ids: readonly string[]) => ids.map((id) => kb.project(id)).filter((project): project is Project => project !== undefined);
  const previous = known(context.projects);
  const lastList = known(context.list ?? context.projects);
  if (previous.length > 0 || context.organizations.length > 0) {
    for (const [cue, index] of ORDINALS) {
      if (!cues.has(cue) || named || lastList.length < 2) continue;
      const chosen = index < 0 ? lastList[lastList.length - 1]! : lastList[index];
      if (chosen) return presentProjects([chosen], { usedContext: true, filters: context.filters });
    }
    if (cues.has('other') && !named && lastList.length > previous.length) {
      const others = lastList.filter((project) => !context.projects.includes(project.id));
      if (others.length > 0) return presentProjects(others, { usedContext: true, filters: context.filters });
    }
    // "¿Y qué proyectos tiene?" after an organization's profile: that organization's projects.
    if (!named && cues.has('list') && context.intent === 'organization' && context.organizations.length > 0) {
      const projects = context.organizations.flatMap((id) => kb.projectsBy('lead', id));
      if (projects.length > 0) return presentProjects(projects, { usedContext: true, filters: { ...NO_FILTERS, organizations: context.organizations } });
    }
    const pointsBack =
      cues.has('anaphora') || facets.length > 0 || analysis.leadingCues.has('continuation') || contentWords.length === 0;
    if (!named && pointsBack && entities.projects.length === 0 && !cues.has('overview') && !cues.has('list')) {
      const open = documents.search(contentWords);
      const retrievalTakesOver = open[0] !== undefined && open[0].score >= options.minOpenScore * 1.5;
      if (!retrievalTakesOver && previous.length > 0) {
        let projects = previous;
        let gap: Gap | undefined;
        if (wantsVideo) {
          const withVideo = previous.filter(hasVideo);
          if (withVideo.length > 0) projects = withVideo;
          else gap = { kind: 'no-video', projects: previous.map((p) => p.id) };
        }
        return presentProjects(projects, { usedContext: true, filters: context.filters, ...(gap ? { gap } : {}) });
      }
      if (!retrievalTakesOver && context.organizations.length > 0 && context.intent === 'organization') {
        if (wantsVideo) {
          const withVideo = context.organizations.flatMap((id) => kb.projectsBy('lead', id)).filter(hasVideo);
          if (withVideo.length > 0) return presentProjects(withVideo, { usedContext: true });
        }
        return answer({ intent: 'organization', organizations: context.organizations, usedContext: true });
      }
    }
    const partial = named && entities.projects.length === 0 && entities.partners.length === 0;
    // "and in Peru?" continues the last question; "who is SOCODEVI?" asks a new one.
    const continues = !cues.has('profile') && (analysis.leadingCues.has('continuation') || cues.has('anaphora') || contentWords.length === 0);
    if (partial && continues) {
      const within = previous.filter((project) => matches(project, filters, kb));
      if (within.length > 0 && within.length < previous.length) {
        return presentProjects(within, { usedContext: true, filters: context.filters });
      }
      // Keep what the new message does not replace: "and in Peru?" keeps the organization.
      filters = {
        organizations: filters.organizations.length ? filters.organizations : context.filters.organizations,
        countries: filters.countries.length || filters.regions.length ? filters.countries : context.filters.countries,
        regions: filters.countries.length || filters.regions.length ? filters.regions : context.filters.regions,
        sectors: filters.sectors.length ? filters.sectors : context.filters.sectors,
        partners: [],
      };
      usedContext = filters !== context.filters;
    }
  }

  // Projects named outright: "PROSOL", "Centro Financiero para Empresas".
  if (entities.projects.length > 0) {
    const projects = entities.projects.map((id) => kb.project(id)!);
    return presentProjects(projects, { filters, usedContext });
  }

  // Related words ("farming", "agriculture") select a sector when the question says nothing else
  // that the facts know of; "which project trains farmers in financial literacy" says more.
  if (!filters.sectors.length && entities.weakSectors.length === 1 && !filters.partners.length) {
    const only = selectProjects(filters, kb);
    const beyond = documents.search(wordsBeyond(entities.weakSectors), new Set(only.map((p) => `project:${p.id}`)));
    if ((beyond[0]?.score ?? 0) < options.minWithinScore) filters = { ...filters, sectors: entities.weakSectors };
  }

  const hasFilters = Object.values(filters).some((list: readonly string[]) => list.length > 0);
  if (!hasFilters) return resolveOpenQuestion();
  return resolveFiltered();

  /** The question's words that say more than the sectors already chosen ("micro", "support"). */
  function wordsBeyond(sectors: readonly string[]): string[] {
    const known = sectors.map((id) => deps.sectorWords.get(id)).filter((words) => words !== undefined);
    return contentWords.filter((word) => !known.some((words) => words.has(word)));
  }

  /** A sector's related word ("agrícola") tips a close race towards that sector's projects. */
  function preferWeakSectors(scored: ScoredDocument[]): ScoredDocument[] {
    if (!entities.weakSectors.length) return scored;
    const inSector = (document: ScoredDocument) =>
      document.kind === 'project' && entities.weakSectors.includes(kb.project(document.id)?.sector ?? '');
    return scored.map((d) => (inSector(d) ? { ...d, score: d.score * WEAK_SECTOR_BOOST } : d)).sort((a, b) => b.score - a.score);
  }

  function best(scored: readonly ScoredDocument[], minimum: number): ScoredDocument | undefined {
    const [top, second] = scored;
    if (!top || top.score < minimum) return undefined;
    return !second || top.score >= options.clearMargin * second.score ? top : undefined;
  }

  function answerDocument(document: ScoredDocument): Understanding {
    if (document.kind === 'project') return presentProjects([kb.project(document.id)!], { usedContext });
    if (document.kind === 'organization') return answer({ intent: 'organization', organizations: [document.id], usedContext });
    return answer({ intent: 'overview', organizations: kb.organizations.map((o) => o.id) });
  }

  function resolveOpenQuestion(): Understanding {
    const overview = () => answer({ intent: 'overview', organizations: kb.organizations.map((o) => o.id) });
    if (cues.has('overview') && !wantsVideo) return overview();
    const scored = preferWeakSectors(documents.search(contentWords));
    // "Why do Canadian co-ops partner...": about the whole, unless the words point at one thing.
    if (cues.has('overviewWeak') && !cues.has('list') && !wantsVideo && (scored[0]?.score ?? 0) < options.minOpenScore * 2) return overview();
    const top = best(scored, options.minOpenScore);
    if (top) return answerDocument(top);
    const leader = scored[0];
    if (leader && leader.score >= options.minOpenScore) {
      const close = scored.filter((d) => d.kind === 'project' && d.score * options.clearMargin >= leader.score).slice(0, 3);
      if (close.length >= 2) return presentProjects(close.map((d) => kb.project(d.id)!), { usedContext }, 'project');
      return answerDocument(leader);
    }
    if (wantsVideo) return presentProjects(kb.projects.filter(hasVideo));
    // "Projects for women": words that match nothing in the guide are said to, before the whole list.
    if (cues.has('list')) return presentProjects(kb.projects, contentWords.length > 0 ? { gap: { kind: 'no-match' } } : {});
    if (cues.has('overviewWeak') || (cues.has('domain') && contentWords.length <= 2)) return overview();
    if (social) return answer({ intent: 'greeting', smallTalk: social });
    if (cues.has('help')) return answer({ intent: 'help' });
    return answer({ intent: 'fallback', gap: { kind: 'no-match' } });
  }

  function resolveFiltered(): Understanding {
    const candidates = kb.projects.length > 0 ? selectProjects(filters, kb) : [];
    const onlyOrganizations =
      filters.organizations.length > 0 && !filters.countries.length && !filters.regions.length && !filters.sectors.length && !filters.partners.length;

    if (onlyOrganizations) {
      if (filters.organizations.length >= 2 && (cues.has('overview') || cues.has('overviewWeak')) && !cues.has('list')) {
        return answer({ intent: 'overview', organizations: kb.organizations.map((o) => o.id) });
      }
      if (wantsVideo) {
        const withVideo = candidates.filter(hasVideo);
        if (withVideo.length > 0) return presentProjects(withVideo, { filters, usedContext });
      }
      const only = new Set([...candidates.map((p) => `project:${p.id}`), ...filters.organizations.map((id) => `organization:${id}`)]);
      const scored = documents.search(contentWords, only);
      const top = best(scored, options.minOpenScore);
      if (top?.kind === 'project') return presentProjects([kb.project(top.id)!], { filters, usedContext });
      const asksForProjects = cues.has('list') && !cues.has('profile');
      if (asksForProjects && candidates.length > 0) return presentProjects(candidates, { filters, usedContext });
      return answer({ intent: 'organization', organizations: filters.organizations, filters, usedContext });
    }

    if (candidates.length === 0) {
      const gap: Gap = { kind: 'no-project-for-filters', filters };
      const places = [...filters.countries.map((id) => ['country', id] as const), ...filters.regions.map((id) => ['region', id] as const)];
      const alternatives = places.length
        ? places.flatMap(([facet, id]) => kb.projectsBy(facet, id))
        : filters.organizations.flatMap((id) => kb.projectsBy('lead', id));
      if (alternatives.length === 0) return answer({ intent: 'fallback', organizations: filters.organizations, filters, gap, usedContext });
      return presentProjects(alternatives, { filters, gap, usedContext });
    }
    if (candidates.length === 1) return presentProjects(candidates, { filters, usedContext });

    const scored = documents.search(wordsBeyond(filters.sectors), new Set(candidates.map((p) => `project:${p.id}`)));
    // "Which projects..." asks for them all, unless the words single one out very clearly.
    const top = best(scored, cues.has('list') ? options.minWithinScore * 2 : options.minWithinScore);
    if (wantsVideo) {
      // "Video of the spice project in Bolivia": the project the words single out, with its
      // video or the honest lack of one, rather than another project that has a video.
      const named = top ? kb.project(top.id) : undefined;
      if (named) return presentProjects([named], { filters, usedContext, ...(hasVideo(named) ? {} : { gap: { kind: 'no-video', projects: [named.id] } }) });
      const withVideo = candidates.filter(hasVideo);
      if (withVideo.length > 0) return presentProjects(withVideo, { filters, usedContext });
      return presentProjects(candidates, { filters, usedContext, gap: { kind: 'no-video', projects: candidates.map((p) => p.id) } });
    }
    if (top) return presentProjects([kb.project(top.id)!], { filters, usedContext });
    if (cues.has('singular') && !cues.has('list') && candidates.length <= 3) {
      return answer({ intent: 'clarify', projects: candidates.map((p) => p.id), organizations: leadsOf(candidates.map((p) => p.id)), filters, usedContext });
    }
    return presentProjects(candidates, { filters, usedContext });
  }
}

/** True when a project fits every filter that is set. */
export function matches(project: Project, filters: Filters, kb: KnowledgeBase): boolean {
  return (
    (!filters.organizations.length || filters.organizations.includes(project.lead)) &&
    (!filters.countries.length && !filters.regions.length
      ? true
      : filters.countries.includes(project.country) || filters.regions.includes(kb.country(project.country)?.region ?? '')) &&
    (!filters.sectors.length || filters.sectors.includes(project.sector)) &&
    (!filters.partners.length || filters.partners.some((partner) => project.partners.includes(partner)))
  );
}

/** The projects that fit the filters, read from the knowledge base's indexes (never a full scan). */
export function selectProjects(filters: Filters, kb: KnowledgeBase): Project[] {
  const lists: (readonly Project[])[] = [];
  if (filters.organizations.length) lists.push(filters.organizations.flatMap((id) => kb.projectsBy('lead', id)));
  if (filters.countries.length || filters.regions.length) {
    lists.push([...filters.countries.flatMap((id) => kb.projectsBy('country', id)), ...filters.regions.flatMap((id) => kb.projectsBy('region', id))]);
  }
  if (filters.sectors.length) lists.push(filters.sectors.flatMap((id) => kb.projectsBy('sector', id)));
  if (filters.partners.length) lists.push(filters.partners.flatMap((id) => kb.projectsBy('partner', id)));
  if (lists.length === 0) return [...kb.projects];
  const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
  const seen = new Set<string>();
  return shortest
    .filter((project) => !seen.has(project.id) && seen.add(project.id) && matches(project, filters, kb))
    .sort((a, b) => kb.projectRank(a.id) - kb.projectRank(b.id));
}
