/**
 * Understanding of chat messages about the partnerships: a pure function of the message, the
 * conversation's context and the client's locale, over indexes built once from the knowledge base
 * and the understanding's resources. It returns the message's candidate readings with their
 * evidence and confidence (`recognize`); the dialog decides what to do with them. It knows nothing
 * of the Bot Framework, so it can be tested and benchmarked alone.
 */
import { decide, DEFAULT_DECISION_THRESHOLDS, type DecisionThresholds } from '../../dialogs/decision';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { fingerprint } from '../util/fingerprint';
import { analyze, classifierWords, read, type Analysis, type AnalysisIndexes, type Reading } from './analyze';
import { FuzzyVocabulary, type Correction, type WordWeight } from './fuzzy';
import { buildIndexes, indexesKey, readIndexes } from './indexes';
import type { Placeholder } from './intentExamples';
import { DEFAULT_INTERPRET_OPTIONS, interpret, type InterpretOptions, type Recognition } from './interpret';
import { DEFAULT_LANGUAGE_DETECTION, LanguageDetector, type LanguageDetectionOptions } from './language';
import { DEFAULT_META_CLASSIFIER_OPTIONS, featuresOf, MetaIntentClassifier, type MetaClassifierOptions, type MetaIntent } from './metaIntents';
import { DEFAULT_RESOLVE_OPTIONS, resolve, type ResolveOptions } from './resolve';
import { shippedResources, type KnownFingerprint, type UnderstandingResources } from './resources';
import type { DocumentIndex } from './retrieval';
import { Speller } from './speller';
import { EMPTY_CONTEXT, type ConversationContext, type Understanding } from './types';

/**
 * The known words as spelling correction searches them, filed the first time a word needs
 * correcting: filing every known word by letter is work a first question of correctly spelt words
 * never uses.
 */
class VocabularyOnFirstCorrection extends FuzzyVocabulary {
  private vocabulary: FuzzyVocabulary | undefined;

  constructor(
    private readonly knownWords: Iterable<string>,
    private readonly wordWeight: WordWeight,
  ) {
    super([], wordWeight);
  }

  override correct(word: string): Correction | undefined {
    this.vocabulary ??= new FuzzyVocabulary(this.knownWords, this.wordWeight);
    return this.vocabulary.correct(word);
  }
}

/** The examples' module (and the YAML reader it brings) is loaded only to train, which a start with the build's classifier never does. */
const intentExamplesModule = () => require('./intentExamples') as typeof import('./intentExamples');

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
  /** Whether the indexes were read from the build's files (true) or built here. */
  readonly restoredIndexes: boolean;
  /** The fingerprint of what the classifier is trained on, and the text it was computed from (the build keeps both). */
  readonly classifierFingerprint: KnownFingerprint;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly resources: UnderstandingResources = shippedResources(),
    private readonly options: UnderstanderOptions = DEFAULT_UNDERSTANDER_OPTIONS,
  ) {
    // The build's indexes when they were made from this knowledge base and these data files;
    // built here otherwise (an edited data/, another knowledge base), with the same result.
    const key = indexesKey(kb, resources);
    const restored = readIndexes(resources.savedIndexes?.(), key);
    this.restoredIndexes = restored !== undefined;
    const built = restored ?? buildIndexes(kb, resources);
    const { gazetteer, functionWords, cueWords, cues } = built;
    this.documents = built.documents;
    const known = new Set<string>([...gazetteer.vocabulary, ...this.documents.vocabulary, ...functionWords, ...cueWords]);
    // Among equally close corrections, the words questions are made of come first, then names.
    const weight = (word: string) => (cueWords.has(word) || functionWords.has(word) ? 2 : gazetteer.vocabulary.has(word) ? 1 : 0);
    const speller = new Speller(known, resources.dictionaries, new VocabularyOnFirstCorrection(known, weight), built.abbreviations);
    this.sectorWords = built.sectorWords;
    this.functionWords = functionWords;
    const reading: AnalysisIndexes = {
      gazetteer,
      cues,
      speller,
      functionWords,
      domainWords: this.documents.vocabulary,
      detector: new LanguageDetector(resources.languageModel, options.language),
    };

    this.classifierFingerprint = this.fingerprint();
    const fingerprint = this.classifierFingerprint.fingerprint;
    const saved = resources.savedClassifier;
    const fits = saved?.fingerprint === fingerprint && Array.isArray(saved.counts?.features);
    const restoredClassifier = fits ? MetaIntentClassifier.restore(saved, options.classifier) : undefined;
    this.trainedClassifier = restoredClassifier === undefined;
    const classifier = restoredClassifier ?? MetaIntentClassifier.train(this.trainingExamples(reading), fingerprint, options.classifier);
    this.indexes = { ...reading, classifier };
  }

  /** What the classifier was trained on: the examples, the knowledge base's names, the features' version. */
  private fingerprint(): KnownFingerprint {
    const names = [
      ...this.kb.organizations.map((o) => [o.acronym, o.name, o.aliases]),
      ...this.kb.projects.map((p) => [p.acronym, p.title, p.aliases, p.keywords]),
      ...this.kb.countries.map((c) => [c.name, c.aliases, c.demonyms]),
      ...this.kb.regions.map((r) => [r.name, r.aliases]),
      ...this.kb.sectors.map((s) => [s.name, s.aliases, s.keywords]),
      ...this.kb.partners.map((p) => [p.name, p.aliases]),
    ];
    const text = JSON.stringify({ version: FEATURES_VERSION, data: this.resources.dataFingerprint, names, words: this.resources.dictionaries.sizes() });
    // The build keeps the text of its classifier's fingerprint: the same text needs no hashing again.
    const known = this.resources.classifierFingerprint;
    return { text, fingerprint: known?.text === text ? known.fingerprint : fingerprint(text) };
  }

  /**
   * The intent examples as the classifier learns them: names written in place of placeholders,
   * then read exactly as a user's message is. The knowledge base's own keywords are examples of
   * questions for the guide too ("crop insurance", "certificación forestal", alone or with the
   * project's country), since people often type just that.
   */
  private trainingExamples(reading: AnalysisIndexes): TrainingExample[] {
    const names = this.placeholderNames();
    const { fillPlaceholders } = intentExamplesModule();
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
    const names: Record<Placeholder, string[]> = Object.fromEntries(intentExamplesModule().PLACEHOLDERS.map((p) => [p, [] as string[]])) as Record<Placeholder, string[]>;
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
