/** English: "of" and "in" before the whole list ("of DID and the CCA", "in Colombia and Haiti"). */
import { asList, joinWith, type Grammar, type Place } from './grammar';

const list = (items: readonly string[]) => joinWith('en', items);

export const english: Grammar = {
  language: 'en',
  of: (phrases) => `of ${list(asList(phrases))}`,
  places: (places: readonly Place[]) => `in ${list(places.map((place) => place.nameInSentence ?? place.name))}`,
  list,
  bare: (phrase) => phrase.replace(/^the /, ''),
};
