/**
 * What the bot replies to one message: a short text, an optional Adaptive Card, and the record of
 * what the reply presents (the ids that logs, feedback and the evaluation read).
 */
import type { AdaptiveCard } from '../cards/adaptiveCard';
import type { Intent, Language } from '../understanding/types';

export interface AnswerRecord {
  readonly language: Language;
  readonly intent: Intent;
  readonly projects: readonly string[];
  readonly organizations: readonly string[];
  readonly videos: readonly string[];
  /** How sure the understanding was of the reading answered (0-1), when it said. */
  readonly confidence?: number;
  /** What kind of message the understanding took it for ("domain", "greeting", "help"...). */
  readonly meta?: string;
}

export interface Choice {
  readonly id: string;
  readonly title: string;
}

export interface Answer {
  readonly text: string;
  readonly card?: AdaptiveCard;
  readonly record: AnswerRecord;
  /** For a clarifying question: the projects to choose from. */
  readonly choices?: readonly Choice[];
}
