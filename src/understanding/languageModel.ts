/**
 * A small statistical model of how English, French and Spanish words look, for telling the
 * language of short chat messages ("hola", "tu peux faire quoi", "you seem busy", "kien finansia").
 * Each language gives every word a probability, a mixture of four sources:
 * - how frequent the word is in the language (published frequency lists, by rank);
 * - how often it occurs in the bot's own texts in that language (lexicons, intent examples, the
 *   knowledge base), which hold chat words the lists miss ("bjr", "holi", "svp");
 * - whether the language's dictionary has it at all (every form of the Hunspell dictionary);
 * - for words found nowhere (typos, SMS spellings), a character trigram model of the language's
 *   dictionary words.
 * The model is built at build time (src/build/precompute.ts) and read at start; scoring a word
 * is a few map look-ups.
 */
import { LANGUAGES, type Language } from '../knowledge/schema';
import type { Dictionaries } from './dictionary';

export const LANGUAGE_MODEL_FORMAT = 'coop-language-model/2';

/** The model as stored: probabilities and counts per language. */
export interface LanguageModelData {
  readonly format: string;
  readonly languages: Record<
    Language,
    {
      /** The frequency list, folded, most frequent first (its weights follow from the ranks). */
      readonly frequent: readonly string[];
      /** Folded word -> how often it occurs in the bot's own texts in the language. */
      readonly corpus: Record<string, number>;
      /** "abc" -> how many dictionary words have that trigram ("^" starts a word, "$" ends it). */
      readonly trigrams: Record<string, number>;
      /** "ab" -> how many trigrams start with those two characters. */
      readonly contexts: Record<string, number>;
      /** How many distinct characters the trigram model saw (for smoothing). */
      readonly alphabet: number;
    }
  >;
}

/** How much each source weighs in a word's probability; they sum to one. */
export interface LanguageModelWeights {
  readonly frequent: number;
  readonly corpus: number;
  readonly dictionary: number;
  readonly characters: number;
}

export const DEFAULT_LANGUAGE_MODEL_WEIGHTS: LanguageModelWeights = Object.freeze({ frequent: 0.55, corpus: 0.25, dictionary: 0.15, characters: 0.05 });

/** Add-k smoothing of the trigram model. */
const TRIGRAM_SMOOTHING = 0.5;

/** The words of one language, for training. */
export interface LanguageTrainingText {
  /** The frequency list, most frequent first (folded words; repeats after folding are merged). */
  readonly frequencyList: readonly string[];
  /** Folded words of the bot's own texts, with repeats. */
  readonly corpusWords: readonly string[];
  /** Folded dictionary words, for the character model. */
  readonly dictionaryWords: Iterable<string>;
}

/** Builds the model's data from each language's training texts. */
export function trainLanguageModel(texts: Record<Language, LanguageTrainingText>): LanguageModelData {
  const languages = {} as Record<Language, LanguageModelData['languages'][Language]>;
  for (const language of LANGUAGES) {
    const { frequencyList, corpusWords, dictionaryWords } = texts[language];
    const corpus: Record<string, number> = {};
    for (const word of corpusWords) corpus[word] = (corpus[word] ?? 0) + 1;

    const trigrams: Record<string, number> = {};
    const contexts: Record<string, number> = {};
    const alphabet = new Set<string>();
    for (const word of dictionaryWords) {
      const padded = `^^${word}$`;
      for (let i = 2; i < padded.length; i++) {
        const context = padded.slice(i - 2, i);
        const trigram = padded.slice(i - 2, i + 1);
        trigrams[trigram] = (trigrams[trigram] ?? 0) + 1;
        contexts[context] = (contexts[context] ?? 0) + 1;
        alphabet.add(padded[i]!);
      }
    }
    languages[language] = { frequent: [...frequencyList], corpus, trigrams, contexts, alphabet: alphabet.size };
  }
  return { format: LANGUAGE_MODEL_FORMAT, languages };
}

/**
 * One language's tables, used as read from the file: turning tens of thousands of entries into
 * Maps would cost more at start than the look-ups they would speed up.
 */
/**
 * Zipf's law: the word of rank r is about 1/r as frequent as the first; a small offset keeps the
 * very first words from taking all the mass. Words that fold alike ("Le", "le") add up.
 */
function zipfShares(list: readonly string[]): Record<string, number> {
  const shares: Record<string, number> = Object.create(null) as Record<string, number>;
  let total = 0;
  list.forEach((word, rank) => {
    const weight = 1 / (rank + 10);
    shares[word] = (shares[word] ?? 0) + weight;
    total += weight;
  });
  for (const word in shares) shares[word] = shares[word]! / total;
  return shares;
}

/** Counts turned into shares of their total. */
function shares(counts: Readonly<Record<string, number>>): Record<string, number> {
  let total = 0;
  for (const word in counts) total += counts[word]!;
  const result: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const word in counts) result[word] = counts[word]! / Math.max(total, 1);
  return result;
}

interface LanguageTables {
  readonly frequent: Readonly<Record<string, number>>;
  readonly corpus: Readonly<Record<string, number>>;
  readonly trigrams: Readonly<Record<string, number>>;
  readonly contexts: Readonly<Record<string, number>>;
  readonly alphabet: number;
  readonly dictionaryShare: number;
}

/** A table's number for a key; keys such as "constructor" reach the object's prototype, hence the type check. */
const valueIn = (table: Readonly<Record<string, number>>, key: string): number => {
  const value: unknown = table[key];
  return typeof value === 'number' ? value : 0;
};
const has = (table: Readonly<Record<string, number>>, key: string) => valueIn(table, key) > 0;

export class LanguageModel {
  private readonly tables: Record<Language, LanguageTables>;

  constructor(
    data: LanguageModelData,
    private readonly dictionaries: Dictionaries,
    private readonly weights: LanguageModelWeights = DEFAULT_LANGUAGE_MODEL_WEIGHTS,
  ) {
    if (data.format !== LANGUAGE_MODEL_FORMAT) throw new Error(`language model format ${data.format}, expected ${LANGUAGE_MODEL_FORMAT}`);
    const sizes = dictionaries.sizes();
    const tables = {} as Record<Language, LanguageTables>;
    for (const language of LANGUAGES) {
      const source = data.languages[language];
      tables[language] = {
        frequent: zipfShares(source.frequent),
        corpus: shares(source.corpus),
        trigrams: source.trigrams,
        contexts: source.contexts,
        alphabet: source.alphabet,
        // Every dictionary word is taken as equally likely within this source.
        dictionaryShare: 1 / Math.max(1, sizes[language]),
      };
    }
    this.tables = tables;
  }

  /** The natural log of the word's probability in each language. */
  wordLogProbabilities(folded: string): Record<Language, number> {
    const languagesOfWord = new Set(this.dictionaries.languagesOf(folded));
    const result = {} as Record<Language, number>;
    for (const language of LANGUAGES) {
      const table = this.tables[language];
      const probability =
        this.weights.frequent * valueIn(table.frequent, folded) +
        this.weights.corpus * valueIn(table.corpus, folded) +
        this.weights.dictionary * (languagesOfWord.has(language) ? table.dictionaryShare : 0) +
        this.weights.characters * Math.exp(this.characterLogProbability(table, folded));
      result[language] = Math.log(probability);
    }
    return result;
  }

  /** True when the word is an everyday word of one of the languages' dictionaries. */
  isDictionaryWord(folded: string): boolean {
    return this.dictionaries.isWord(folded);
  }

  /** True when some language knows the word (a list, the texts or a dictionary), beyond its spelling's look. */
  knows(folded: string): boolean {
    return this.dictionaries.isWord(folded) || LANGUAGES.some((language) => has(this.tables[language].frequent, folded) || has(this.tables[language].corpus, folded));
  }

  private characterLogProbability(table: LanguageTables, folded: string): number {
    const padded = `^^${folded}$`;
    let logProbability = 0;
    for (let i = 2; i < padded.length; i++) {
      const trigram = valueIn(table.trigrams, padded.slice(i - 2, i + 1));
      const context = valueIn(table.contexts, padded.slice(i - 2, i));
      logProbability += Math.log((trigram + TRIGRAM_SMOOTHING) / (context + TRIGRAM_SMOOTHING * (table.alphabet + 1)));
    }
    return logProbability;
  }
}
