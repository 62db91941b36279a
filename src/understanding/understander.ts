/**
 * Understanding of chat messages about the partnerships: a pure function of the message, the
 * conversation's context and the client's locale, over indexes built once from the knowledge base
 * and the understanding's resources. It returns the message's candidate readings with their
 * evidence and confidence (`recognize`); the dialog decides what to do with them. It knows nothing
 * of the Bot Framework, so it can be tested and benchmarked alone.
 */
import { createHash } from 'node:crypto';
import { decide, DEFAULT_DECISION_THRESHOLDS, type DecisionThresholds } from '../../dialogs/decision';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { analyze, classifierWords, read, type Analysis, type AnalysisIndexes, type LanguageCue, type Reading } from './analyze';
import { buildDocuments } from './documents';
import { FuzzyVocabulary } from './fuzzy';
import { Gazetteer } from './gazetteer';
import { fillPlaceholders, PLACEHOLDERS, type Placeholder } from './intentExamples';
import { DEFAULT_INTERPRET_OPTIONS, interpret, type InterpretOptions, type Recognition } from './interpret';
import { DEFAULT_LANGUAGE_DETECTION, LanguageDetector, type LanguageDetectionOptions } from './language';
import type { CueKind } from './lexicon';
import { DEFAULT_META_CLASSIFIER_OPTIONS, featuresOf, MetaIntentClassifier, type MetaClassifierOptions, type MetaIntent } from './metaIntents';
import { normalize } from './normalize';
import { PhraseIndex } from './phraseIndex';
import { DEFAULT_RESOLVE_OPTIONS, resolve, type ResolveOptions } from './resolve';
import { shippedResources, type UnderstandingResources } from './resources';
import { DocumentIndex } from './retrieval';
import { Speller } from './speller';
import { EMPTY_CONTEXT, type ConversationContext, type Understanding } from './types';

const foldedWords = (phrase: string) => normalize(phrase).tokens.map((token) => token.folded);

/** Bump when the classifier's features change, so that a model trained before is not reused. */
const FEATURES_VERSION = 'features/9';

export interface UnderstanderOptions {
  readonly resolve: ResolveOptions;
  readonly interpret: InterpretOptions;
  readonly language: LanguageDetectionOptions;
  readonly classifier: MetaClassifierOptions;
}

export const DEFAULT_UNDERSTANDER_OPTIONS: UnderstanderOptions = Object.freeze({
  resolve: DEFAULT_RESOLVE_OPTIONS,
  interpret: DEFAULT_INTERPRET_OPTIONS,
  language: DEFAULT_LANGUAGE_DETECTION,
  classifier: DEFAULT_META_CLASSIFIER_OPTIONS,
});

/** A labelled example as the classifier learns it. */
export interface TrainingExample {
  readonly language: Language;
  readonly label: MetaIntent;
  readonly text: string;
  readonly features: readonly string[];
}

export class Understander {
  private readonly indexes: AnalysisIndexes & { readonly classifier: MetaIntentClassifier };
  private readonly documents: DocumentIndex;
  private readonly functionWords: ReadonlySet<string>;
  private readonly sectorWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether the classifier was trained here (true) or read from the build's files. */
  readonly trainedClassifier: boolean;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly resources: UnderstandingResources = shippedResources(),
    private readonly options: UnderstanderOptions = DEFAULT_UNDERSTANDER_OPTIONS,
  ) {
    const { lexicons, dictionaries } = resources;
    const gazetteer = new Gazetteer(kb, resources.outsideOrganizations, (word) => dictionaries.isWord(word));
    const functionWords = new Set<string>(LANGUAGES.flatMap((language) => lexicons[language].functionWords.flatMap(foldedWords)));
    this.documents = new DocumentIndex(buildDocuments(kb), functionWords);

    const cues = new PhraseIndex<LanguageCue>();
    const cueWords = new Set<string>();
    for (const language of LANGUAGES) {
      for (const [kind, phrases] of Object.entries(lexicons[language].cues) as Array<[CueKind, readonly string[]]>) {
        for (const phrase of phrases) {
          const words = foldedWords(phrase);
          cues.add(words, { kind, language });
          for (const word of words) cueWords.add(word);
        }
      }
    }
    const known = new Set<string>([...gazetteer.vocabulary, ...this.documents.vocabulary, ...functionWords, ...cueWords]);
    // Among equally close corrections, the words questions are made of come first, then names.
    const weight = (word: string) => (cueWords.has(word) || functionWords.has(word) ? 2 : gazetteer.vocabulary.has(word) ? 1 : 0);
    const speller = new Speller(known, dictionaries, new FuzzyVocabulary(known, weight), mergedAbbreviations(resources));
    this.sectorWords = new Map(
      kb.sectors.map((sector) => {
        const phrases = [sector.name.en, sector.name.fr, sector.name.es, ...sector.aliases, ...sector.keywords.en, ...sector.keywords.fr, ...sector.keywords.es];
        return [sector.id, new Set(phrases.flatMap(foldedWords).filter((word) => !functionWords.has(word)))];
      }),
    );
    this.functionWords = functionWords;
    const reading: AnalysisIndexes = {
      gazetteer,
      cues,
      speller,
      functionWords,
      domainWords: this.documents.vocabulary,
      detector: new LanguageDetector(resources.languageModel, options.language),
    };

    const fingerprint = this.fingerprint();
    const saved = resources.savedClassifier;
    const fits = saved?.fingerprint === fingerprint && Array.isArray(saved.counts?.features);
    const restored = fits ? MetaIntentClassifier.restore(saved, options.classifier) : undefined;
    this.trainedClassifier = restored === undefined;
    const classifier = restored ?? MetaIntentClassifier.train(this.trainingExamples(reading), fingerprint, options.classifier);
    this.indexes = { ...reading, classifier };
  }

  /** What the classifier was trained on: the examples, the knowledge base's names, the features' version. */
  private fingerprint(): string {
    const names = [
      ...this.kb.organizations.map((o) => [o.acronym, o.name, o.aliases]),
      ...this.kb.projects.map((p) => [p.acronym, p.title, p.aliases, p.keywords]),
      ...this.kb.countries.map((c) => [c.name, c.aliases, c.demonyms]),
      ...this.kb.regions.map((r) => [r.name, r.aliases]),
      ...this.kb.sectors.map((s) => [s.name, s.aliases, s.keywords]),
      ...this.kb.partners.map((p) => [p.name, p.aliases]),
    ];
    return createHash('sha256')
      .update(JSON.stringify({ version: FEATURES_VERSION, data: this.resources.dataFingerprint, names, words: this.resources.dictionaries.sizes() }))
      .digest('hex')
      .slice(0, 16);
  }

  /**
   * The intent examples as the classifier learns them: names written in place of placeholders,
   * then read exactly as a user's message is. The knowledge base's own keywords are examples of
   * questions for the guide too ("crop insurance", "certificación forestal", alone or with the
   * project's country), since people often type just that.
   */
  private trainingExamples(reading: AnalysisIndexes): TrainingExample[] {
    const names = this.placeholderNames();
    const written = this.resources.intentExamples().map((example, index) => ({ ...example, text: fillPlaceholders(example.text, names, index) }));
    const keywords = this.kb.projects.flatMap((project, p) =>
      LANGUAGES.flatMap((language) =>
        project.keywords[language].map((keyword, k) => ({
          language,
          label: 'domain' as const,
          text: (p + k) % 2 === 0 ? keyword : `${keyword} ${this.kb.country(project.country)?.name[language] ?? ''}`,
        })),
      ),
    );
    return [...written, ...keywords].map((example) => ({ ...example, features: featuresOf(classifierWords(read(example.text, reading), reading)) }));
  }

  /** The names each placeholder of the examples stands for, in turn. */
  private placeholderNames(): Record<Placeholder, string[]> {
    const { kb } = this;
    const names: Record<Placeholder, string[]> = Object.fromEntries(PLACEHOLDERS.map((p) => [p, [] as string[]])) as Record<Placeholder, string[]>;
    names.organization = kb.organizations.flatMap((o) => [o.acronym, o.name.en]);
    names.project = kb.projects.flatMap((p) => [...(p.acronym ? [p.acronym] : []), p.title.en, p.title.fr, p.title.es]);
    names.country = kb.countries.flatMap((c) => [c.name.en, c.name.fr, c.name.es]);
    names.region = kb.regions.flatMap((r) => [r.name.en, r.name.fr, r.name.es]);
    names.partner = kb.partners.map((p) => p.name.en);
    names.sector = kb.sectors.flatMap((s) => [s.name.en, s.name.fr, s.name.es]);
    names['outside-organization'] = this.resources.outsideOrganizations.map((o) => o.name);
    names.place = [...this.resources.placeNames];
    return names;
  }

  /** The examples as the classifier reads them (for the calibration report and tests). */
  examplesForTraining(): TrainingExample[] {
    return this.trainingExamples(this.indexes);
  }

  /** The classifier in use, to save it at build time. */
  get classifier(): MetaIntentClassifier {
    return this.indexes.classifier;
  }

  /** What a message contains, without asking the classifier what kind of message it is (for tests). */
  read(text: string): Reading {
    return read(text, this.indexes);
  }

  /** What a message contains, before the conversation's context is applied (for tests and logs). */
  analyze(text: string): Analysis {
    return analyze(text, this.indexes);
  }

  /** The message's candidate readings in its conversation, best first, with their evidence. */
  recognize(text: string, context: ConversationContext = EMPTY_CONTEXT, locale?: string): Recognition {
    const analysis = this.analyze(text);
    const reading = resolve(analysis, context, locale, {
      kb: this.kb,
      documents: this.documents,
      functionWords: this.functionWords,
      sectorWords: this.sectorWords,
      options: this.options.resolve,
    });
    return interpret(analysis, reading, { kb: this.kb, documents: this.documents, options: this.options.interpret });
  }

  /** The reply the dialog's decision gives to a message (recognize, then decide): for tools and tests. */
  understand(text: string, context: ConversationContext = EMPTY_CONTEXT, locale?: string, thresholds: DecisionThresholds = DEFAULT_DECISION_THRESHOLDS): Understanding {
    return decide(this.recognize(text, context, locale), thresholds);
  }

  /** The message read as a question for the guide, however unsure (a search box has no other reading). */
  readAsQuestion(text: string, locale?: string): Understanding {
    const recognition = this.recognize(text, EMPTY_CONTEXT, locale);
    const domain = recognition.interpretations.find((candidate) => candidate.understanding.meta === 'domain' || candidate.understanding.meta === undefined);
    return domain?.understanding ?? this.understand(text, EMPTY_CONTEXT, locale);
  }
}

/** The chat abbreviations of the three languages; one that two languages read differently is left out. */
function mergedAbbreviations(resources: UnderstandingResources): Map<string, string> {
  const merged = new Map<string, string>();
  const conflicting = new Set<string>();
  for (const language of LANGUAGES) {
    for (const [short, word] of Object.entries(resources.lexicons[language].abbreviations)) {
      const folded = foldedWords(short)[0];
      const full = foldedWords(word)[0];
      if (!folded || !full) continue;
      if (merged.has(folded) && merged.get(folded) !== full) conflicting.add(folded);
      merged.set(folded, full);
    }
  }
  for (const short of conflicting) merged.delete(short);
  return merged;
}
