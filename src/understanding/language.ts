/**
 * Tells whether a message is English, French or Spanish: the words' probabilities under each
 * language's model (languageModel.ts), plus what the spelling shows (accents, French elisions,
 * Spanish inverted marks). It returns a probability for each language; when no language is clearly
 * ahead ("ok", "PASAC", "video panama") it says so, and the caller falls back to the
 * conversation's language, then the client's locale.
 */
import { LANGUAGES, type Language } from '../knowledge/schema';
import type { LanguageModel } from './languageModel';
import type { Token } from './normalize';

export type LanguageScores = Record<Language, number>;

export interface LanguageGuess {
  /** The language, or undefined when the message does not tell. */
  readonly language: Language | undefined;
  /** The probability of each language given the message's words (they sum to one). */
  readonly scores: LanguageScores;
  /** How many words were read as evidence. */
  readonly evidenceWords: number;
}

/** What the rest of the analysis knows that tells a language, besides the words themselves. */
export interface LanguageClues {
  /** Tokens not to read as words (names whose languages `nameLanguages` gives). */
  readonly skip?: ReadonlySet<number>;
  /** Tokens inside other names: only their everyday words count, at a lower weight. */
  readonly names?: ReadonlySet<number>;
  /** For each name typed as some languages write it (and not all three), those languages and the name's length in words. */
  readonly nameLanguages?: ReadonlyArray<{ readonly languages: ReadonlySet<Language>; readonly words: number }>;
  /** The language of each cue phrase of several words found in the message. */
  readonly phraseLanguages?: readonly Language[];
}

export interface LanguageDetectionOptions {
  /** Least probability of the best language for the message alone to decide. */
  readonly minProbability: number;
  /**
   * A word's log-likelihood ratio between two languages is capped: people borrow words (about one
   * in twenty in chat, log 20 = 3), and one odd word cannot outvote a sentence.
   */
  readonly maxWordLogRatio: number;
}

export const DEFAULT_LANGUAGE_DETECTION: LanguageDetectionOptions = Object.freeze({ minProbability: 0.8, maxWordLogRatio: 3 });

/** A localized name tells its language by each of its words, up to this many. */
const MAX_NAME_WORDS = 3;

/** How many words of no language a message's spelling is read for. */
const MAX_SPELLINGS_READ = 12;

/** How much an everyday word inside a name counts, against a word outside names. */
const NAME_WORD_WEIGHT = 0.5;

const SPANISH_ONLY_LETTERS = /[ñ]/;
const SPANISH_ACCENTS = /[áíóú]/;
const FRENCH_LETTERS = /[àâçèêëîïôûùœ]/;

/** Log-odds that spelling marks add to a language ("¿", "ñ", "l'", "è"), a name written as one language writes it, a cue phrase of that language. */
const MARK_EVIDENCE = { invertedMark: 3, spanishLetter: 2.5, spanishAccent: 1.2, frenchLetter: 1.5, elision: 1.5, name: 1, phrase: 0.7 } as const;

export class LanguageDetector {
  constructor(
    private readonly model: LanguageModel,
    private readonly options: LanguageDetectionOptions = DEFAULT_LANGUAGE_DETECTION,
  ) {}

  /** Scores the three languages for a message: `words` are its tokens with their (corrected) folded form. */
  detect(words: readonly Token[], text: string, clues: LanguageClues = {}): LanguageGuess {
    const logScores: LanguageScores = { en: 0, fr: 0, es: 0 };
    let evidenceWords = 0;
    if (/[¿¡]/.test(text)) logScores.es += MARK_EVIDENCE.invertedMark;
    for (const { languages, words: length } of clues.nameLanguages ?? []) {
      for (const language of languages) logScores[language] += MARK_EVIDENCE.name * Math.min(length, MAX_NAME_WORDS);
      evidenceWords += 1;
    }
    for (const language of clues.phraseLanguages ?? []) logScores[language] += MARK_EVIDENCE.phrase;
    const skip = clues.skip ?? new Set<number>();
    const names = clues.names ?? new Set<number>();
    let spellingsRead = 0;
    words.forEach((token, index) => {
      if (token.elided) logScores.fr += MARK_EVIDENCE.elision;
      if (SPANISH_ONLY_LETTERS.test(token.lower)) logScores.es += MARK_EVIDENCE.spanishLetter;
      else if (SPANISH_ACCENTS.test(token.lower)) logScores.es += MARK_EVIDENCE.spanishAccent;
      if (FRENCH_LETTERS.test(token.lower)) logScores.fr += MARK_EVIDENCE.frenchLetter;
      if (skip.has(index) || /^\d+$/.test(token.folded)) return;
      // Inside a name, only everyday words tell a language ("cadena de valor de especias"), and
      // less than elsewhere; acronyms and proper names ("PASAC", "Norandino") tell none.
      const weight = names.has(index) ? (this.model.isDictionaryWord(token.folded) ? NAME_WORD_WEIGHT : 0) : 1;
      if (weight === 0) return;
      // Words known to no language are read by their spelling, the costly case: a few suffice.
      const known = this.model.knows(token.folded);
      if (!known && ++spellingsRead > MAX_SPELLINGS_READ) return;
      const word = this.model.wordLogProbabilities(token.folded);
      const best = Math.max(word.en, word.fr, word.es);
      for (const language of LANGUAGES) logScores[language] += weight * Math.max(word[language] - best, -this.options.maxWordLogRatio);
      evidenceWords += 1;
    });
    const top = Math.max(logScores.en, logScores.fr, logScores.es);
    const weights = LANGUAGES.map((language) => Math.exp(logScores[language] - top));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const scores: LanguageScores = { en: weights[0]! / total, fr: weights[1]! / total, es: weights[2]! / total };
    const ranked = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]);
    const confident = scores[ranked[0]!] >= this.options.minProbability;
    return { language: confident ? ranked[0] : undefined, scores, evidenceWords };
  }
}
