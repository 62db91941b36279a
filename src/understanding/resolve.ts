/**
 * The reading of a message as a question for the guide: from what the message contains (its
 * analysis) and what the conversation said before (its context) to the answer it asks for (the
 * intent, the projects or organizations to present, what was asked about them, or an honest gap)
 * and the basis of that reading: which path decided, how strongly, and which documents of the
 * knowledge base the answer draws on (so that the words it leaves unexplained can be counted).
 * Whether the message is a question for the guide at all, and whether this reading is sure
 * enough to answer, is decided after (interpret.ts, then the dialog).
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language, type Project } from '../knowledge/schema';
import type { Analysis } from './analyze';
import { runQuery, type ProjectQuery } from '../knowledge/query';
import { readQuery } from './queryReading';
import { nameWords } from './gazetteer';
import { normalize } from './normalize';
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

export const DEFAULT_RESOLVE_OPTIONS: ResolveOptions = Object.freeze({ minOpenScore: 2.2, minWithinScore: 1.6, clearMargin: 1.4 });

/** Title words tell apart a few candidates ("the partnership program in Bolivia"), not a long list. */
const MAX_CANDIDATES_BY_TITLE = 12;

/** Each project's folded title words in the three languages, computed once per project object. */
const titleWordsCache = new WeakMap<Project, ReadonlySet<string>>();
function titleWordsOf(project: Project): ReadonlySet<string> {
  let words = titleWordsCache.get(project);
  if (!words) {
    words = new Set(LANGUAGES.flatMap((language) => normalize(project.title[language]).tokens.map((token) => token.folded)));
    titleWordsCache.set(project, words);
  }
  return words;
}

/** How a reading was reached. */
export type BasisPath = 'empty' | 'named' | 'filters' | 'retrieval' | 'follow-up' | 'overview' | 'organization' | 'gap' | 'list' | 'nothing';

export interface Basis {
  readonly path: BasisPath;
  /** How firmly the path points at its answer, from 0 to 1 (a name typed outright: 1; a weak retrieval score: less). */
  readonly strength: number;
  /** The knowledge base's documents the answer draws on ("project:prosol", "organization:did", "overview:overview"). */
  readonly documents: readonly string[];
}

/** A reading of the message as a question for the guide. */
export interface DomainReading {
  readonly understanding: Understanding;
  readonly basis: Basis;
}

export interface ResolveDependencies {
  readonly kb: KnowledgeBase;
  readonly documents: DocumentIndex;
  readonly functionWords: ReadonlySet<string>;
  /** The words of each sector's names and related words, by sector id. */
  readonly sectorWords: ReadonlyMap<string, ReadonlySet<string>>;
  readonly options: ResolveOptions;
}

/** The language of a message that does not tell, with no conversation or locale to go by. */
const DEFAULT_LANGUAGE: Language = 'en';

/** Log-odds the conversation's language and the client's locale add to a message's language. */
const CONVERSATION_PRIOR = 2;
const LOCALE_PRIOR = 2;
/** How probable a language must be, priors included, to be taken without falling back. */
const SURE_LANGUAGE = 0.8;

/** A language is still plausible for a message when its probability is at least this share of the best one's. */
const PLAUSIBLE_LANGUAGE_SHARE = 0.5;

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
  const asksOnlyForLanguage = !analysis.cues.has('facet:video') && analysis.residual.length <= 3;
  if (requested.length === 1 && asksOnlyForLanguage) return { language: requested[0]!, languageSource: 'request' };
  const fromLocale = languageOfLocale(locale);
  // The conversation's language and the client's locale are priors: they decide a short message
  // of words every language borrows ("bye", "ciao", "ok") but not a sentence.
  const prior: Record<Language, number> = { en: 0, fr: 0, es: 0 };
  if (context.language) prior[context.language] += CONVERSATION_PRIOR;
  if (fromLocale) prior[fromLocale] += LOCALE_PRIOR;
  const weighted = LANGUAGES.map((language) => analysis.language.scores[language] * Math.exp(prior[language]));
  const total = weighted.reduce((a, b) => a + b, 0);
  const scores = Object.fromEntries(LANGUAGES.map((language, i) => [language, weighted[i]! / total])) as Record<Language, number>;
  const ranked = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]);
  const likeliest = ranked[0]!;
  if (analysis.language.evidenceWords > 0 && scores[likeliest] >= SURE_LANGUAGE) {
    const source = likeliest === analysis.language.language ? 'message' : likeliest === context.language ? 'conversation' : fromLocale === likeliest ? 'locale' : 'message';
    return { language: likeliest, languageSource: source };
  }
  // Thin evidence still rules languages out: among the plausible ones, the conversation's
  // language wins, then the client's locale, then the likeliest.
  const near = ranked.filter((language) => scores[language] >= Math.max(0.15, scores[likeliest] * PLAUSIBLE_LANGUAGE_SHARE));
  if (context.language && near.includes(context.language)) return { language: context.language, languageSource: 'conversation' };
  if (fromLocale && near.includes(fromLocale)) return { language: fromLocale, languageSource: 'locale' };
  // Still undecided ("cca barbados" is English or Spanish): the bot's first language, if plausible.
  if (near.includes(DEFAULT_LANGUAGE) || analysis.language.evidenceWords === 0) return { language: DEFAULT_LANGUAGE, languageSource: 'default' };
  return { language: near[0]!, languageSource: 'message' };
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

/** How firm a retrieval score is: half way at the threshold of open questions, near 1 well above it. */
function retrievalStrength(score: number, options: ResolveOptions): number {
  return score / (score + options.minOpenScore);
}

export function resolve(analysis: Analysis, context: ConversationContext, locale: string | undefined, deps: ResolveDependencies): DomainReading {
  const { kb, documents, options } = deps;
  // What decided the reading; each path below says so before it returns.
  let path: BasisPath = 'nothing';
  let strength = 1;
  const because = (how: BasisPath, firmness = 1): void => {
    path = how;
    strength = firmness;
  };
  const { cues, entities } = analysis;
  const language = chooseLanguage(analysis, context, locale);
  // "In English?" after a video asks for that video in English: the facet carries over.
  const onlyLanguage = language.languageSource === 'request' && facetsOf(cues).length === 0;
  const facets = onlyLanguage && context.facets?.length ? [...context.facets] : facetsOf(cues);
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

  const understanding = read();
  return { understanding, basis: { path, strength, documents: documentsOf(understanding) } };

  /** The knowledge base's documents an answer draws on. */
  function documentsOf(u: Understanding): string[] {
    if (u.intent === 'overview') return ['overview:overview'];
    if (u.intent === 'organization') return u.organizations.map((id) => `organization:${id}`);
    return u.projects.map((id) => `project:${id}`);
  }

  function read(): Understanding {
  const known = (ids: readonly string[]) => ids.map((id) => kb.project(id)).filter((project): project is Project => project !== undefined);
  if (analysis.tokens.length === 0) {
    because('empty');
    return answer({ intent: 'help', gap: { kind: 'empty' } });
  }
  // "Start over", "recommencer", "nuevo tema": the focus goes; a question along with it is asked anew.
  if (cues.has('reset') && analysis.residual.filter((word) => !deps.functionWords.has(word)).length === 0 && analysis.mentions.length === 0) {
    because('empty');
    return answer({ intent: 'help', gap: { kind: 'reset' } });
  }

  // Places with no project of the guide ("Mexico", "Africa") get an honest answer, unless the
  // message also names a place that has some.
  const regionsWithout = entities.regions.filter((region) => region !== 'latin-america' && kb.projectsBy('region', region).length === 0);
  const regions = entities.regions.filter((region) => region !== 'latin-america' && !regionsWithout.includes(region));
  const countriesWithProjects = entities.countries.filter((country) => kb.projectsBy('country', country).length > 0);
  const countriesWithout = entities.countries.filter((country) => kb.projectsBy('country', country).length === 0);
  const named =
    entities.organizations.length + entities.countries.length + regions.length + entities.strongSectors.length + entities.partners.length + entities.projects.length > 0;
  // Words of no language cannot be found in the guide's facts (which are made of words): fact
  // retrieval leaves them out, which also keeps a message of gibberish cheap to read.
  const unknown = new Set(analysis.unknownWords);
  const contentWords = analysis.residual.filter((word) => !deps.functionWords.has(word) && !unknown.has(word));
  const wantsVideo = facets.includes('video');

  // An organization the guide does not cover ("what does Oxfam do in Haiti") is what the
  // question is about, unless it also names one of the guide's own organizations or projects.
  const guideOwn = entities.organizations.length + entities.projects.length + entities.partners.length;
  if (entities.outsideOrganizations.length > 0 && guideOwn === 0) {
    because('gap');
    return answer({ intent: 'fallback', gap: { kind: 'outside-organization', names: entities.outsideOrganizations }, suggestions: suggestionsForPlaces() });
  }
  // A name the bot does not know ("el Banco Andino") is what the question is about, unless the
  // question also names something of the guide's ("farming, for a farmer from Beauce").
  const knowsSomething = guideOwn + entities.strongSectors.length + entities.weakSectors.length > 0;
  if (analysis.unknownNames.length > 0 && !knowsSomething) {
    because('gap', 0.8);
    return answer({ intent: 'fallback', gap: { kind: 'unknown-organization', name: analysis.unknownNames.join(' ') }, suggestions: suggestionsForPlaces() });
  }
  if (countriesWithout.length + regionsWithout.length > 0 && countriesWithProjects.length === 0 && !entities.projects.length && !entities.partners.length && !regions.length) {
    because('gap');
    return answer({
      intent: 'fallback',
      organizations: entities.organizations,
      gap: { kind: 'country-without-projects', countries: countriesWithout, regions: regionsWithout, organizations: entities.organizations },
    });
  }

  // Questions over the whole guide ("how many...", "apart from...", "which started first",
  // "who leads each", an organization's figures) are answered by running their query. A query
  // that names nothing and points back ("which of them has a video?") runs over the focus.
  const query = readQuery(analysis, kb);
  if (query) {
    const namesNothing = !named && !query.projects?.length && Object.values(query.exclude).every((ids) => !Array.isArray(ids) || ids.length === 0);
    const overFocus = namesNothing && (cues.has('pointer') || cues.has('anaphora')) && (context.list ?? context.projects).length > 0;
    // "Since when has DID been working in that country?": the country of the projects in focus.
    const focusPlaces = [...new Set(known(context.projects).map((project) => project.country))];
    const sinceThere = query.operation === 'figure' && query.figure === 'years-of-experience' && cues.has('pointer') && focusPlaces.length > 0;
    const asked: ProjectQuery = sinceThere
      ? { ...query, figure: 'active-in-country-since', filters: { ...query.filters, countries: focusPlaces } }
      : overFocus
        ? { ...query, projects: [...(context.list ?? context.projects)] }
        : query;
    const result = runQuery(kb, asked);
    because('filters', overFocus ? 1 : Math.max(0.8, Number(named || Boolean(query.projects?.length))));
    if (asked.operation === 'figure') {
      const organizations = [...new Set(result.figures.map((figures) => figures.organization))];
      return answer({ intent: result.combined.length ? 'overview' : 'organization', organizations, query: asked, usedContext: overFocus || sinceThere });
    }
    // "Which started first?" presents the first (and any started the same year).
    const first = result.starts[0];
    const ordered = (asked.operation === 'earliest' || asked.operation === 'latest') && first !== undefined;
    const projects = ordered ? result.starts.filter((start) => start.year === first.year).map((start) => start.project) : result.projects;
    const intent: Intent = projects.length === 0 ? 'fallback' : projects.length === 1 && (asked.operation === 'list' || ordered) ? 'project' : 'list';
    return answer({ intent, projects, organizations: leadsOf(projects), query: asked, usedContext: overFocus, filters: { ...NO_FILTERS, organizations: asked.filters.organizations, countries: asked.filters.countries, regions: asked.filters.regions, sectors: asked.filters.sectors, partners: asked.filters.partners } });
  }

  // Follow-ups: "is there a video?", "the second one", "and in Peru?", "y el de Barbados?".
  // "In the same country" is the place of the projects in focus.
  const focusCountries = known(context.projects).map((project) => project.country);
  const samePlace = cues.has('samePlace') && !countriesWithProjects.length && !regions.length ? [...new Set(focusCountries)] : [];
  if (samePlace.length) {
    // "Anything else in the same country?": the other projects there, if there are any.
    const others = samePlace.flatMap((country) => kb.projectsBy('country', country)).filter((project) => !context.projects.includes(project.id) && (!entities.organizations.length || entities.organizations.includes(project.lead)));
    if (others.length) {
      because('follow-up');
      return presentProjects(others, { usedContext: true, filters: { ...NO_FILTERS, countries: samePlace } });
    }
  }
  let filters: Filters = {
    organizations: entities.organizations,
    countries: samePlace.length ? samePlace : countriesWithProjects,
    regions,
    sectors: entities.strongSectors,
    partners: entities.partners,
  };
  let usedContext = samePlace.length > 0;
  const previous = known(context.projects);
  const lastList = known(context.list ?? context.projects);
  if (previous.length > 0 || context.organizations.length > 0) {
    for (const [cue, index] of ORDINALS) {
      if (!cues.has(cue) || named || lastList.length < 2) continue;
      const chosen = index < 0 ? lastList[lastList.length - 1]! : lastList[index];
      if (chosen) {
        because('follow-up');
        return presentProjects([chosen], { usedContext: true, filters: context.filters });
      }
    }
    // "Háblame del programa de alianza" after a list: the item whose title has the words;
    // "which of the two is about coffee?": the item whose facts have them.
    const titled = !named ? itemNamedByTitle(lastList) : undefined;
    const pointed = !named && !titled && lastList.length >= 2 && (cues.has('pointer') || cues.has('anaphora')) ? best(documents.search(contentWords, new Set(lastList.map((p) => `project:${p.id}`))), options.minWithinScore) : undefined;
    const chosenItem = titled ?? (pointed ? kb.project(pointed.id) : undefined);
    if (chosenItem && lastList.length >= 2) {
      because('follow-up');
      return presentProjects([chosenItem], { usedContext: true, filters: context.filters });
    }
    if (cues.has('other') && !named && lastList.length > previous.length) {
      const others = lastList.filter((project) => !context.projects.includes(project.id));
      if (others.length > 0) {
        because('follow-up');
        return presentProjects(others, { usedContext: true, filters: context.filters });
      }
    }
    // "¿Y qué proyectos tiene?" after an organization's profile: that organization's projects.
    if (!named && cues.has('list') && context.intent === 'organization' && context.organizations.length > 0) {
      const projects = context.organizations.flatMap((id) => kb.projectsBy('lead', id));
      if (projects.length > 0) {
        because('follow-up');
        return presentProjects(projects, { usedContext: true, filters: { ...NO_FILTERS, organizations: context.organizations } });
      }
    }
    const pointsBack =
      cues.has('anaphora') || cues.has('pointer') || facets.length > 0 || analysis.leadingCues.has('continuation') || contentWords.length === 0;
    if (!named && pointsBack && entities.projects.length === 0 && !cues.has('overview') && !cues.has('list')) {
      // Words of the facts may take over ("which project trains staff?"), unless the message
      // points back with words ("the farmers it works with").
      const open = documents.search(contentWords);
      const pointsWithWords = cues.has('anaphora') || cues.has('pointer');
      // "Who are the farmers working with?" after the spice project: words of the sector the
      // projects in focus belong to, and nothing more, describe those projects.
      const describesFocus =
        entities.weakSectors.length > 0 && previous.length > 0 && previous.every((project) => entities.weakSectors.includes(project.sector)) && wordsBeyond(entities.weakSectors).length === 0;
      const retrievalTakesOver = !pointsWithWords && !describesFocus && open[0] !== undefined && open[0].score >= options.minOpenScore * 1.5;
      // A question that points back with words ("its partners", "is there a video?") is surer
      // of its subject than a bare word after an answer.
      const pointer = cues.has('anaphora') || cues.has('pointer') || facets.length > 0 || analysis.leadingCues.has('continuation') ? 1 : 0.8;
      if (!retrievalTakesOver && previous.length > 0) {
        because('follow-up', pointer);
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
        because('follow-up', pointer);
        if (wantsVideo) {
          const withVideo = context.organizations.flatMap((id) => kb.projectsBy('lead', id)).filter(hasVideo);
          if (withVideo.length > 0) return presentProjects(withVideo, { usedContext: true });
        }
        return answer({ intent: 'organization', organizations: context.organizations, usedContext: true });
      }
    }
    const partial = named && entities.projects.length === 0 && entities.partners.length === 0;
    // "and in Peru?" continues the last question; "who is SOCODEVI?" and "all of SOCODEVI's
    // projects" ask a new one: an explicit request beats the focus.
    const asksAnew = cues.has('profile') || (cues.has('list') && !analysis.leadingCues.has('continuation'));
    const continues =
      !asksAnew && (analysis.leadingCues.has('continuation') || cues.has('anaphora') || cues.has('pointer') || contentWords.length === 0);
    if (partial && continues) {
      const within = previous.filter((project) => matches(project, filters, kb));
      if (within.length > 0 && within.length < previous.length) {
        because('follow-up');
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
    because('named');
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

  /**
   * The one item of a list whose title shares at least two of the message's words, and more than
   * any other item's title does (articles and prepositions left out).
   */
  function itemNamedByTitle(list: readonly Project[]): Project | undefined {
    const words = new Set(nameWords(analysis.spelled.map((spelled) => spelled.word)));
    const shared = list.map((project) => ({ project, count: new Set(nameWords(normalize(project.title[language.language]).tokens.map((t) => t.folded)).filter((w) => words.has(w))).size }));
    shared.sort((a, b) => b.count - a.count);
    const [first, second] = shared;
    return first && first.count >= 2 && (!second || second.count < first.count) ? first.project : undefined;
  }

  /** The projects of the places the message names, to suggest when the question itself has no answer here. */
  function suggestionsForPlaces(): string[] {
    const places = [...entities.countries.map((id) => kb.projectsBy('country', id)), ...entities.regions.map((id) => kb.projectsBy('region', id))];
    return [...new Set(places.flat().map((project) => project.id))];
  }

  /** The question's words that say more than the sectors already chosen ("micro", "support"). */
  function wordsBeyond(sectors: readonly string[]): string[] {
    const known = sectors.map((id) => deps.sectorWords.get(id)).filter((words) => words !== undefined);
    return contentWords.filter((word) => !known.some((words) => words.has(word)));
  }

  /**
   * Words of the message that stand in the titles of some of the candidates but not all
   * ("programme de partenariat", "Partnership Program", "programa 2012-2017"): words too common
   * in questions to search on alone, but that tell these projects apart.
   */
  function titleWordsAmong(candidates: readonly Project[]): string[] {
    if (candidates.length < 2 || candidates.length > MAX_CANDIDATES_BY_TITLE) return [];
    const titles = candidates.map(titleWordsOf);
    return analysis.residual.filter((word) => {
      const inTitles = titles.filter((title) => title.has(word)).length;
      return inTitles > 0 && inTitles < titles.length && !contentWords.includes(word);
    });
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
    because('retrieval', retrievalStrength(document.score, options));
    if (document.kind === 'project') return presentProjects([kb.project(document.id)!], { usedContext });
    if (document.kind === 'organization') return answer({ intent: 'organization', organizations: [document.id], usedContext });
    return answer({ intent: 'overview', organizations: kb.organizations.map((o) => o.id) });
  }

  function resolveOpenQuestion(): Understanding {
    const overview = (firmness: number) => {
      because('overview', firmness);
      return answer({ intent: 'overview', organizations: kb.organizations.map((o) => o.id) });
    };
    if (cues.has('overview') && !wantsVideo) return overview(1);
    const scored = preferWeakSectors(documents.search(contentWords));
    // "Why do Canadian co-ops partner...": about the whole, unless the words point at one thing.
    if (cues.has('overviewWeak') && !cues.has('list') && !wantsVideo && (scored[0]?.score ?? 0) < options.minOpenScore * 2) return overview(0.8);
    const top = best(scored, options.minOpenScore);
    if (top) return answerDocument(top);
    const leader = scored[0];
    if (leader && leader.score >= options.minOpenScore) {
      const close = scored.filter((d) => d.kind === 'project' && d.score * options.clearMargin >= leader.score).slice(0, 3);
      if (close.length >= 2) {
        because('retrieval', retrievalStrength(leader.score, options) * 0.8);
        return presentProjects(close.map((d) => kb.project(d.id)!), { usedContext }, 'project');
      }
      return answerDocument(leader);
    }
    if (wantsVideo) {
      because('list');
      return presentProjects(kb.projects.filter(hasVideo));
    }
    // "Projects for women": words that match nothing in the guide are said to, before the whole list.
    if (cues.has('list')) {
      because('list', contentWords.length > 0 ? 0.7 : 1);
      return presentProjects(kb.projects, contentWords.length > 0 ? { gap: { kind: 'no-match' } } : {});
    }
    if (cues.has('overviewWeak') || (cues.has('domain') && contentWords.length <= 2)) return overview(0.7);
    because('nothing', 0.5);
    return answer({ intent: 'fallback', gap: { kind: 'no-match' } });
  }

  function resolveFiltered(): Understanding {
    because('filters');
    const candidates = kb.projects.length > 0 ? selectProjects(filters, kb) : [];
    const onlyOrganizations =
      filters.organizations.length > 0 && !filters.countries.length && !filters.regions.length && !filters.sectors.length && !filters.partners.length;

    if (onlyOrganizations) {
      if (filters.organizations.length >= 2 && (cues.has('overview') || cues.has('overviewWeak')) && !cues.has('list')) {
        because('overview');
        return answer({ intent: 'overview', organizations: kb.organizations.map((o) => o.id) });
      }
      if (wantsVideo) {
        const withVideo = candidates.filter(hasVideo);
        if (withVideo.length > 0) return presentProjects(withVideo, { filters, usedContext });
      }
      const only = new Set([...candidates.map((p) => `project:${p.id}`), ...filters.organizations.map((id) => `organization:${id}`)]);
      const scored = documents.search([...contentWords, ...titleWordsAmong(candidates)], only);
      // "Je me demandais ce qu'est la CCA": asked for the organization's profile, a project
      // takes over only on words that point at it clearly, not on a verb that brushes its facts.
      const top = best(scored, cues.has('profile') ? options.minOpenScore * 2 : options.minOpenScore);
      if (top?.kind === 'project') return presentProjects([kb.project(top.id)!], { filters, usedContext });
      const asksForProjects = cues.has('list') && !cues.has('profile');
      if (asksForProjects && candidates.length > 0) return presentProjects(candidates, { filters, usedContext });
      because('organization');
      return answer({ intent: 'organization', organizations: filters.organizations, filters, usedContext });
    }

    if (candidates.length === 0) {
      const gap: Gap = { kind: 'no-project-for-filters', filters };
      const places = [...filters.countries.map((id) => ['country', id] as const), ...filters.regions.map((id) => ['region', id] as const)];
      const alternatives = places.length
        ? places.flatMap(([facet, id]) => kb.projectsBy(facet, id))
        : filters.organizations.flatMap((id) => kb.projectsBy('lead', id));
      because('gap');
      if (alternatives.length === 0) return answer({ intent: 'fallback', organizations: filters.organizations, filters, gap, usedContext });
      return presentProjects(alternatives, { filters, gap, usedContext });
    }
    if (candidates.length === 1) return presentProjects(candidates, { filters, usedContext });

    const scored = documents.search([...wordsBeyond(filters.sectors), ...titleWordsAmong(candidates)], new Set(candidates.map((p) => `project:${p.id}`)));
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
