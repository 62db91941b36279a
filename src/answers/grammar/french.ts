/**
 * French: "de" contracts with the article (du, des) and elides before a vowel (de l', d'), and is
 * repeated before each item of a list ("de DID et de l'ACC"); a place takes the preposition its
 * article calls for: au Honduras, aux Bahamas, en Colombie, en Équateur, à Cuba.
 */
import { asList, joinWith, type Grammar, type Place } from './grammar';

/** A vowel sound: a vowel, or the mute h of Haïti (the h of Honduras is aspirated: "du Honduras"). */
const VOWEL_SOUND = /^(?:[aeiouyàâäéèêëîïôöùûüœæ]|ha[iï]ti)/i;

function de(phrase: string): string {
  if (phrase.startsWith('le ')) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith('les ')) return `des ${phrase.slice(4)}`;
  // "de" + "d'autres" is written "d'autres".
  if (phrase.startsWith("d'")) return phrase;
  return VOWEL_SOUND.test(phrase) ? `d'${phrase}` : `de ${phrase}`;
}

function place({ name, nameInSentence, placeInSentence }: Place): string {
  if (placeInSentence) return placeInSentence;
  const withArticle = nameInSentence ?? name;
  if (withArticle.startsWith('le ')) return `au ${withArticle.slice(3)}`;
  if (withArticle.startsWith('les ')) return `aux ${withArticle.slice(4)}`;
  if (withArticle.startsWith('la ')) return `en ${withArticle.slice(3)}`;
  if (withArticle.startsWith("l'")) return `en ${withArticle.slice(2)}`;
  // Islands and cities named without an article: "à Cuba", "à Trinité-et-Tobago".
  return `à ${withArticle}`;
}

const list = (items: readonly string[]) => joinWith('fr', items);

export const french: Grammar = {
  language: 'fr',
  of: (phrases) => list(asList(phrases).map(de)),
  places: (places) => list(places.map(place)),
  list,
  bare: (phrase) => phrase.replace(/^(le |la |les |l')/, ''),
};
