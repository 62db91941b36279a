/**
 * Spelling correction for chat messages, which only ever touches words that are not words: a
 * word of any of the three languages' dictionaries is left as typed ("busy" stays "busy", never
 * "business"; "pero" stays "pero", never "Peru"). Other words are read as one of the bot's own
 * words when one is close enough in letters or in sound ("honduas" -> "honduras", "kien" ->
 * "quien"), or through the chat abbreviations of data/lexicon ("q" -> "que", "bcp" -> "beaucoup").
 */
import type { Dictionaries } from './dictionary';
import type { Correction, FuzzyVocabulary } from './fuzzy';

export interface SpelledWord {
  /** The word to match on: the folded word as typed, or its correction. */
  readonly word: string;
  /** How the typed word was read, when it was changed. */
  readonly correction?: Correction | { readonly word: string; readonly distance: 0; readonly how: 'abbreviation' | 'lengthened' };
  /** True when the word is neither one of the bot's words nor a dictionary word, and was not corrected. */
  readonly unknown: boolean;
  /** True when the bot's vocabulary was searched for a correction (the costly case). */
  readonly looked?: boolean;
}

/** The longest word worth correcting (the bot's longest words are well under this). */
const MAX_CORRECTABLE_LENGTH = 24;

export class Speller {
  constructor(
    /** The bot's own words: names, cue and function words, the knowledge base's and the examples' words. */
    private readonly known: ReadonlySet<string>,
    private readonly dictionaries: Dictionaries,
    private readonly vocabulary: FuzzyVocabulary,
    private readonly abbreviations: ReadonlyMap<string, string>,
  ) {}

  /** Reads one folded word; `mayCorrect` false leaves an unknown word uncorrected (the message's budget is spent). */
  spell(folded: string, mayCorrect = true): SpelledWord {
    if (this.known.has(folded) || /^\d+$/.test(folded)) return { word: folded, unknown: false };
    const expanded = this.abbreviations.get(folded);
    if (expanded) return { word: expanded, correction: { word: expanded, distance: 0, how: 'abbreviation' }, unknown: false };
    if (this.dictionaries.isWordOrFrequent(folded)) return { word: folded, unknown: false };
    const shortened = this.unlengthened(folded);
    if (shortened) return { word: shortened, correction: { word: shortened, distance: 0, how: 'lengthened' }, unknown: false };
    // Very long "words" are pasted strings, not typos of the bot's words.
    if (!mayCorrect || folded.length > MAX_CORRECTABLE_LENGTH) return { word: folded, unknown: true };
    const correction = this.vocabulary.correct(folded);
    return correction ? { word: correction.word, correction, unknown: false, looked: true } : { word: folded, unknown: true, looked: true };
  }

  /**
   * A word typed with a letter held down ("helloooo", "merciiii", "holaaa") read as the word: runs
   * of three or more letters shortened to two, then to one, the first that is a word wins.
   */
  private unlengthened(folded: string): string | undefined {
    if (!/(.)\1\1/.test(folded) || folded.length > MAX_CORRECTABLE_LENGTH) return undefined;
    for (const shortened of [folded.replace(/(.)\1{2,}/g, '$1$1'), folded.replace(/(.)\1{2,}/g, '$1')]) {
      if (this.known.has(shortened) || this.abbreviations.has(shortened) || this.dictionaries.isWordOrFrequent(shortened)) return this.abbreviations.get(shortened) ?? shortened;
    }
    return undefined;
  }

  /** True when the folded word is one of the bot's own words. */
  isKnown(folded: string): boolean {
    return this.known.has(folded);
  }
}
