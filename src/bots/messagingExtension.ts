/**
 * The search message extension (composeExtension/query): a user looks up a project from Teams'
 * compose box and inserts its card. Queries go through the same understanding as questions, so
 * "Bolivia", "socodevi", "forestry" or "PASAC" all work, misspelt or not.
 */
import { CardFactory, type MessagingExtensionResult } from 'botbuilder';
import type { Answering } from '../answering';
import { countryName, organizationName, projectTitle } from '../answers/wording';
import { projectCard } from '../cards/projectCard';
import type { Language, Project } from '../knowledge/schema';
import { fold } from '../understanding/normalize';

/** Queries shorter than this return nothing (Teams sends one as the user types). */
export const MIN_QUERY_LENGTH = 2;
export const MAX_RESULTS = 8;

/** The projects a search query points at, best first. */
export function searchProjects(answering: Answering, query: string, language: Language): Project[] {
  const { kb, understander } = answering;
  const understanding = understander.understand(query, undefined, language);
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

export function searchResult(answering: Answering, query: string, language: Language): MessagingExtensionResult {
  if (query.trim().length < MIN_QUERY_LENGTH) return { type: 'result', attachmentLayout: 'list', attachments: [] };
  const wording = answering.composer.wording(language);
  const attachments = searchProjects(answering, query, language).map((project) => ({
    ...CardFactory.adaptiveCard(projectCard(wording, project)),
    preview: CardFactory.thumbnailCard(
      projectTitle(wording, project),
      `${organizationName(wording, project.lead)} · ${countryName(wording, project.country)}`,
    ),
  }));
  return { type: 'result', attachmentLayout: 'list', attachments };
}
