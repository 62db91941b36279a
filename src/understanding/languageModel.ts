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
 * The model is trained at build time (src/build/precompute.ts) and stored in the form it is used
 * (string tables, see stringTable.ts), read at start in well under a millisecond; scoring a word
 * is a few table look-ups.
 */
import { LANGUAGES, type Language } from '../knowledge/schema';
import type { Dictionaries } from './dictionary';
import { readBundle, writeBundle, type Bundle } from '../util/bundle';
import { StringTable } from './stringTable';

export const LANGUAGE_MODEL_FORMAT = 'coop-language-model/5';

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

/** A table's number for a key; keys such as "constructor" reach the object's prototype, hence the type check. */
const valueIn = (table: Readonly<Record<string, number>>, key: string): number => {
  const value: unknown = table[key];
  return typeof value === 'number' ? value : 0;
};

/** The columns of the words table: each language's frequency-list share, then each language's share in the bot's texts. */
const FREQUENT_COLUMN: Record<Language, number> = { en: 0, fr: 1, es: 2 };
const CORPUS_COLUMN: Record<Language, number> = { en: 3, fr: 4, es: 5 };
/** The columns of the trigram and context tables: each language's count. */
const COUNT_COLUMN: Record<Language, number> = { en: 0, fr: 1, es: 2 };

/**
 * The model in the form it is used: three string tables (words, letter trigrams, trigram contexts)
 * whose rows hold the three languages' numbers side by side, so that one look-up serves the three.
 */
interface ModelTables {
  readonly words: StringTable;
  readonly trigrams: StringTable;
  readonly contexts: StringTable;
  readonly alphabet: Readonly<Record<Language, number>>;
}

/** Merges each language's table of a kind into rows of one table, a column per language (0 where a language lacks the key). */
function mergedRows(tables: ReadonlyArray<Readonly<Record<string, number>>>): Array<[string, number[]]> {
  const rows = new Map<string, number[]>();
  tables.forEach((table, column) => {
    for (const key of Object.keys(table)) {
      let row = rows.get(key);
      if (!row) rows.set(key, (row = new Array<number>(tables.length).fill(0)));
      row[column] = valueIn(table, key);
    }
  });
  return [...rows];
}

/** The tables of the model's data: shares computed from the ranks and counts, then merged across languages. */
function tablesOf(data: LanguageModelData): ModelTables {
  const languages = LANGUAGES.map((language) => data.languages[language]);
  const frequent = languages.map((source) => zipfShares(source.frequent));
  const corpus = languages.map((source) => shares(source.corpus));
  return {
    words: StringTable.of(mergedRows([...frequent, ...corpus]), 6),
    trigrams: StringTable.of(mergedRows(languages.map((source) => source.trigrams)), 3),
    contexts: StringTable.of(mergedRows(languages.map((source) => source.contexts)), 3),
    alphabet: { en: data.languages.en.alphabet, fr: data.languages.fr.alphabet, es: data.languages.es.alphabet },
  };
}

/** The stored model's header; its tables are the bundle's sections "words", "trigrams" and "contexts". */
interface StoredHeader {
  readonly format: string;
  readonly alphabet: Record<Language, number>;
}

export class LanguageModel {
  private readonly tables: ModelTables;
  /** Every dictionary word is taken as equally likely within that source. */
  private readonly dictionaryShare: Record<Language, number>;

  /** The model of the trained data (the build reads it this way once, then saves it with `toBuffer`). */
  constructor(
    data: LanguageModelData | ModelTables,
    private readonly dictionaries: Dictionaries,
    private readonly weights: LanguageModelWeights = DEFAULT_LANGUAGE_MODEL_WEIGHTS,
  ) {
    if ('format' in data && data.format !== LANGUAGE_MODEL_FORMAT) throw new Error(`language model format ${data.format}, expected ${LANGUAGE_MODEL_FORMAT}`);
    this.tables = 'format' in data ? tablesOf(data) : data;
    const sizes = dictionaries.sizes();
    this.dictionaryShare = { en: 1 / Math.max(1, sizes.en), fr: 1 / Math.max(1, sizes.fr), es: 1 / Math.max(1, sizes.es) };
  }

  /** The model as the build stores it (dist/precomputed/language-model.bin), its tables ready to use. */
  toBuffer(): Buffer {
    const header: StoredHeader = { format: LANGUAGE_MODEL_FORMAT, alphabet: { ...this.tables.alphabet } };
    return writeBundle(header, { words: this.tables.words.toBuffer(), trigrams: this.tables.trigrams.toBuffer(), contexts: this.tables.contexts.toBuffer() });
  }

  /** Reads a model stored by `toBuffer`; throws when the bytes are not one, or of another format. */
  static fromBuffer(buffer: Buffer, dictionaries: Dictionaries, weights: LanguageModelWeights = DEFAULT_LANGUAGE_MODEL_WEIGHTS): LanguageModel {
    let bundle: Bundle<StoredHeader>;
    try {
      bundle = readBundle<StoredHeader>(buffer);
    } catch {
      throw new Error('not a language model (bad header)');
    }
    if (bundle.header.format !== LANGUAGE_MODEL_FORMAT) throw new Error(`language model format ${bundle.header.format}, expected ${LANGUAGE_MODEL_FORMAT}`);
    const tables: ModelTables = {
      words: StringTable.fromBuffer(bundle.section('words')),
      trigrams: StringTable.fromBuffer(bundle.section('trigrams')),
      contexts: StringTable.fromBuffer(bundle.section('contexts')),
      alphabet: bundle.header.alphabet,
    };
    return new LanguageModel(tables, dictionaries, weights);
  }

  /** The natural log of the word's probability in each language. */
  wordLogProbabilities(folded: string): Record<Language, number> {
    const languagesOfWord = new Set(this.dictionaries.languagesOf(folded));
    const entry = this.tables.words.entry(folded);
    const characters = this.characterLogProbabilities(folded);
    const result = {} as Record<Language, number>;
    for (const language of LANGUAGES) {
      const frequent = entry < 0 ? 0 : this.tables.words.value(entry, FREQUENT_COLUMN[language]);
      const corpus = entry < 0 ? 0 : this.tables.words.value(entry, CORPUS_COLUMN[language]);
      const probability =
        this.weights.frequent * frequent +
        this.weights.corpus * corpus +
        this.weights.dictionary * (languagesOfWord.has(language) ? this.dictionaryShare[language] : 0) +
        this.weights.characters * Math.exp(characters[language]);
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
    if (this.dictionaries.isWord(folded)) return true;
    const entry = this.tables.words.entry(folded);
    if (entry < 0) return false;
    for (let column = 0; column < this.tables.words.width; column++) if (this.tables.words.value(entry, column) > 0) return true;
    return false;
  }

  /** The log probability of the word's letters under each language's trigram model (add-k smoothing). */
  private characterLogProbabilities(folded: string): Record<Language, number> {
    const padded = `^^${folded}$`;
    const logProbability: Record<Language, number> = { en: 0, fr: 0, es: 0 };
    for (let i = 2; i < padded.length; i++) {
      const trigram = this.tables.trigrams.entry(padded.slice(i - 2, i + 1));
      const context = this.tables.contexts.entry(padded.slice(i - 2, i));
      for (const language of LANGUAGES) {
        const trigramCount = trigram < 0 ? 0 : this.tables.trigrams.value(trigram, COUNT_COLUMN[language]);
        const contextCount = context < 0 ? 0 : this.tables.contexts.value(context, COUNT_COLUMN[language]);
        logProbability[language] += Math.log((trigramCount + TRIGRAM_SMOOTHING) / (contextCount + TRIGRAM_SMOOTHING * (this.tables.alphabet[language] + 1)));
      }
    }
    return logProbability;
  }
}
