/**
 * Per-language stemming with natural's Porter stemmers (English, French, Spanish). Stems are taken
 * of folded words, on both the knowledge base's side and the question's, so that a question typed
 * without accents meets the accented text it is about.
 *
 * Each stemmer module is loaded the first time a word needs it: a start reads the knowledge base's
 * indexes from the build's files (indexes.ts) and stems only the words of its first question.
 */
import type { Language } from '../knowledge/schema';
import { fold } from './normalize';

type Stemmer = { stem(token: string): string };

/** Each language's stemmer, loaded when first needed. */
const loaders: Record<Language, () => Stemmer> = {
  en: () => require('natural/lib/natural/stemmers/porter_stemmer') as typeof import('natural/lib/natural/stemmers/porter_stemmer'),
  fr: () => require('natural/lib/natural/stemmers/porter_stemmer_fr') as typeof import('natural/lib/natural/stemmers/porter_stemmer_fr'),
  es: () => require('natural/lib/natural/stemmers/porter_stemmer_es') as typeof import('natural/lib/natural/stemmers/porter_stemmer_es'),
};
const stemmers: Partial<Record<Language, Stemmer>> = {};
const stemmer = (language: Language): Stemmer => (stemmers[language] ??= loaders[language]());

/**
 * Stems already computed, per language. The knowledge base repeats its words many times, and so
 * do users; the memo is emptied when it grows past a bound, so odd input cannot fill the memory.
 */
const MEMO_LIMIT = 50_000;
const memo: Record<Language, Map<string, string>> = { en: new Map(), fr: new Map(), es: new Map() };

/** The stem of a folded word in one language; numbers and very short words stay as they are. */
export function stemIn(language: Language, folded: string): string {
  if (folded.length <= 3 || /^\d+$/.test(folded)) return folded;
  const known = memo[language].get(folded);
  if (known !== undefined) return known;
  const stem = fold(stemmer(language).stem(folded));
  if (memo[language].size >= MEMO_LIMIT) memo[language].clear();
  memo[language].set(folded, stem);
  return stem;
}

/** The distinct stems of a folded word in the three languages (for mixed-language questions). */
export function stemsOf(folded: string): string[] {
  const en = stemIn('en', folded);
  const fr = stemIn('fr', folded);
  const es = stemIn('es', folded);
  if (en === fr && fr === es) return [en];
  return [...new Set([en, fr, es])];
}
