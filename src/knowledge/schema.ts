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
const countryId = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 3166-1 code in lower case');

/** How a number of the guide is stated: as it is, as a lower bound ("more than 680") or roughly ("some 30"). */
export type Bound = 'exact' | 'more-than' | 'about';

/** A number as the guide states it, so that an answer never turns "more than 680" into "680". */
export interface Quantity {
  readonly value: number;
  readonly bound: Bound;
}

/**
 * A number of the guide, written in data/ as the guide states it: `26`, `{ moreThan: 680 }` or
 * `{ about: 30 }`. The bound is a field, never words in a text, so every language says it.
 */
export const quantity = z.union(
  [
    z.number().positive().transform((value): Quantity => ({ value, bound: 'exact' })),
    z.strictObject({ moreThan: z.number().positive() }).transform(({ moreThan }): Quantity => ({ value: moreThan, bound: 'more-than' })),
    z.strictObject({ about: z.number().positive() }).transform(({ about }): Quantity => ({ value: about, bound: 'about' })),
  ],
  { errorMap: () => ({ message: 'must be a positive number, { moreThan: N } or { about: N }' }) },
);

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
  /**
   * True for a region that holds every country listed besides its own region (Latin America and
   * the Caribbean): no country names it, so a question about it is about all of them.
   */
  coversEveryCountry: z.boolean().default(false),
});

export const countrySchema = z.strictObject({
  /** ISO 3166-1 alpha-2, lower case. */
  id: countryId,
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
  // The organization's figures, as the guide states them; a figure it does not give is left out
  // (answers then say that the guide does not give it).
  activeInLatinAmericaSince: year.optional(),
  countriesInLatinAmerica: z.number().int().positive().optional(),
  /** The year it was founded. */
  founded: year.optional(),
  /** How long it has worked with developing and emerging countries. */
  yearsWithDevelopingCountries: quantity.optional(),
  /** How long its international development program has been running. */
  internationalProgramYears: quantity.optional(),
  /** In how many developing countries it has worked, worldwide. */
  developingCountries: quantity.optional(),
  /** How many cooperative and mutual organizations it has supported. */
  organizationsSupported: quantity.optional(),
  /** How many people its work has reached. */
  peopleReached: quantity.optional(),
  /** The countries where the guide dates its presence ("in Haiti since 1987"). */
  activeInCountriesSince: z.array(z.strictObject({ country: countryId, since: year })).default([]),
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
  country: countryId.optional(),
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
  country: countryId,
  sector: id,
  period: z
    .strictObject({
      /** The year it started, when the guide gives it. */
      start: year.optional(),
      /** The year it ended or is to end, when the guide gives it. */
      end: year.optional(),
      /** How long it runs or is planned to run, in years, when the guide says (5.5 for five and a half). */
      durationYears: z.number().positive().multipleOf(0.5, 'must be a whole or half number of years').optional(),
      /** The period or duration as the source states it. */
      text: localizedText,
    })
    .refine((period) => period.start === undefined || period.end === undefined || period.start <= period.end, { message: 'must not end before it starts', path: ['end'] }),
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
