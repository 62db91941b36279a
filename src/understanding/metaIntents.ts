/**
 * What kind of message this is, learned from examples rather than listed: a question for the
 * guide ("domain"), or one of the messages around it: a greeting, thanks, a goodbye, a request for
 * help, a question about the bot itself, small talk, a complaint, asking for a person, a request
 * for a service the bot does not give, a question outside the guide, or a self-introduction.
 *
 * A naive Bayes classifier from `natural`, trained on data/intents/<language>.yaml (written for
 * this project in the three languages), over the message's normalised stems and word pairs. Names
 * are replaced by their kind ("@country", "@organization"...), so that "how many people live in
 * Haiti" and "what does DID do in Haiti" differ by what they ask, not by the name they share.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import { stemsOf } from './stem';

export const META_INTENTS = [
  'domain',
  'greeting',
  'thanks',
  'farewell',
  'help',
  'about-bot',
  'smalltalk',
  'complaint',
  'human',
  'service-request',
  'out-of-scope',
  'introduction',
] as const;
export type MetaIntent = (typeof META_INTENTS)[number];

/**
 * One word of a message as the classifier reads it: a (corrected, folded) word, a name's kind, or
 * a tag saying what the word is to the bot (a cue of some kind, a word of the knowledge base's
 * facts, an everyday word the bot has no use for, a word of no language).
 */
export type ClassifierWord = { readonly word: string; readonly unknown?: boolean } | { readonly name: string } | { readonly tag: string };

/**
 * The features of a message: the stems of its words in the three languages, its names' kinds, its
 * tags, and pairs of neighbouring words or kinds. Tags carry what the bot knows of words the
 * examples never used: "portrait" is a cue for a profile, "webinars" a word of a project's facts,
 * "busy" an everyday word the guide has no use for (the idea of NLP.js's None feature).
 */
export function featuresOf(words: readonly ClassifierWord[]): string[] {
  const features = new Set<string>();
  const units: string[] = [];
  const tagCounts = new Map<string, number>();
  for (const item of words) {
    if ('tag' in item) {
      tagCounts.set(item.tag, (tagCounts.get(item.tag) ?? 0) + 1);
      continue;
    }
    const unit = 'name' in item ? `@${item.name}` : item.word;
    units.push(unit);
    if ('name' in item) features.add(unit);
    // A word of no language has no stem worth computing: it stands as it is.
    else if (item.unknown) features.add(item.word);
    else for (const stem of stemsOf(item.word)) features.add(stem);
  }
  for (const [tag, count] of tagCounts) {
    features.add(`#${tag}`);
    if (count >= 2) features.add(`#${tag}*2`);
  }
  for (let i = 1; i < units.length; i++) features.add(`${units[i - 1]}_${units[i]}`);
  if (units.length <= 2) features.add(`@length${units.length}`);
  return [...features];
}

export type MetaIntentScores = Readonly<Record<MetaIntent, number>>;

/** A feature that is a word's stem (not a name's kind, a tag or a pair). */
const isWordFeature = (feature: string) => !feature.startsWith('@') && !feature.startsWith('#') && !feature.includes('_');

/** The features that say how many rare stems a message has. */
function rareFeatures(count: number): string[] {
  return count === 0 ? [] : count < 3 ? ['#rare'] : ['#rare', '#rare*3'];
}

export interface MetaClassifierOptions {
  /** Additive smoothing of each feature's count (Lidstone); 1 is Laplace's. */
  readonly additive: number;
  /**
   * How much of a class's score comes from the Bernoulli form of naive Bayes (the share of the
   * class's examples that have each feature the message has, and lack each one it lacks), the rest
   * from the multinomial form (each feature's share of all the class's feature occurrences). The
   * multinomial form dilutes every feature of a class whose examples use many different words (the
   * domain class), so small classes win short messages they should not ("help" read as thanks);
   * the Bernoulli form does not depend on a class's vocabulary, but charges a small class with
   * concentrated words for every one of them a message lacks ("coucou" read as small talk rather
   * than a greeting). A blend, chosen on the evaluation sets, keeps the strengths of both.
   */
  readonly bernoulliWeight: number;
  /** How far the classes' shares of the examples weigh as priors: 1 fully, 0 not at all (uniform). */
  readonly priorWeight: number;
  /**
   * Naive Bayes treats every feature as independent, so its probabilities are far too sure of
   * themselves; dividing the log scores by this temperature spreads them (chosen on the examples,
   * see `npm run eval -- --calibration`).
   */
  readonly temperature: number;
}

export const DEFAULT_META_CLASSIFIER_OPTIONS: MetaClassifierOptions = Object.freeze({ additive: 0.1, bernoulliWeight: 0.7, priorWeight: 0, temperature: 3 });

/**
 * What natural's Bayes classifier learned, as the bot keeps it: the features in the order natural
 * numbered them, and for each class its example count and, per feature number, natural's smoothed
 * count of the class's examples that have the feature. (natural's own save format also keeps
 * every training document, five times the size.)
 */
export interface BayesCounts {
  readonly features: readonly string[];
  readonly classFeatures: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly classTotals: Readonly<Record<string, number>>;
  readonly totalExamples: number;
  readonly smoothing: number;
}

/** The trained model as the build saves it, with a fingerprint of what it was trained on. */
export interface SavedMetaClassifier {
  readonly fingerprint: string;
  readonly counts: BayesCounts;
}

/** The parts of natural's trained classifier that hold what it learned. */
interface NaturalBayesInternals {
  readonly features: Record<string, number>;
  readonly classifier: Omit<BayesCounts, 'features'>;
}

/** One class's scoring terms, computed once from the counts. */
interface ClassTable {
  readonly counts: Readonly<Record<string, number>>;
  readonly logPrior: number;
  /** The class's feature occurrences plus the smoothing of every feature. */
  readonly denominator: number;
  /** Bernoulli: the class's examples plus twice the smoothing. */
  readonly examples: number;
  /** Bernoulli: the log probability of lacking every feature, to which a message's features add their difference. */
  readonly absentAll: number;
}

export class MetaIntentClassifier {
  private readonly featureIndex: ReadonlyMap<string, number>;
  private readonly tables: ReadonlyMap<string, ClassTable>;

  private constructor(
    private readonly counts: BayesCounts,
    readonly fingerprint: string,
    private readonly options: MetaClassifierOptions,
  ) {
    // A message's features are looked up by natural's numbers, so that scoring touches only the
    // features the message has.
    this.featureIndex = new Map(counts.features.map((feature, index) => [feature, index]));
    const examples = counts.totalExamples - 1;
    this.tables = new Map(
      Object.entries(counts.classFeatures).map(([label, table]) => {
        let occurrences = 0;
        for (const value of Object.values(table)) occurrences += value - counts.smoothing;
        const classExamples = (counts.classTotals[label] ?? 1) - 1;
        // How many examples a class has says how hard it was to write, not how often people send
        // such messages: the prior leans toward the classes' shares only as far as `priorWeight`.
        const share = Math.max(classExamples, 1) / Math.max(examples, 1);
        const examplesSmoothed = classExamples + 2 * options.additive;
        let absentAll = 0;
        let seenFeatures = 0;
        for (const value of Object.values(table)) {
          absentAll += Math.log(1 - (value - counts.smoothing + options.additive) / examplesSmoothed);
          seenFeatures++;
        }
        absentAll += (counts.features.length - seenFeatures) * Math.log(1 - options.additive / examplesSmoothed);
        return [label, { counts: table, logPrior: options.priorWeight * Math.log(share), denominator: occurrences + options.additive * counts.features.length, examples: examplesSmoothed, absentAll }];
      }),
    );
  }

  /** Trains natural's classifier on labelled examples, each given as its features. */
  static train(examples: ReadonlyArray<{ readonly features: readonly string[]; readonly label: MetaIntent }>, fingerprint: string, options = DEFAULT_META_CLASSIFIER_OPTIONS): MetaIntentClassifier {
    // Words met in one example only stand, in training, for the words a message brings that no
    // example had: "#rare" learns which kinds of message bring such words (small talk and
    // questions outside the guide do; help requests do not).
    const seen = new Map<string, number>();
    for (const example of examples) for (const feature of example.features) if (isWordFeature(feature)) seen.set(feature, (seen.get(feature) ?? 0) + 1);
    const classifier = new BayesClassifier();
    for (const example of examples) {
      if (example.features.length === 0) continue;
      const rare = example.features.filter((feature) => isWordFeature(feature) && (seen.get(feature) ?? 0) <= 1).length;
      classifier.addDocument([...example.features, ...rareFeatures(rare)], example.label);
    }
    classifier.train();
    const learned = classifier as unknown as NaturalBayesInternals;
    // natural numbers features in the order its feature table lists them (Object.keys order).
    const counts: BayesCounts = { ...learned.classifier, features: Object.keys(learned.features) };
    return new MetaIntentClassifier(
      {
        features: counts.features,
        classFeatures: counts.classFeatures,
        classTotals: counts.classTotals,
        totalExamples: counts.totalExamples,
        smoothing: counts.smoothing,
      },
      fingerprint,
      options,
    );
  }

  /** A classifier saved by `save`. */
  static restore(saved: SavedMetaClassifier, options = DEFAULT_META_CLASSIFIER_OPTIONS): MetaIntentClassifier {
    return new MetaIntentClassifier(saved.counts, saved.fingerprint, options);
  }

  save(): SavedMetaClassifier {
    return { fingerprint: this.fingerprint, counts: this.counts };
  }

  /** How many distinct features the examples had. */
  get featureCount(): number {
    return this.featureIndex.size;
  }

  /** True when the examples had this feature. */
  knowsFeature(feature: string): boolean {
    return this.featureIndex.has(feature);
  }

  /** In how many examples the feature occurred (0 for one no example had). */
  private occurrences(feature: string): number {
    const index = this.featureIndex.get(feature);
    if (index === undefined) return 0;
    let total = 0;
    for (const table of this.tables.values()) {
      const count = table.counts[index];
      if (count !== undefined) total += count - this.counts.smoothing;
    }
    return total;
  }

  /**
   * The probability of each class for a message's features, by a blend of the Bernoulli and the
   * multinomial forms of naive Bayes over natural's counts (binary features, additive smoothing
   * over the whole feature set; see `bernoulliWeight`): natural's own scoring charges a feature the
   * class has never seen by the class's size, which sends every unusual word to the smallest class.
   * Logarithms keep long messages from underflowing; the temperature then spreads the probabilities.
   */
  classify(features: readonly string[]): MetaIntentScores {
    const rare = features.filter((feature) => isWordFeature(feature) && this.occurrences(feature) <= 1).length;
    const indexes = [...features, ...rareFeatures(rare)].map((feature) => this.featureIndex.get(feature)).filter((index) => index !== undefined);
    const logScores = META_INTENTS.map((label) => {
      const table = this.tables.get(label);
      if (!table) return -Infinity;
      // The features are distinct (a message's features are a set), so one pass serves both forms.
      let bernoulli = table.absentAll;
      let multinomial = 0;
      for (const index of indexes) {
        const count = (table.counts[index] ?? this.counts.smoothing) - this.counts.smoothing + this.options.additive;
        const present = count / table.examples;
        bernoulli += Math.log(present) - Math.log(1 - present);
        multinomial += Math.log(count / table.denominator);
      }
      const weight = this.options.bernoulliWeight;
      const score = table.logPrior + weight * bernoulli + (1 - weight) * multinomial;
      return score / this.options.temperature;
    });
    const top = Math.max(...logScores);
    const weights = logScores.map((score) => Math.exp(score - top));
    const sum = weights.reduce((a, b) => a + b, 0);
    return Object.fromEntries(META_INTENTS.map((label, i) => [label, weights[i]! / sum])) as Record<MetaIntent, number>;
  }
}
