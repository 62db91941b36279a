/**
 * What the understanding reads besides the knowledge base, loaded once at start and shared by
 * every rebuild after a knowledge-base reload: the lexicons, the intent examples, the outside
 * organizations (data/), and what the build computed from them and from the dictionaries
 * (dist/precomputed/: the word filters, the language model and the trained classifier).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { Dictionaries, PRECOMPUTED_DIR } from './dictionary';
import { DEFAULT_INTENTS_DIR, readIntentExamples, type IntentExample } from './intentExamples';
import { LanguageModel, type LanguageModelData } from './languageModel';
import { DEFAULT_LEXICON_DIR, readLexicons, type LanguageLexicon } from './lexicon';
import type { SavedMetaClassifier } from './metaIntents';
import { DEFAULT_OUTSIDE_ORGANIZATIONS_FILE, readOutsideOrganizations, type OutsideOrganization } from './outsideOrganizations';

export const LANGUAGE_MODEL_FILE = 'language-model.json';
export const CLASSIFIER_FILE = 'meta-intents.json';

export interface UnderstandingResources {
  readonly lexicons: Record<Language, LanguageLexicon>;
  /** The intent examples, read when first asked for (only training needs them, not a start with a built classifier). */
  readonly intentExamples: () => readonly IntentExample[];
  /** Names written in place of {place} in the examples. */
  readonly placeNames: readonly string[];
  readonly outsideOrganizations: readonly OutsideOrganization[];
  readonly dictionaries: Dictionaries;
  readonly languageModel: LanguageModel;
  /** The classifier the build trained, if it was built; the understander checks it fits. */
  readonly savedClassifier?: SavedMetaClassifier;
  /** A hash of the data files above, part of the classifier's fingerprint. */
  readonly dataFingerprint: string;
}

export interface ResourceLocations {
  readonly lexiconDir: string;
  readonly intentsDir: string;
  readonly outsideOrganizationsFile: string;
  readonly precomputedDir: string;
}

export const DEFAULT_RESOURCE_LOCATIONS: ResourceLocations = Object.freeze({
  lexiconDir: DEFAULT_LEXICON_DIR,
  intentsDir: DEFAULT_INTENTS_DIR,
  outsideOrganizationsFile: DEFAULT_OUTSIDE_ORGANIZATIONS_FILE,
  precomputedDir: PRECOMPUTED_DIR,
});

const placeholdersFileSchema = z.strictObject({ place: z.array(z.string().trim().min(1)).min(1) });

/** The files of a folder, sorted, as one hash: what the data files say, without reading them as YAML. */
function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Reads the data files only (what the build needs before anything is precomputed). */
export function readUnderstandingData(locations: ResourceLocations = DEFAULT_RESOURCE_LOCATIONS) {
  const lexicons = readLexicons(locations.lexiconDir);
  let examples: readonly IntentExample[] | undefined;
  const intentExamples = () => (examples ??= readIntentExamples(locations.intentsDir));
  const placeholders = placeholdersFileSchema.parse(parseYaml(readFileSync(join(locations.intentsDir, 'placeholders.yaml'), 'utf8')));
  const outsideOrganizations = readOutsideOrganizations(locations.outsideOrganizationsFile);
  const dataFiles = [
    ...LANGUAGES.map((language) => join(locations.lexiconDir, `${language}.yaml`)),
    ...LANGUAGES.map((language) => join(locations.intentsDir, `${language}.yaml`)),
    join(locations.intentsDir, 'placeholders.yaml'),
    locations.outsideOrganizationsFile,
  ];
  return { lexicons, intentExamples, placeNames: placeholders.place, outsideOrganizations, dataFingerprint: hashFiles(dataFiles) };
}

/** Reads everything; fails with a clear message when the build's files are missing. */
export function loadUnderstandingResources(locations: ResourceLocations = DEFAULT_RESOURCE_LOCATIONS): UnderstandingResources {
  const data = readUnderstandingData(locations);
  const dictionaries = Dictionaries.load(locations.precomputedDir);
  const modelFile = join(locations.precomputedDir, LANGUAGE_MODEL_FILE);
  if (!existsSync(modelFile)) throw new Error(`the language model (${modelFile}) is missing. Run "npm run build".`);
  const languageModel = new LanguageModel(JSON.parse(readFileSync(modelFile, 'utf8')) as LanguageModelData, dictionaries);
  const classifierFile = join(locations.precomputedDir, CLASSIFIER_FILE);
  const savedClassifier = existsSync(classifierFile) ? (JSON.parse(readFileSync(classifierFile, 'utf8')) as SavedMetaClassifier) : undefined;
  return { ...data, dictionaries, languageModel, ...(savedClassifier ? { savedClassifier } : {}) };
}

/** The resources of the shipped data, loaded once per process. */
let shipped: UnderstandingResources | undefined;
export function shippedResources(): UnderstandingResources {
  shipped ??= loadUnderstandingResources();
  return shipped;
}

