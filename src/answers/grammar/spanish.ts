/** Spanish: "de el" contracts to "del" (but "de El Salvador", a name, does not); places take "en". */
import { asList, joinWith, type Grammar, type Place } from './grammar';

const de = (phrase: string) => (phrase.startsWith('el ') ? `del ${phrase.slice(3)}` : `de ${phrase}`);

const list = (items: readonly string[]) => joinWith('es', items);

export const spanish: Grammar = {
  language: 'es',
  of: (phrases) => list(asList(phrases).map(de)),
  places: (places: readonly Place[]) => `en ${list(places.map((place) => place.nameInSentence ?? place.name))}`,
  list,
  bare: (phrase) => phrase.replace(/^(el |la |los |las )/, ''),
};
