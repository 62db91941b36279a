/**
 * The bot's user-interface strings, loaded with i18next from locales/{en,fr,es}/translation.json.
 * One i18next instance per process, created here and passed to whoever needs it (no global).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { registerGrammarFormatters } from './answers/grammar';
import { LANGUAGES, type Language } from './knowledge/schema';
import { PROJECT_ROOT } from './util/projectRoot';

/** Translates a key with values to interpolate (lists for the `list` and `of` formatters), in one language. */
export type Translate = (key: string, values?: Record<string, string | number | readonly string[]>) => string;

export interface Localizer {
  /** The translate function of a language. */
  forLanguage(language: Language): Translate;
}

export const LOCALES_DIR = join(PROJECT_ROOT, 'locales');

/**
 * French elides "de" and "que" before a vowel: a template's "le budget de {{title}}" must read
 * "le budget d'Amélioration des revenus...". Of the names starting with an h, only Haïti's is mute
 * (the h of Honduras is aspirated); numbers are left alone.
 */
export function elideFrench(text: string): string {
  return text.replace(/(^|[\s«(])(de|que|De|Que) (?=[aeiouyéèêâîôûAEIOUYÉÈÊÂÎÔÛ]|Ha[iï]ti)/g, (_match, before: string, word: string) => `${before}${word.slice(0, -1)}'`);
}

/** Loads the three languages' strings synchronously (at start, before the first turn). */
export function createLocalizer(localesDir: string = LOCALES_DIR): Localizer {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const language of LANGUAGES) {
    const file = join(localesDir, language, 'translation.json');
    try {
      resources[language] = { translation: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
    } catch (error) {
      throw new Error(`cannot load ${file}: ${(error as Error).message}`);
    }
  }
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // Values come from the knowledge base and the bot, never from the user; cards are not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Grammar (contraction, elision, lists, capitals) from each language's wording module.
  registerGrammarFormatters(instance);
  // Answers repeat the same strings with the same values (names from the knowledge base), and an
  // i18next call costs tens of microseconds: results are remembered, within a bound.
  const memoLimit = 20_000;
  const translators = new Map<Language, Translate>(
    LANGUAGES.map((language) => {
      const t = instance.getFixedT(language);
      const memo = new Map<string, string>();
      const translate: Translate = (key, values) => {
        const memoKey = values ? `${key}\u0000${JSON.stringify(values)}` : key;
        let text = memo.get(memoKey);
        if (text === undefined) {
          text = String(t(key, values ?? {}));
          if (language === 'fr') text = elideFrench(text);
          if (memo.size >= memoLimit) memo.clear();
          memo.set(memoKey, text);
        }
        return text;
      };
      return [language, translate];
    }),
  );
  return { forLanguage: (language) => translators.get(language)! };
}
