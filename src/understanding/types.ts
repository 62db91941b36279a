/**
 * The structured result of understanding one message, and the context of earlier turns that
 * follow-up questions need. Plain data: it is stored in conversation state and logged.
 */
import type { ProjectQuery } from '../knowledge/query';
import type { Language } from '../knowledge/schema';
import type { Facet } from './lexicon';
import type { MetaIntent } from './metaIntents';

export type { Facet } from './lexicon';
export type { Language } from '../knowledge/schema';
export type { MetaIntent } from './metaIntents';

export type Intent = 'project' | 'list' | 'organization' | 'overview' | 'greeting' | 'help' | 'clarify' | 'fallback';

/** What a question narrowed the projects down by. */
export interface Filters {
  readonly organizations: readonly string[];
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  readonly partners: readonly string[];
}

export const NO_FILTERS: Filters = { organizations: [], countries: [], regions: [], sectors: [], partners: [] };

/** Why the bot has no direct answer, so that the reply can say so honestly. */
export type Gap =
  | { readonly kind: 'empty' }
  | { readonly kind: 'out-of-scope' }
  | { readonly kind: 'unknown-organization'; readonly name: string }
  | { readonly kind: 'country-without-projects'; readonly countries: readonly string[]; readonly regions?: readonly string[]; readonly organizations: readonly string[] }
  | { readonly kind: 'no-project-for-filters'; readonly filters: Filters }
  | { readonly kind: 'no-video'; readonly projects: readonly string[] }
  | { readonly kind: 'no-match' }
  /** An organization the guide does not cover ("Oxfam"), by the name a reply uses. */
  | { readonly kind: 'outside-organization'; readonly names: readonly string[] }
  /** A message that is not a question for the guide: about the bot, small talk, a service request... */
  | { readonly kind: 'not-for-the-guide'; readonly reason: NotForTheGuide }
  /** A question the understanding is not sure enough of to answer. */
  | { readonly kind: 'unsure' }
  /** "Start over": the conversation's focus is cleared. */
  | { readonly kind: 'reset' };

/** The kinds of message the bot answers kindly without an answer from the guide. */
export type NotForTheGuide = Exclude<MetaIntent, 'domain' | 'greeting' | 'thanks' | 'farewell' | 'help'>;

export type SmallTalk = 'hello' | 'thanks' | 'bye';

/** What the bot understood of a message. */
export interface Understanding {
  /** The language to answer in. */
  readonly language: Language;
  /** Where the language came from: the message itself, the conversation so far, the client's locale or the default. */
  readonly languageSource: 'message' | 'request' | 'conversation' | 'locale' | 'default';
  readonly intent: Intent;
  /** Projects the answer presents, in order. */
  readonly projects: readonly string[];
  /** Organizations the answer presents or is about. */
  readonly organizations: readonly string[];
  /** What was asked about the projects or organizations (video, partners, dates...). */
  readonly facets: readonly Facet[];
  readonly filters: Filters;
  readonly gap?: Gap;
  readonly smallTalk?: SmallTalk;
  /** True when earlier turns decided part of the answer (a follow-up). */
  readonly usedContext: boolean;
  /** How sure the understanding is of this reading of the message, from 0 to 1. */
  readonly confidence?: number;
  /** What kind of message the classifier took it for. */
  readonly meta?: MetaIntent;
  /** Projects a reply may offer as suggestions (buttons) without presenting them. */
  readonly suggestions?: readonly string[];
  /**
   * A question over the whole guide (a count, an exclusion, an order, who leads each, a figure):
   * the answer is computed by running it (src/knowledge/query.ts); `projects` then holds what it
   * presents.
   */
  readonly query?: ProjectQuery;
}

/** What the understanding remembers of the conversation between turns. */
export interface ConversationContext {
  readonly language?: Language;
  readonly intent?: Intent;
  readonly projects: readonly string[];
  readonly organizations: readonly string[];
  readonly filters: Filters;
  /** The last list shown, kept while the user looks at its items ("the second", "the other one"). */
  readonly list?: readonly string[];
  /** What was last asked about the subject (the video, the partners...): "in English?" after a video. */
  readonly facets?: readonly Facet[];
}

export const EMPTY_CONTEXT: ConversationContext = { projects: [], organizations: [], filters: NO_FILTERS };

/** The context that an answer leaves for the next turn. */
export function contextAfter(understanding: Understanding, previous: ConversationContext): ConversationContext {
  if (understanding.gap?.kind === 'reset') return { ...EMPTY_CONTEXT, language: understanding.language };
  const answeredSomething = understanding.projects.length > 0 || understanding.organizations.length > 0;
  if (!answeredSomething && (understanding.intent === 'greeting' || understanding.intent === 'help' || understanding.intent === 'fallback')) {
    return { ...previous, language: understanding.language };
  }
  const isList = understanding.intent === 'list' || understanding.intent === 'clarify';
  const staysInList = understanding.projects.length > 0 && understanding.projects.every((id) => previous.list?.includes(id));
  const list = isList ? understanding.projects : staysInList ? previous.list : undefined;
  return {
    language: understanding.language,
    intent: understanding.intent,
    projects: understanding.projects,
    organizations: understanding.organizations,
    filters: understanding.filters,
    ...(list ? { list } : {}),
    ...(understanding.facets.length ? { facets: understanding.facets } : {}),
  };
}
