/**
 * Schemas of the knowledge-base files in data/. Every file is checked against these when it is
 * loaded, so that a typo in an edit stops the start with the file, the item and the field named.
 */
import { z } from 'zod';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const year = z.number().int().min(1900).max(2100);
const url = z.string().url().regex(/^https:\/\//, 'must be an https:// address');

/** A text that the user reads, written in each of the bot's three languages. */
export const localizedText = z.strictObject({ en: text, fr: text, es: text });

/**
 * How a sentence writes a name, where a language wants more than the name itself: its article
 * ("le Honduras", "l'ACC", "the Bahamas"), or a common noun in lower case ("le ministère du
 * Commerce..."). Languages left out use the name as it is. Read by src/answers/grammar/.
 */
export const sentenceForms = z.strictObject({ en: text.optional(), fr: text.optional(), es: text.optional() }).optional();

/** Words or phrases in each language that people use for a thing (used for matching only). */
export const localizedWords = z.strictObject({
  en: z.array(text).default([]),
  fr: z.array(text).default([]),
  es: z.array(text).default([]),
});

export const regionSchema = z.strictObject({
  id,
  name: localizedText,
  /** The name with its article ("l'Amérique latine", "the Caribbean", "el Caribe"). */
  nameInSentence: sentenceForms,
  /** Where the article alone does not give the place ("à la Barbade", "en Haïti"): the name with its preposition. */
  placeInSentence: sentenceForms,
  /** Other ways to write the region's name, in any language. */
  aliases: z.array(text).default([]),
});

export const countrySchema = z.strictObject({
  /** ISO 3166-1 alpha-2, lower case. */
  id: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 3166-1 code in lower case'),
  name: localizedText,
  nameInSentence: sentenceForms,
  placeInSentence: sentenceForms,
  aliases: z.array(text).default([]),
  /** Adjectives and nouns for the people or things of the country ("Haitian", "haïtien", "haitiano"). */
  demonyms: z.array(text).default([]),
  region: id,
});

export const countriesFileSchema = z.strictObject({
  regions: z.array(regionSchema).min(1),
  countries: z.array(countrySchema).min(1),
});

export const sectorSchema = z.strictObject({
  id,
  name: localizedText,
  /** Phrases that name the sector itself; any of them selects all the sector's projects. */
  aliases: z.array(text).default([]),
  /** Words related to the sector; they select it only in a question that asks for a list. */
  keywords: localizedWords.default({ en: [], fr: [], es: [] }),
});

export const organizationSchema = z.strictObject({
  id,
  acronym: text,
  name: localizedText,
  /**
   * The name as a sentence uses it, with its article where the language wants one ("l'Association
   * coopérative canadienne", "the Canadian Co-operative Association"); the name itself otherwise.
   */
  nameInSentence: sentenceForms,
  /** The acronym as a sentence uses it ("l'ACC", "la SOCODEVI", "the CCA"); cards show it bare. */
  acronymInSentence: sentenceForms,
  aliases: z.array(text).default([]),
  website: url,
  activeInLatinAmericaSince: year.optional(),
  countriesInLatinAmerica: z.number().int().positive().optional(),
  profile: localizedText,
  facts: z.array(localizedText).min(1),
  keywords: localizedWords.default({ en: [], fr: [], es: [] }),
});

export const partnerSchema = z.strictObject({
  id,
  name: localizedText,
  /** The name in a sentence: "le ministère du Commerce et de l'Industrie d'Haïti". */
  nameInSentence: sentenceForms,
  aliases: z.array(text).default([]),
  /** What the partner is, as the source states it. */
  description: localizedText,
  country: z.string().regex(/^[a-z]{2}$/).optional(),
});

export const videoSchema = z.strictObject({
  url,
  /** The language spoken in the video, when the source states it. */
  language: z.enum(LANGUAGES).optional(),
});

export const projectSchema = z.strictObject({
  id,
  acronym: text.optional(),
  title: localizedText,
  /** The title in a sentence, with its article, common nouns in lower case: "le projet d'appui au...". */
  titleInSentence: sentenceForms,
  /** A name short enough for a button on a phone ("Spice value chain"); the acronym serves when there is one. */
  shortTitle: sentenceForms,
  aliases: z.array(text).default([]),
  lead: id,
  partners: z.array(id).default([]),
  country: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 3166-1 code in lower case'),
  sector: id,
  period: z.strictObject({
    start: year.optional(),
    end: year.optional(),
    /** The period or duration as the source states it. */
    text: localizedText,
  }),
  summary: localizedText,
  facts: z.array(localizedText).min(1),
  keywords: localizedWords.default({ en: [], fr: [], es: [] }),
  videos: z.array(videoSchema).default([]),
});

export const overviewSchema = z.strictObject({
  title: localizedText,
  summary: localizedText,
  combinedExperienceYears: z.number().int().positive(),
  approximateCountries: z.number().int().positive(),
  funders: z.array(localizedText).min(1),
  facts: z.array(localizedText).min(1),
  keywords: localizedWords.default({ en: [], fr: [], es: [] }),
});

export type LocalizedText = z.infer<typeof localizedText>;
export type LocalizedWords = z.infer<typeof localizedWords>;
export type Region = z.infer<typeof regionSchema>;
export type Country = z.infer<typeof countrySchema>;
export type Sector = z.infer<typeof sectorSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Video = z.infer<typeof videoSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Overview = z.infer<typeof overviewSchema>;
