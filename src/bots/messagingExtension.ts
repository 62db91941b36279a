/**
 * The search message extension (composeExtension/query): a user looks up a project from Teams'
 * compose box and inserts its card. Queries go through the same understanding as questions, so
 * "Bolivia", "socodevi", "forestry" or "PASAC" all work, misspelt or not.
 */
import { CardFactory, type MessagingExtensionQuery, type MessagingExtensionResult } from 'botbuilder';
import type { Answering } from '../answering';
import { countryName, organizationName, projectTitle } from '../answers/wording';
import { projectCard } from '../cards/projectCard';
import type { Language, Project } from '../knowledge/schema';
import { fold } from '../understanding/normalize';

/** Queries shorter than this return nothing (Teams sends one as the user types). */
export const MIN_QUERY_LENGTH = 2;
/**
 * Queries longer than this are refused before anything reads them: a search box holds a few
 * words, and the understanding's work grows with its input (a 64k-character query held the
 * whole bot for seconds).
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_RESULTS = 8;
/** The command and parameter declared in appPackage/manifest.json. */
export const SEARCH_COMMAND_ID = 'searchProjects';
export const SEARCH_PARAMETER = 'searchQuery';

/** What a composeExtension/query asks for: the search text and the page Teams wants. */
export interface SearchRequest {
  readonly text: string;
  readonly skip: number;
  readonly count: number;
}

/** Reads the search text and paging of an invoke's value; anything missing or malformed reads as empty. */
export function searchRequestOf(query: MessagingExtensionQuery | undefined): SearchRequest {
  const parameters = Array.isArray(query?.parameters) ? query.parameters : [];
  const parameter = parameters.find((p) => p?.name === SEARCH_PARAMETER) ?? parameters[0];
  const text = typeof parameter?.value === 'string' ? parameter.value : '';
  const whole = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback);
  return { text, skip: whole(query?.queryOptions?.skip, 0), count: whole(query?.queryOptions?.count, MAX_RESULTS) };
}

/** The projects a search query points at, best first. */
export function searchProjects(answering: Answering, query: string, language: Language): Project[] {
  const { kb, understander } = answering;
  const understanding = understander.readAsQuestion(query, language);
  const ids = understanding.projects.length
    ? understanding.projects
    : understanding.intent === 'organization'
      ? understanding.organizations.flatMap((id) => kb.projectsBy('lead', id).map((project) => project.id))
      : [];
  if (ids.length) return ids.map((id) => kb.project(id)).filter((project): project is Project => project !== undefined).slice(0, MAX_RESULTS);
  // Nothing understood: fall back to the words of the titles and acronyms, in every language.
  const needle = fold(query.trim());
  return kb.projects
    .filter((project) => [project.acronym ?? '', project.title.en, project.title.fr, project.title.es].some((name) => fold(name).includes(needle)))
    .slice(0, MAX_RESULTS);
}

/**
 * The answer to a compose-box search: the projects' Adaptive Cards with a thumbnail preview each.
 * A query under two characters gets an empty list with a hint in `text` (not an error: Teams sends
 * one invoke per keystroke). Teams asks for further pages with `skip`; there are none past the
 * first MAX_RESULTS.
 */
export function searchResult(answering: Answering, request: SearchRequest, language: Language): MessagingExtensionResult {
  const wording = answering.composer.wording(language);
  if (request.text.length > MAX_QUERY_LENGTH) {
    return { type: 'result', attachmentLayout: 'list', attachments: [], text: wording.t('search.tooLong', { length: request.text.length, max: MAX_QUERY_LENGTH }) };
  }
  if (request.text.trim().length < MIN_QUERY_LENGTH) {
    return { type: 'result', attachmentLayout: 'list', attachments: [], text: wording.t('search.tooShort', { min: MIN_QUERY_LENGTH }) };
  }
  const projects = searchProjects(answering, request.text, language).slice(request.skip, request.skip + Math.min(request.count, MAX_RESULTS));
  const attachments = projects.map((project) => ({
    ...CardFactory.adaptiveCard(projectCard(wording, project)),
    preview: CardFactory.thumbnailCard(
      projectTitle(wording, project),
      `${organizationName(wording, project.lead)} · ${countryName(wording, project.country)}`,
    ),
  }));
  return { type: 'result', attachmentLayout: 'list', attachments };
}
