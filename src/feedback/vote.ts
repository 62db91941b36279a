/**
 * Reads a feedback button's submission. The data comes back from the client, so nothing in it is
 * trusted: the rating must be up or down, the language and intent known ones, and only ids the
 * knowledge base knows are kept (at most a card's worth of them).
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language } from '../knowledge/schema';
import type { Intent } from '../understanding/types';

export interface Vote {
  readonly rating: 'up' | 'down';
  readonly intent: Intent;
  readonly language: Language;
  readonly projects: readonly string[];
  readonly organizations: readonly string[];
}

const RATED: ReadonlySet<string> = new Set<Intent>(['project', 'list', 'organization', 'overview']);
/** More ids than any answer shows means the data was made up. */
const MAX_IDS = 20;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function knownIds(value: unknown, isKnown: (id: string) => boolean): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_IDS) return undefined;
  return [...new Set(value.filter((id): id is string => typeof id === 'string' && isKnown(id)))];
}

/** The vote a message's value carries, or undefined when it is not a well-formed one. */
export function voteOf(value: unknown, kb: KnowledgeBase): Vote | undefined {
  if (!isRecord(value) || (value.feedback !== 'up' && value.feedback !== 'down') || !isRecord(value.answer)) return undefined;
  const { intent, language, projects, organizations } = value.answer;
  if (typeof intent !== 'string' || !RATED.has(intent)) return undefined;
  if (typeof language !== 'string' || !(LANGUAGES as readonly string[]).includes(language)) return undefined;
  const projectIds = knownIds(projects, (id) => kb.project(id) !== undefined);
  const organizationIds = knownIds(organizations, (id) => kb.organization(id) !== undefined);
  if (!projectIds || !organizationIds) return undefined;
  return { rating: value.feedback, intent: intent as Intent, language: language as Language, projects: projectIds, organizations: organizationIds };
}
