/**
 * Detects whether a message is English, French or Spanish from the words themselves: frequent
 * words of each language, the knowledge base's own vocabulary in each language, accents, French
 * elisions and Spanish inverted marks. When the evidence is too thin ("Honduras", "PASAC") it says so, and
 * the caller falls back to the conversation's language, then the client's locale.
 */
import { LANGUAGES, type Language } from '../knowledge/schema';
import type { Token } from './normalize';

export type LanguageScores = Record<Language, number>;

export interface LanguageGuess {
  /** The language, or undefined when the message does not tell. */
  readonly language: Language | undefined;
  readonly scores: LanguageScores;
}

export interface LanguageEvidence {
  /** Folded words and the languages they belong to, with a weight each. */
  readonly words: ReadonlyMap<string, Partial<Record<Language, number>>>;
}

/** Builds the word evidence: each list gives its words a weight, split among the languages that share a word. */
export function buildLanguageEvidence(
  lists: ReadonlyArray<{ language: Language; words: Iterable<string>; weight: number }>,
): LanguageEvidence {
  const owners = new Map<string, Map<Language, number>>();
  for (const { language, words, weight } of lists) {
    for (const word of words) {
      let byLanguage = owners.get(word);
      if (!byLanguage) owners.set(word, (byLanguage = new Map()));
      byLanguage.set(language, Math.max(byLanguage.get(language) ?? 0, weight));
    }
  }
  const words = new Map<string, Partial<Record<Language, number>>>();
  for (const [word, byLanguage] of owners) {
    const share = 1 / byLanguage.size;
    const entry: Partial<Record<Language, number>> = {};
    for (const [language, weight] of byLanguage) entry[language] = weight * share;
    words.set(word, entry);
  }
  return { words };
}

const SPANISH_LETTERS = /[ñáíóú]/;
const FRENCH_LETTERS = /[àâçèêëîïôûùœ]/;
const SUFFIXES: ReadonlyArray<{ pattern: RegExp; language: Language }> = [
  { pattern: /(cion|ciones|idad|idades|mente|ando|iendo|amos|emos)$/, language: 'es' },
  { pattern: /(eux|euse|euses|ement|ite|ites|aire|aires|ique|iques|eur|eurs|ais|ait|aient|ez)$/, language: 'fr' },
  { pattern: /(ing|ly|ness|ship|ities|ity|ed)$/, language: 'en' },
];

export class LanguageDetector {
  constructor(private readonly evidence: LanguageEvidence) {}

  /**
   * Scores the three languages for a message; `rawText` is the cleaned message (for inverted
   * marks), `extra` evidence found elsewhere (phrases). Names shared by the languages ("Honduras", "SOCODEVI") weigh the same in each.
   */
  detect(tokens: readonly Token[], rawText: string, extra: Partial<LanguageScores> = {}): LanguageGuess {
    const scores: LanguageScores = { en: extra.en ?? 0, fr: extra.fr ?? 0, es: extra.es ?? 0 };
    if (/[¿¡]/.test(rawText)) scores.es += 2;
    for (const token of tokens) {
      if (token.elided) scores.fr += 1;
      const known = this.evidence.words.get(token.folded);
      if (known) {
        for (const language of LANGUAGES) scores[language] += known[language] ?? 0;
      } else {
        for (const { pattern, language } of SUFFIXES) if (token.folded.length > 4 && pattern.test(token.folded)) scores[language] += 0.4;
      }
      if (SPANISH_LETTERS.test(token.lower)) scores.es += 0.8;
      if (FRENCH_LETTERS.test(token.lower)) scores.fr += 0.8;
      if (token.lower.includes('é')) {
        scores.fr += 0.3;
        scores.es += 0.15;
      }
    }
    const ranked = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]);
    const [best, second] = [ranked[0]!, ranked[1]!];
    const confident = scores[best] >= 0.9 && scores[best] - scores[second] >= 0.45;
    return { language: confident ? best : undefined, scores };
  }
}
