/**
 * Per-language stemming with natural's Porter stemmers (English, French, Spanish). Stems are taken
 * of folded words, on both the knowledge base's side and the question's, so that a question typed
 * without accents meets the accented text it is about.
 */
import englishStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import frenchStemmer from 'natural/lib/natural/stemmers/porter_stemmer_fr';
import spanishStemmer from 'natural/lib/natural/stemmers/porter_stemmer_es';
import type { Language } from '../knowledge/schema';
import { fold } from './normalize';

const STEMMERS: Record<Language, { stem(token: string): string }> = {
  en: englishStemmer,
  fr: frenchStemmer,
  es: spanishStemmer,
};

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
  const stem = fold(STEMMERS[language].stem(folded));
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

/** The stems computed so far, to keep across restarts (see stemCache.ts). */
export function stemMemoEntries(): Record<Language, Array<[string, string]>> {
  return { en: [...memo.en], fr: [...memo.fr], es: [...memo.es] };
}

/** Adds stems computed by an earlier process; they are what the stemmers would compute again. */
export function addStemMemoEntries(entries: Partial<Record<Language, ReadonlyArray<readonly [string, string]>>>): void {
  for (const language of ['en', 'fr', 'es'] as const) {
    for (const [word, stem] of entries[language] ?? []) {
      if (memo[language].size >= MEMO_LIMIT) return;
      memo[language].set(word, stem);
    }
  }
}
