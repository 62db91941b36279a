/**
 * The words of English, French and Spanish (every form of the Hunspell dictionaries, folded), so
 * that spelling correction can leave real words alone: "busy" is an English word and must never
 * become "business", "pero" a Spanish one and must never become "Peru". Built at build time into
 * one word filter per language (scripts/expand-dictionaries.mjs, then src/build/precompute.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { PROJECT_ROOT } from '../util/projectRoot';
import { BloomFilter } from './bloomFilter';

/** Where the build writes what the understanding loads at start. */
export const PRECOMPUTED_DIR = join(PROJECT_ROOT, 'dist', 'precomputed');

export const dictionaryFile = (language: Language, dir: string = PRECOMPUTED_DIR) => join(dir, `words-${language}.bloom`);
export const frequentWordsFile = (dir: string = PRECOMPUTED_DIR) => join(dir, 'frequent-words.bloom');

export class Dictionaries {
  constructor(
    private readonly filters: Readonly<Record<Language, BloomFilter>>,
    /** The three languages' most frequent words, names among them. */
    private readonly frequent?: BloomFilter,
  ) {}

  /** Reads the three word filters; a missing file means the build did not run. */
  static load(dir: string = PRECOMPUTED_DIR): Dictionaries {
    const read = (language: Language) => {
      const file = dictionaryFile(language, dir);
      try {
        return BloomFilter.fromBuffer(readFileSync(file));
      } catch (error) {
        throw new Error(`the ${language} dictionary (${file}) cannot be read: ${(error as Error).message}. Run "npm run build".`);
      }
    };
    let frequent: BloomFilter | undefined;
    try {
      frequent = BloomFilter.fromBuffer(readFileSync(frequentWordsFile(dir)));
    } catch (error) {
      throw new Error(`the frequent words (${frequentWordsFile(dir)}) cannot be read: ${(error as Error).message}. Run "npm run build".`);
    }
    return new Dictionaries({ en: read('en'), fr: read('fr'), es: read('es') }, frequent);
  }

  /** True when the folded word is an everyday word (a dictionary form) of any of the three languages. */
  isWord(folded: string): boolean {
    return LANGUAGES.some((language) => this.filters[language].has(folded));
  }

  /** True when the folded word is a dictionary word or one of the languages' most frequent words (names included). */
  isWordOrFrequent(folded: string): boolean {
    return this.isWord(folded) || (this.frequent?.has(folded) ?? false);
  }

  /** The languages whose dictionary has this folded word. */
  languagesOf(folded: string): Language[] {
    return LANGUAGES.filter((language) => this.filters[language].has(folded));
  }

  /** How many words each dictionary was built from. */
  sizes(): Record<Language, number> {
    return { en: this.filters.en.size, fr: this.filters.fr.size, es: this.filters.es.size };
  }
}
