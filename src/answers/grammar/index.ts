/**
 * The wording module of each language, and the i18next formatters through which the templates of
 * locales/ use them: `{{lead, of}}` ("du ministère", "de l'ACC"), `{{title, cap}}` (a name that
 * starts a sentence), `{{period, lower}}` (a label that goes on inside one), `{{names, list}}`.
 */
import type { i18n } from 'i18next';
import { LANGUAGES, type Language } from '../../knowledge/schema';
import { english } from './english';
import { french } from './french';
import { capitalize, lowerFirst, type Grammar } from './grammar';
import { spanish } from './spanish';

export { capitalize, lowerFirst, writeNumber, type Grammar, type Place, type WrittenNumber } from './grammar';

const GRAMMARS: Readonly<Record<Language, Grammar>> = { en: english, fr: french, es: spanish };

export function grammarOf(language: Language): Grammar {
  return GRAMMARS[language];
}

function grammarOfLocale(lng: string | undefined): Grammar {
  const language = LANGUAGES.find((candidate) => lng?.startsWith(candidate));
  return GRAMMARS[language ?? 'en'];
}

const asPhrases = (value: unknown): string | readonly string[] => (Array.isArray(value) ? value.map(String) : String(value));

/** Adds the grammar's formatters to an i18next instance (after its init). */
export function registerGrammarFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) throw new Error('i18next has no formatter service');
  formatter.add('of', (value, lng) => grammarOfLocale(lng).of(asPhrases(value)));
  formatter.add('list', (value, lng) => {
    const phrases = asPhrases(value);
    return grammarOfLocale(lng).list(typeof phrases === 'string' ? [phrases] : phrases);
  });
  formatter.add('cap', (value) => capitalize(String(value)));
  formatter.add('lower', (value) => lowerFirst(String(value)));
}
