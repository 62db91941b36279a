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

/**
 * A message that answers a feedback button: `vote` when the submission is well formed, absent
 * when it is not (it is then thanked for and not recorded); `language` is the rated answer's,
 * when the submission names a known one.
 */
export interface FeedbackSubmission {
  readonly vote?: Vote;
  readonly language?: Language;
}

const RATED: ReadonlySet<string> = new Set<Intent>(['project', 'list', 'organization', 'overview']);
/** More ids than any answer shows means the data was made up. */
const MAX_IDS = 20;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function knownIds(value: unknown, isKnown: (id: string) => boolean): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_IDS) return undefined;
  return [...new Set(value.filter((id): id is string => typeof id === 'string' && isKnown(id)))];
}

/** The vote a message's value carries, or undefined when it is not a well-formed one. */
export function voteOf(value: unknown, kb: KnowledgeBase): Vote | undefined {
  if (!isRecord(value) || (value.feedback !== 'up' && value.feedback !== 'down') || !isRecord(value.answer)) return undefined;
  const { intent, language, projects, organizations } = value.answer;
  if (typeof intent !== 'string' || !RATED.has(intent) || !isLanguage(language)) return undefined;
  const projectIds = knownIds(projects, (id) => kb.project(id) !== undefined);
  const organizationIds = knownIds(organizations, (id) => kb.organization(id) !== undefined);
  if (!projectIds || !organizationIds) return undefined;
  return { rating: value.feedback, intent: intent as Intent, language, projects: projectIds, organizations: organizationIds };
}

/**
 * The feedback a message's value carries, or undefined when it is no feedback at all. Any object
 * with a `feedback` key counts as a submission, well formed or not: a forged or outdated one is
 * then thanked for without being recorded, rather than being read as a question (which would
 * answer the button's title and move the conversation's follow-up context).
 */
export function feedbackOf(value: unknown, kb: KnowledgeBase): FeedbackSubmission | undefined {
  if (!isRecord(value) || !Object.hasOwn(value, 'feedback')) return undefined;
  const vote = voteOf(value, kb);
  if (vote) return { vote, language: vote.language };
  const language = isRecord(value.answer) && isLanguage(value.answer.language) ? value.answer.language : undefined;
  return language ? { language } : {};
}
