/**
 * The candidate readings of a message, each with the evidence for it and one confidence:
 * - the message as a question for the guide (resolve.ts says which answer; its confidence is the
 *   classifier's probability that the message is a question for the guide, times how firmly the
 *   reading points at its answer, times how much of the message the answer explains: words that
 *   are neither function words, cues, names nor words of the answer's own facts count against it);
 * - the message as a greeting, thanks, help request, question about the bot, small talk, service
 *   request... (the classifier's probability of each).
 * The candidates come best first; the dialog decides from their confidences (dialogs/decision.ts).
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Analysis } from './analyze';
import type { EntityKind } from './gazetteer';
import type { CueKind } from './lexicon';
import { META_INTENTS, type MetaIntent, type MetaIntentScores } from './metaIntents';
import type { BasisPath, DomainReading } from './resolve';
import type { DocumentIndex } from './retrieval';
import type { Language, NotForTheGuide, SmallTalk, Understanding } from './types';
import { NO_FILTERS } from './types';

/** One piece of evidence for a reading. */
export type Evidence =
  | { readonly kind: 'mention'; readonly entity: EntityKind; readonly id: string; readonly typed: string; readonly distance: number }
  | { readonly kind: 'cue'; readonly cue: CueKind; readonly words: string }
  | { readonly kind: 'correction'; readonly typed: string; readonly read: string; readonly how: string }
  | { readonly kind: 'basis'; readonly path: BasisPath; readonly strength: number; readonly documents: readonly string[] }
  | { readonly kind: 'meta'; readonly intent: MetaIntent; readonly probability: number }
  | { readonly kind: 'unexplained'; readonly words: readonly string[] }
  | { readonly kind: 'focus' }
  /** The numbers the domain model read, for logs and for fitting its weights. */
  | ({ readonly kind: 'domain-model'; readonly unexplainedCount: number } & Omit<DomainEvidence, 'unexplained'>);

export interface Interpretation {
  readonly understanding: Understanding;
  /** From 0 to 1: how likely this reading is the right one. */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

/** Everything the understanding makes of one message: its language and its readings, best first. */
export interface Recognition {
  readonly language: Language;
  readonly languageSource: Understanding['languageSource'];
  readonly interpretations: readonly Interpretation[];
  readonly meta: MetaIntentScores;
}

/**
 * The weights of the evidence that a message is a question for the guide: a logistic model over
 * the classifier's log-odds, how firmly the reading points at its answer, the share of the
 * message's words that the answer explains, and whether the message names something of the guide.
 * Fitted on the intent examples (cross-validated) and the regression sets, see
 * `npm run eval -- --calibration`.
 */
export interface DomainEvidenceWeights {
  readonly bias: number;
  readonly classifier: number;
  readonly strength: number;
  readonly coverage: number;
  readonly guideName: number;
  /** A name of the guide with every other word explained says more than each alone. */
  readonly guideNameAndCoverage: number;
  /** Each word the answer leaves unexplained (up to three): what the question asks may be just that. */
  readonly unexplainedWord: number;
  /** Each further name of the guide (up to two more): a question naming three things of the guide is about it. */
  readonly moreGuideNames: number;
  /** The classifier's log-odds are bounded by this: no single model vetoes the evidence. */
  readonly maxClassifierLogit: number;
}

export interface InterpretOptions {
  readonly domain: DomainEvidenceWeights;
  /** Readings of other kinds under this probability are not listed. */
  readonly minMetaProbability: number;
}

export const DEFAULT_INTERPRET_OPTIONS: InterpretOptions = Object.freeze({
  domain: Object.freeze({
    bias: -0.32,
    classifier: 1.09,
    strength: 0.47,
    coverage: 0.1,
    guideName: 0.98,
    guideNameAndCoverage: 0.65,
    unexplainedWord: -0.55,
    moreGuideNames: 0.44,
    maxClassifierLogit: 6,
  }),
  minMetaProbability: 0.02,
});

/** The numbers the domain model reads. */
export interface DomainEvidence {
  /** The classifier's log-odds that the message is a question for the guide. */
  readonly classifierLogit: number;
  readonly strength: number;
  /** The share of the message's content words that the answer explains (with one word of doubt). */
  readonly coverage: number;
  /** 1 when the message names an organization, project, partner, sector or place of the guide. */
  readonly guideName: number;
  /** How many different things of the guide it names beyond the first (0 to 2). */
  readonly moreGuideNames: number;
  readonly unexplained: readonly string[];
}

const logit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
};

/** What speaks for reading the message as a question for the guide. */
export function domainEvidence(analysis: Analysis, reading: DomainReading, documents: DocumentIndex): DomainEvidence {
  const unexplained = unexplainedWords(analysis, reading, documents);
  const contentCount = analysis.roles.filter((role, index) => (role === 'content' || role === 'number') && (!analysis.subject || analysis.subject.has(index))).length;
  // A reference to what the conversation is about ("its partners", "in the same country") is as
  // good as naming it.
  const followsFocus = reading.basis.path === 'follow-up' && reading.basis.strength >= 1;
  const guideName = followsFocus || analysis.mentions.some((mention) => mention.kind !== 'outside-organization') ? 1 : 0;
  const named = new Set(analysis.mentions.filter((mention) => mention.kind !== 'outside-organization').map((mention) => `${mention.kind}:${mention.id}`));
  return {
    classifierLogit: logit(analysis.meta.domain),
    strength: reading.basis.strength,
    coverage: (contentCount - unexplained.length + 1) / (contentCount + 1),
    guideName,
    moreGuideNames: Math.min(Math.max(named.size - 1, 0), 2),
    unexplained,
  };
}

/** The probability that the message is a question for the guide that this reading answers. */
export function domainProbability(evidence: DomainEvidence, weights: DomainEvidenceWeights): number {
  const classifierLogit = Math.max(-weights.maxClassifierLogit, Math.min(weights.maxClassifierLogit, evidence.classifierLogit));
  const z =
    weights.bias +
    weights.classifier * classifierLogit +
    weights.strength * evidence.strength +
    weights.coverage * evidence.coverage +
    weights.guideName * evidence.guideName +
    weights.guideNameAndCoverage * evidence.guideName * evidence.coverage +
    weights.unexplainedWord * Math.min(evidence.unexplained.length, 3) +
    weights.moreGuideNames * evidence.moreGuideNames;
  return 1 / (1 + Math.exp(-z));
}

const SOCIAL: Partial<Record<MetaIntent, SmallTalk>> = { greeting: 'hello', thanks: 'thanks', farewell: 'bye' };

/** The words of the message that the reading's answer leaves unexplained. */
export function unexplainedWords(analysis: Analysis, reading: DomainReading, documents: DocumentIndex): string[] {
  const explainedByCue = new Set<number>();
  for (const match of analysis.cueMatches) for (let i = match.start; i < match.end; i++) explainedByCue.add(i);
  const weakNames = new Set<number>();
  for (const mention of analysis.mentions) if (mention.strength === 'weak') for (let i = mention.start; i < mention.end; i++) weakNames.add(i);
  const unexplained: string[] = [];
  analysis.roles.forEach((role, index) => {
    if (role !== 'content' && role !== 'number') return;
    if (analysis.subject && !analysis.subject.has(index)) return;
    if (explainedByCue.has(index) || weakNames.has(index)) return;
    const word = analysis.spelled[index]!.word;
    if (reading.basis.documents.some((key) => documents.contains(word, key))) return;
    unexplained.push(analysis.tokens[index]!.original);
  });
  return unexplained;
}

function evidenceOf(analysis: Analysis): Evidence[] {
  const evidence: Evidence[] = [];
  for (const mention of analysis.mentions) evidence.push({ kind: 'mention', entity: mention.kind, id: mention.id, typed: mention.typed, distance: mention.distance });
  for (const match of analysis.cueMatches) {
    const words = analysis.tokens.slice(match.start, match.end).map((token) => token.original).join(' ');
    evidence.push({ kind: 'cue', cue: match.kind, words });
  }
  analysis.spelled.forEach((spelled, index) => {
    if (spelled.correction) evidence.push({ kind: 'correction', typed: analysis.tokens[index]!.original, read: spelled.word, how: spelled.correction.how });
  });
  return evidence;
}

export interface InterpretDependencies {
  readonly kb: KnowledgeBase;
  readonly documents: DocumentIndex;
  readonly options: InterpretOptions;
}

/** The candidate readings of an analysed message, best first. */
export function interpret(analysis: Analysis, reading: DomainReading, deps: InterpretDependencies): Recognition {
  const { understanding } = reading;
  const language = { language: understanding.language, languageSource: understanding.languageSource };
  const shared = evidenceOf(analysis);
  const candidates: Interpretation[] = [];

  if (reading.basis.path === 'empty' || understanding.gap?.kind === 'reset') {
    candidates.push({ understanding, confidence: 1, evidence: [{ kind: 'basis', ...reading.basis }] });
    return { ...language, interpretations: candidates, meta: analysis.meta };
  }

  const pDomain = analysis.meta.domain;
  const evidence = domainEvidence(analysis, reading, deps.documents);
  // A reading that found nothing in the guide has no evidence of its own: it is as likely as the
  // classifier says the message is a question for the guide (then the honest answer is that the
  // guide has nothing on it).
  const domainConfidence = reading.basis.path === 'nothing' ? pDomain : domainProbability(evidence, deps.options.domain);
  candidates.push({
    understanding: { ...understanding, meta: 'domain', confidence: domainConfidence },
    confidence: domainConfidence,
    evidence: [
      { kind: 'meta', intent: 'domain', probability: pDomain },
      { kind: 'basis', ...reading.basis },
      ...shared,
      ...(evidence.unexplained.length ? [{ kind: 'unexplained' as const, words: evidence.unexplained }] : []),
      ...(understanding.usedContext ? [{ kind: 'focus' as const }] : []),
      {
        kind: 'domain-model',
        classifierLogit: evidence.classifierLogit,
        strength: evidence.strength,
        coverage: evidence.coverage,
        guideName: evidence.guideName,
        moreGuideNames: evidence.moreGuideNames,
        unexplainedCount: Math.min(evidence.unexplained.length, 3),
      },
    ],
  });

  // The other kinds share what the domain reading leaves, in the classifier's proportions.
  const rest = 1 - pDomain;
  const share = rest > 0 ? (1 - domainConfidence) / rest : 0;
  const suggestions = suggestionsFor(analysis, deps.kb);
  for (const meta of META_INTENTS) {
    if (meta === 'domain') continue;
    const probability = analysis.meta[meta] * share;
    if (probability < deps.options.minMetaProbability) continue;
    candidates.push({
      understanding: metaUnderstanding(meta, understanding, probability, suggestions),
      confidence: probability,
      evidence: [{ kind: 'meta', intent: meta, probability }, ...shared],
    });
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  return { ...language, interpretations: candidates, meta: analysis.meta };
}

/** The projects of the places, organizations and projects a message names: what a kind reply may suggest. */
export function suggestionsFor(analysis: Analysis, kb: KnowledgeBase): string[] {
  const { entities } = analysis;
  const projects = [
    ...entities.projects.map((id) => kb.project(id)).filter((project) => project !== undefined),
    ...entities.countries.flatMap((id) => kb.projectsBy('country', id)),
    ...entities.regions.filter((id) => id !== 'latin-america').flatMap((id) => kb.projectsBy('region', id)),
    ...entities.partners.flatMap((id) => kb.projectsBy('partner', id)),
    ...entities.organizations.flatMap((id) => kb.projectsBy('lead', id)),
  ];
  return [...new Set(projects.map((project) => project.id))];
}

/** What answering the message as a greeting, a help request, small talk... means. */
function metaUnderstanding(meta: MetaIntent, domain: Understanding, confidence: number, suggestions: readonly string[]): Understanding {
  const base = {
    language: domain.language,
    languageSource: domain.languageSource,
    projects: [],
    organizations: [],
    facets: [],
    filters: NO_FILTERS,
    usedContext: false,
    meta,
    confidence,
  } satisfies Partial<Understanding>;
  const social = SOCIAL[meta];
  if (social) return { ...base, intent: 'greeting', smallTalk: social };
  if (meta === 'help') return { ...base, intent: 'help' };
  return { ...base, intent: 'fallback', gap: { kind: 'not-for-the-guide', reason: meta as NotForTheGuide }, ...(suggestions.length ? { suggestions } : {}) };
}
