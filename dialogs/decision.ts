/**
 * What the bot does with a message's readings (the understanding's candidate interpretations, best
 * first, each with a confidence): answer the best one when it is sure enough; otherwise say
 * honestly that it is not sure, with suggestions drawn from what the message named. The thresholds
 * live here, in one options object, and were chosen from the calibration table that
 * `npm run eval -- --calibration` prints (accuracy by confidence band).
 */
import type { Recognition } from '../src/understanding/interpret';
import { NO_FILTERS, type Understanding } from '../src/understanding/types';

export interface DecisionThresholds {
  /** Least confidence for an answer from the guide. */
  readonly answer: number;
  /** Least probability for a reply to a greeting, thanks, help request, small talk... */
  readonly reply: number;
  /** Most suggestions an unsure reply offers. */
  readonly maxSuggestions: number;
}

export const DEFAULT_DECISION_THRESHOLDS: DecisionThresholds = Object.freeze({ answer: 0.3, reply: 0.2, maxSuggestions: 3 });

/** The reply the bot gives to a recognised message. */
export function decide(recognition: Recognition, thresholds: DecisionThresholds = DEFAULT_DECISION_THRESHOLDS): Understanding {
  const [best] = recognition.interpretations;
  const sureEnough = best && best.confidence >= (best.understanding.meta === 'domain' ? thresholds.answer : thresholds.reply);
  if (best && (sureEnough || best.understanding.meta === undefined)) return best.understanding;
  // Not sure: say so kindly, and offer what the readings point at (the guide's answer, or the
  // projects of the places the message named).
  const domain = recognition.interpretations.find((candidate) => candidate.understanding.meta === 'domain')?.understanding;
  const pointedAt = [...(domain?.projects ?? []), ...(domain?.suggestions ?? []), ...(best?.understanding.suggestions ?? [])];
  const suggestions = [...new Set(pointedAt)].slice(0, thresholds.maxSuggestions);
  return {
    language: recognition.language,
    languageSource: recognition.languageSource,
    intent: 'fallback',
    projects: [],
    organizations: [],
    facets: [],
    filters: NO_FILTERS,
    usedContext: false,
    gap: { kind: 'unsure' },
    confidence: best?.confidence ?? 0,
    ...(best?.understanding.meta ? { meta: best.understanding.meta } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  };
}
