/**
 * Per-language stemming with natural's Porter stemmers (English, French, Spanish). Stems are taken
 * of folded words, on both the knowledge base's side and the question's, so that a question typed
 * without accents meets the accented text it is about.
 *
 * The stems of the bot's own words (the knowledge base's, the lexicons', the intent examples') are
 * computed by the build (stemCache.ts) and looked up first; a stemmer module is loaded the first
 * time a word outside them needs it, so a start whose first question uses the bot's words does
 * not load the three stemmers.
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

/** A folded word -> its stem, per language: what the stemmers give, computed ahead. */
export type StemTable = Readonly<Record<Language, Readonly<Record<string, string>>>>;

/** The build's stems (read-only; never emptied), then the stems computed in this process. */
let prebuilt: StemTable = { en: {}, fr: {}, es: {} };

/**
 * Stems already computed, per language. The knowledge base repeats its words many times, and so
 * do users; the memo is emptied when it grows past a bound, so odd input cannot fill the memory.
 */
const MEMO_LIMIT = 50_000;
const memo: Record<Language, Map<string, string>> = { en: new Map(), fr: new Map(), es: new Map() };

/** The stem of a folded word in one language; numbers and very short words stay as they are. */
export function stemIn(language: Language, folded: string): string {
  if (folded.length <= 3 || /^\d+$/.test(folded)) return folded;
  const table = prebuilt[language];
  if (Object.hasOwn(table, folded)) return table[folded]!;
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

/** The stems known in this process, the build's and those computed since (the build saves them, see stemCache.ts). */
export function stemMemoEntries(): Record<Language, Array<[string, string]>> {
  const entries = (language: Language): Array<[string, string]> => [...Object.entries(prebuilt[language]), ...memo[language]];
  return { en: entries('en'), fr: entries('fr'), es: entries('es') };
}

/** Uses stems the build computed; they are what the stemmers would compute again. */
export function usePrebuiltStems(table: StemTable): void {
  prebuilt = table;
}
