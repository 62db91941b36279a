/**
 * What the bot keeps between turns, and the accessors to it. Everything per conversation or per
 * user lives in Bot Framework state (never in shared objects), so concurrent users never see
 * each other's context or language.
 */
import type { ConversationState, StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogState } from '../../dialogs/dialogLibrary';
import type { ConversationContext, Language } from '../understanding/types';

/** The conversation's memory: the context follow-up questions refer to. */
export interface ConversationData {
  context?: ConversationContext;
  /** True once the bot has introduced itself in this conversation. */
  welcomed?: boolean;
  /** How many turns the conversation has had (for usage figures; also proves no update is lost). */
  turns?: number;
}

/** The user's preferences that outlive one conversation. */
export interface UserProfile {
  language?: Language;
}

export interface BotStateAccessors {
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  readonly userProfile: StatePropertyAccessor<UserProfile>;
  readonly dialogState: StatePropertyAccessor<DialogState>;
}

export function createAccessors(conversationState: ConversationState, userState: UserState): BotStateAccessors {
  return {
    conversationData: conversationState.createProperty<ConversationData>('conversationData'),
    userProfile: userState.createProperty<UserProfile>('userProfile'),
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
  };
}
