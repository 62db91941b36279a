/**
 * The bot's knowledge of the three languages apart from the knowledge base: frequent words (stop
 * words) and the phrases that signal what a question asks for (a list, a video, the partners...).
 * They live in data/lexicon/<language>.yaml and are checked here when they are read, so that an
 * edit with a typo in a cue kind stops the start with the file and the field named.
 * Greetings, thanks, help requests and other talk about the bot itself are not listed here: the
 * meta-intent classifier learns them from examples (data/intents/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { PROJECT_ROOT } from '../util/projectRoot';

/** What a question can ask about an answer, beyond "tell me about it". */
export const FACETS = ['video', 'lead', 'partners', 'period', 'location', 'results', 'website', 'funders', 'budget', 'more'] as const;
export type Facet = (typeof FACETS)[number];

const PLAIN_CUES = [
  'overview',
  'overviewWeak',
  'list',
  'singular',
  'profile',
  'continuation',
  'anaphora',
  'domain',
  'other',
  // Questions over the whole guide: how many, apart from, not, which first / last, who leads each.
  'count',
  'exclude',
  'negation',
  'earliest',
  'latest',
  'leads',
  // An organization's figures, as people ask for them.
  'figure:organizations',
  'figure:people',
  'figure:countries',
  'figure:years',
  'figure:founded',
  // The word for countries, in any of the languages: with a count it asks how many countries,
  // whatever stands between ("how many Latin American countries", "combien de countries").
  'countries',
  // Starting the conversation over: the bot forgets what it was talking about.
  'reset',
  // Words pointing at something named elsewhere in the message or before ("there", "mi país").
  'pointer',
  // "Is there...", "y a-t-il": "there" that points at nothing.
  'existential',
  // "In the same country": the place of the project in focus.
  'samePlace',
] as const;
const ORDINALS = ['1', '2', '3', 'last'] as const;

export const CUE_KINDS = [
  ...PLAIN_CUES,
  ...FACETS.map((facet) => `facet:${facet}` as const),
  ...ORDINALS.map((ordinal) => `ordinal:${ordinal}` as const),
  ...LANGUAGES.map((language) => `languageRequest:${language}` as const),
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface LanguageLexicon {
  /** Frequent words of the language: articles, pronouns, prepositions, auxiliaries, question words. */
  readonly functionWords: readonly string[];
  /** Phrases that signal something about the question, by kind. */
  readonly cues: Partial<Record<CueKind, readonly string[]>>;
  /** Chat abbreviations and the word each stands for ("q" -> "que", "bcp" -> "beaucoup"). */
  readonly abbreviations: Readonly<Record<string, string>>;
  /** Words borrowed from other languages that chat in this one uses ("bye", "ok"). */
  readonly chatWords: readonly string[];
}

const phrase = z.string().trim().min(1, 'must not be empty');
const cueKind = z.enum(CUE_KINDS as unknown as [CueKind, ...CueKind[]]);
const word = z.string().trim().regex(/^[\p{L}\p{N}]+$/u, 'must be one word');
export const lexiconFileSchema = z.strictObject({
  functionWords: z.array(phrase).min(1),
  cues: z.record(cueKind, z.array(phrase).min(1)),
  abbreviations: z.record(word, word).default({}),
  chatWords: z.array(word).default([]),
});

export const DEFAULT_LEXICON_DIR = join(PROJECT_ROOT, 'data', 'lexicon');

/** French elided words as a phrase may write them apart ("l argent", "combien d entreprises"). */
const ELIDED_WORD = /(^|\s)(l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)\s+(?=\S)/g;

/**
 * A phrase as messages write it: with "l'"/"d'" the tokenizer drops the elided word, so "combien
 * d'entreprises" reads as "combien entreprises"; a phrase written "combien d entreprises" is
 * matched both ways.
 */
function withElisionVariants(phrases: readonly string[]): string[] {
  return [...new Set(phrases.flatMap((phrase) => [phrase, phrase.replace(ELIDED_WORD, '$1').trim()]))];
}

/** Reads and checks one language's lexicon file. */
export function readLexicon(language: Language, dir: string = DEFAULT_LEXICON_DIR): LanguageLexicon {
  const file = join(dir, `${language}.yaml`);
  const result = lexiconFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `field "${issue.path.join('.')}": ${issue.message}`);
    throw new Error(`data/lexicon/${language}.yaml: ${problems.join('; ')}`);
  }
  const cues = Object.fromEntries(Object.entries(result.data.cues).map(([kind, phrases]) => [kind, language === 'fr' ? withElisionVariants(phrases) : phrases]));
  return { ...result.data, cues };
}

/** The three lexicons, read once. */
export function readLexicons(dir: string = DEFAULT_LEXICON_DIR): Record<Language, LanguageLexicon> {
  return { en: readLexicon('en', dir), fr: readLexicon('fr', dir), es: readLexicon('es', dir) };
}
