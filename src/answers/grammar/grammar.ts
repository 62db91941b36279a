/**
 * What each language's wording module provides: how a sentence joins a name to the words before
 * it. The names come from data/ with their article (`nameInSentence` and the like); the modules
 * only contract, elide and join, so that templates in locales/ never hold "de le" or "en X en Y".
 */
import type { Language } from '../../knowledge/schema';

/** A country or region as data/ gives it: the name, and the forms a sentence may want. */
export interface Place {
  readonly name: string;
  /** With its article: "le Honduras", "the Bahamas", "el Caribe". */
  readonly nameInSentence?: string;
  /** With its preposition, where the article does not give it: "à la Barbade". */
  readonly placeInSentence?: string;
}

export interface Grammar {
  readonly language: Language;
  /** A phrase after "of", contracted or elided: "du Honduras", "de l'ACC", "d'Haïti", "del Caribe", "of the CCA". Several are joined, each with its own "de" where the language repeats it. */
  of(phrases: string | readonly string[]): string;
  /** Where something is: "au Honduras", "en Colombie et en Haïti", "in the Bahamas", "en Colombia y Haití". */
  places(places: readonly Place[]): string;
  /** Items joined the way the language joins them, without a serial comma where it has none. */
  list(items: readonly string[]): string;
  /** A phrase without its leading article, for cards: "ACC" for "l'ACC". */
  bare(phrase: string): string;
}

/** One list formatter per language: creating an Intl.ListFormat costs far more than using one. */
const listFormats = new Map<Language, Intl.ListFormat>();

/** "A, B and C" / "A, B et C" / "A, B y C" (Intl also turns "y" into "e" before an i sound). */
export function joinWith(language: Language, items: readonly string[]): string {
  // One item or none is what a formatter would return, and creating the first one costs a cold
  // start tens of milliseconds (V8 checks ICU's list patterns of every locale).
  if (items.length < 2) return items[0] ?? '';
  let format = listFormats.get(language);
  if (!format) listFormats.set(language, (format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}

/** Number formatters per language and style, made once (like the list formatters). */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, millions: boolean): Intl.NumberFormat {
  const key = `${language}:${millions}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(language, millions ? { notation: 'compact', compactDisplay: 'long' } : {})));
  return format;
}

/** A number as the language writes it. */
export interface WrittenNumber {
  readonly text: string;
  /** Written in millions ("12 millions"): French and Spanish then put "de" before the noun. */
  readonly millions: boolean;
}

/** Whole millions in words ("12 million", "12 millions", "12 millones"), other numbers in figures ("680", "12,500"). */
export function writeNumber(language: Language, value: number): WrittenNumber {
  const millions = value >= 1_000_000 && value % 1_000_000 === 0;
  return { text: numberFormat(language, millions).format(value), millions };
}

/** Upper-cases the first letter, past opening punctuation ("¿", "«"): for a name that starts a sentence. */
export function capitalize(text: string): string {
  return text.replace(/^([^\p{L}\p{N}]*)(\p{L})/u, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** Lower-cases the first letter, for a label that goes on inside a sentence ("mandat de sept ans"). */
export function lowerFirst(text: string): string {
  return text.replace(/^(\p{Lu})(?=\p{Ll})/u, (letter: string) => letter.toLowerCase());
}

export function asList(phrases: string | readonly string[]): readonly string[] {
  return typeof phrases === 'string' ? [phrases] : phrases;
}
