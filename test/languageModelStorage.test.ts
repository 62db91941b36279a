/**
 * The language model as the build stores it (string tables of shares and counts, read back as
 * bytes) scores every word exactly as the model computed from its training data, to the last bit:
 * the reference below is the direct computation from the trained data (ranks turned into Zipf
 * shares, counts into shares, add-k trigrams), one language at a time.
 */
import { LANGUAGES, type Language } from '../src/knowledge/schema';
import type { Dictionaries } from '../src/understanding/dictionary';
import { DEFAULT_LANGUAGE_MODEL_WEIGHTS, LanguageModel, trainLanguageModel, type LanguageModelData } from '../src/understanding/languageModel';
import { StringTable } from '../src/understanding/stringTable';

/** Dictionaries of a few words, enough for the model's dictionary source. */
function fakeDictionaries(words: Record<Language, readonly string[]>): Dictionaries {
  const sets = { en: new Set(words.en), fr: new Set(words.fr), es: new Set(words.es) };
  const fake: Pick<Dictionaries, 'isWord' | 'languagesOf' | 'sizes'> = {
    isWord: (word) => LANGUAGES.some((language) => sets[language].has(word)),
    languagesOf: (word) => LANGUAGES.filter((language) => sets[language].has(word)),
    sizes: () => ({ en: sets.en.size, fr: sets.fr.size, es: sets.es.size }),
  };
  return fake as Dictionaries;
}

/** The model's probabilities computed straight from the trained data. */
function referenceLogProbabilities(data: LanguageModelData, dictionaries: Dictionaries, word: string): Record<Language, number> {
  const weights = DEFAULT_LANGUAGE_MODEL_WEIGHTS;
  const valueIn = (table: Readonly<Record<string, number>>, key: string) => {
    const value: unknown = table[key];
    return typeof value === 'number' ? value : 0;
  };
  const result = {} as Record<Language, number>;
  for (const language of LANGUAGES) {
    const source = data.languages[language];
    const zipf: Record<string, number> = Object.create(null) as Record<string, number>;
    let total = 0;
    source.frequent.forEach((w, rank) => {
      zipf[w] = (zipf[w] ?? 0) + 1 / (rank + 10);
      total += 1 / (rank + 10);
    });
    for (const w in zipf) zipf[w] = zipf[w]! / total;
    let corpusTotal = 0;
    for (const w in source.corpus) corpusTotal += source.corpus[w]!;
    const corpus: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const w in source.corpus) corpus[w] = source.corpus[w]! / Math.max(corpusTotal, 1);
    const padded = `^^${word}$`;
    let characters = 0;
    for (let i = 2; i < padded.length; i++) {
      const trigram = valueIn(source.trigrams, padded.slice(i - 2, i + 1));
      const context = valueIn(source.contexts, padded.slice(i - 2, i));
      characters += Math.log((trigram + 0.5) / (context + 0.5 * (source.alphabet + 1)));
    }
    const inDictionary = dictionaries.languagesOf(word).includes(language);
    const probability =
      weights.frequent * valueIn(zipf, word) +
      weights.corpus * valueIn(corpus, word) +
      weights.dictionary * (inDictionary ? 1 / Math.max(1, dictionaries.sizes()[language]) : 0) +
      weights.characters * Math.exp(characters);
    result[language] = Math.log(probability);
  }
  return result;
}

const words = {
  en: ['the', 'cooperative', 'project', 'busy', 'constructor', 'seem', 'you', 'hello'],
  fr: ['le', 'coopérative', 'projet', 'cœur', 'bonjour', 'tu', 'peux', 'faire', 'quoi', 'le'],
  es: ['el', 'cooperativa', 'proyecto', 'hola', 'quien', 'año', 'pero', '__proto__'],
};

describe('the stored language model', () => {
  const data = trainLanguageModel({
    en: { frequencyList: ['the', 'you', 'seem', 'the', 'busy', 'hello', 'constructor'], corpusWords: ['project', 'project', 'cooperative', 'hello'], dictionaryWords: words.en },
    fr: { frequencyList: ['le', 'tu', 'le', 'quoi', 'faire', 'cœur'], corpusWords: ['projet', 'coopérative', 'bjr', 'bjr', 'svp'], dictionaryWords: words.fr },
    es: { frequencyList: ['el', 'pero', 'hola', 'año', '__proto__'], corpusWords: ['proyecto', 'cooperativa', 'holi'], dictionaryWords: words.es },
  });
  const dictionaries = fakeDictionaries(words);
  const built = new LanguageModel(data, dictionaries);
  const stored = LanguageModel.fromBuffer(built.toBuffer(), dictionaries);
  const probes = [...words.en, ...words.fr, ...words.es, 'bjr', 'svp', 'holi', 'kien', 'finansia', 'xyzzy', 'toString', 'hasOwnProperty', 'a', ''];

  it.each(probes)('scores "%s" as the trained data says, bit for bit', (word) => {
    const reference = referenceLogProbabilities(data, dictionaries, word);
    expect(built.wordLogProbabilities(word)).toEqual(reference);
    expect(stored.wordLogProbabilities(word)).toEqual(reference);
    for (const language of LANGUAGES) expect(Object.is(stored.wordLogProbabilities(word)[language], reference[language])).toBe(true);
  });

  it('knows the words of its lists and texts, and no others but the dictionaries\'', () => {
    for (const word of probes) expect(stored.knows(word)).toBe(built.knows(word));
    expect(stored.knows('bjr')).toBe(true);
    expect(stored.knows('xyzzy')).toBe(false);
    expect(stored.knows('toString')).toBe(false);
  });

  it('refuses bytes that are not a model', () => {
    expect(() => LanguageModel.fromBuffer(Buffer.from('not a model at all'), dictionaries)).toThrow(/not a language model/);
  });
});

describe('string tables', () => {
  it('find every key, miss the others, and read back from bytes at any alignment', () => {
    const rows: Array<[string, number[]]> = Array.from({ length: 500 }, (_, i) => [`word${i}é`, [i, i % 3 === 0 ? 0 : i / 3, -i]]);
    rows.push(['', [1, 2, 3]], ['œuf', [0.1, 0.2, 0.3]], ['constructor', [4, 0, 6]], ['œil', [0, 0, 0]]);
    const table = StringTable.of(rows, 3);
    const shifted = Buffer.concat([Buffer.alloc(3), table.toBuffer()]);
    for (const copy of [table, StringTable.fromBuffer(table.toBuffer()), StringTable.fromBuffer(shifted.subarray(3))]) {
      for (const [key, row] of rows) row.forEach((value, column) => expect(copy.get(key, column)).toBe(value));
      expect(copy.entry('word500é')).toBe(-1);
      expect(copy.entry('œ')).toBe(-1);
      expect(copy.entry('toString')).toBe(-1);
      expect(copy.get('missing', 0)).toBe(0);
      // Entries keep the order given, keys beyond Latin-1 ("œuf") included: other arrays follow them.
      expect([...copy.rows()]).toEqual(rows);
      rows.forEach(([key], entry) => expect(copy.entry(key)).toBe(entry));
    }
  });
});
