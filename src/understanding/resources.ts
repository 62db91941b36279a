/**
 * What the understanding reads besides the knowledge base, loaded once at start and shared by
 * every rebuild after a knowledge-base reload: the lexicons, the intent examples, the outside
 * organizations (data/), and what the build computed from them and from the dictionaries
 * (dist/precomputed/: the word filters, the language model, the trained classifier and the
 * indexes of the shipped knowledge base).
 *
 * At start the data files are only compared with the copy the build kept of them (their
 * fingerprint follows): their contents are parsed (YAML, then checked) the first time something
 * asks for them, which a start whose indexes and classifier the build made from the same files
 * never does. An edited data/ changes the fingerprint, so the indexes are built again and the files
 * are read then, with the same checks and messages as always.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { readBundle, writeBundle } from '../util/bundle';
import { keepSources, keptFingerprint, sourcesFingerprint, type KeptSources, type SourceFile } from '../util/keptSources';
import { PROJECT_ROOT } from '../util/projectRoot';
import { Dictionaries, PRECOMPUTED_DIR } from './dictionary';
import { INDEXES_FILE } from './indexes';
import type { IntentExample } from './intentExamples';
import { LanguageModel } from './languageModel';
import type { LanguageLexicon } from './lexicon';
import type { SavedMetaClassifier } from './metaIntents';
import type { OutsideOrganization } from './outsideOrganizations';

/**
 * The readers of the data files, loaded the first time a file is parsed: with them comes the YAML
 * parser, which a start from the build's files does not need at all.
 */
const readers = {
  lexicons: () => require('./lexicon') as typeof import('./lexicon'),
  intentExamples: () => require('./intentExamples') as typeof import('./intentExamples'),
  outsideOrganizations: () => require('./outsideOrganizations') as typeof import('./outsideOrganizations'),
  yaml: () => require('js-yaml') as typeof import('js-yaml'),
};

export const LANGUAGE_MODEL_FILE = 'language-model.bin';
export const CLASSIFIER_FILE = 'meta-intents.json';
/** The data files as the build read them, with their fingerprint. */
export const DATA_FILES_COPY = 'understanding-data.bin';
/** The classifier's fingerprint as the build computed it, with the text it was computed from. */
export const CLASSIFIER_FINGERPRINT_FILE = 'meta-intents-fingerprint.json';

/** A fingerprint and the text it is the fingerprint of: the same text has the same fingerprint, without hashing it again. */
export interface KnownFingerprint {
  readonly text: string;
  readonly fingerprint: string;
}

/** The understanding's data files, each parsed and checked the first time it is asked for. */
export interface UnderstandingData {
  readonly lexicons: Record<Language, LanguageLexicon>;
  /** The intent examples, read when first asked for (only training needs them, not a start with a built classifier). */
  readonly intentExamples: () => readonly IntentExample[];
  /** Names written in place of {place} in the examples. */
  readonly placeNames: readonly string[];
  readonly outsideOrganizations: readonly OutsideOrganization[];
  /** A hash of the data files above, part of the classifier's fingerprint and of the indexes' key. */
  readonly dataFingerprint: string;
}

export interface UnderstandingResources extends UnderstandingData {
  readonly dictionaries: Dictionaries;
  readonly languageModel: LanguageModel;
  /** The classifier the build trained, if it was built; the understander checks it fits. */
  readonly savedClassifier?: SavedMetaClassifier;
  /** The fingerprint the build computed for its classifier, and from what. */
  readonly classifierFingerprint?: KnownFingerprint;
  /** The indexes the build made of the shipped knowledge base, if any; the understander checks they fit. */
  readonly savedIndexes?: () => Buffer | undefined;
}

export interface ResourceLocations {
  readonly lexiconDir: string;
  readonly intentsDir: string;
  readonly outsideOrganizationsFile: string;
  readonly precomputedDir: string;
}

/** The shipped data's folders: the readers' own defaults (lexicon.ts, intentExamples.ts, outsideOrganizations.ts), named here so that naming them loads no reader. */
export const DEFAULT_RESOURCE_LOCATIONS: ResourceLocations = Object.freeze({
  lexiconDir: join(PROJECT_ROOT, 'data', 'lexicon'),
  intentsDir: join(PROJECT_ROOT, 'data', 'intents'),
  outsideOrganizationsFile: join(PROJECT_ROOT, 'data', 'outside-organizations.yaml'),
  precomputedDir: PRECOMPUTED_DIR,
});

/** The names written in place of {place} (data/intents/placeholders.yaml), checked. */
function readPlaceNames(file: string): string[] {
  const schema = z.strictObject({ place: z.array(z.string().trim().min(1)).min(1) });
  return schema.parse(readers.yaml().load(readFileSync(file, 'utf8'))).place;
}

/** The data files, named as they sit in data/ whatever the folders (a moved deployment keeps its precomputed files). */
function readDataFiles(locations: ResourceLocations): SourceFile[] {
  const file = (name: string, path: string): SourceFile => ({ name, bytes: readFileSync(path) });
  return [
    ...LANGUAGES.map((language) => file(`lexicon/${language}.yaml`, join(locations.lexiconDir, `${language}.yaml`))),
    ...LANGUAGES.map((language) => file(`intents/${language}.yaml`, join(locations.intentsDir, `${language}.yaml`))),
    file('intents/placeholders.yaml', join(locations.intentsDir, 'placeholders.yaml')),
    file('outside-organizations.yaml', locations.outsideOrganizationsFile),
  ];
}

/** The data files' fingerprint: the build's, when the files are those it read; computed otherwise. */
function dataFingerprintOf(files: readonly SourceFile[], precomputedDir: string): string {
  try {
    const bundle = readBundle<KeptSources>(readFileSync(join(precomputedDir, DATA_FILES_COPY)));
    const bytes = new Map(files.map((file) => [file.name, file.bytes]));
    const kept = keptFingerprint(bundle, bundle.header, [...bytes.keys()], (name) => bytes.get(name)!);
    if (kept !== undefined) return kept;
  } catch {
    // No copy, or an unreadable one: the fingerprint is computed.
  }
  return sourcesFingerprint(files);
}

/** The copy of the data files the build keeps (DATA_FILES_COPY). */
export function keepDataFiles(locations: ResourceLocations = DEFAULT_RESOURCE_LOCATIONS): Buffer {
  const { kept, sections } = keepSources(readDataFiles(locations));
  return writeBundle(kept, sections);
}

/** A value computed the first time it is asked for. */
function once<T>(compute: () => T): () => T {
  let computed: { readonly value: T } | undefined;
  return () => (computed ??= { value: compute() }).value;
}

/** Reads the data files only (what the build needs before anything is precomputed). */
export function readUnderstandingData(locations: ResourceLocations = DEFAULT_RESOURCE_LOCATIONS): UnderstandingData {
  const placeholdersFile = join(locations.intentsDir, 'placeholders.yaml');
  const lexicons = once(() => readers.lexicons().readLexicons(locations.lexiconDir));
  const intentExamples = once(() => readers.intentExamples().readIntentExamples(locations.intentsDir));
  const placeNames = once(() => readPlaceNames(placeholdersFile));
  const outsideOrganizations = once(() => readers.outsideOrganizations().readOutsideOrganizations(locations.outsideOrganizationsFile));
  return {
    get lexicons() {
      return lexicons();
    },
    intentExamples,
    get placeNames() {
      return placeNames();
    },
    get outsideOrganizations() {
      return outsideOrganizations();
    },
    dataFingerprint: dataFingerprintOf(readDataFiles(locations), locations.precomputedDir),
  };
}

/** Reads everything; fails with a clear message when the build's files are missing. */
export function loadUnderstandingResources(locations: ResourceLocations = DEFAULT_RESOURCE_LOCATIONS): UnderstandingResources {
  const data = readUnderstandingData(locations);
  const dictionaries = Dictionaries.load(locations.precomputedDir);
  const modelFile = join(locations.precomputedDir, LANGUAGE_MODEL_FILE);
  if (!existsSync(modelFile)) throw new Error(`the language model (${modelFile}) is missing. Run "npm run build".`);
  const languageModel = LanguageModel.fromBuffer(readFileSync(modelFile), dictionaries);
  const classifierFile = join(locations.precomputedDir, CLASSIFIER_FILE);
  const savedClassifier = existsSync(classifierFile) ? (JSON.parse(readFileSync(classifierFile, 'utf8')) as SavedMetaClassifier) : undefined;
  const fingerprintFile = join(locations.precomputedDir, CLASSIFIER_FINGERPRINT_FILE);
  const classifierFingerprint = existsSync(fingerprintFile) ? (JSON.parse(readFileSync(fingerprintFile, 'utf8')) as KnownFingerprint) : undefined;
  const indexesFile = join(locations.precomputedDir, INDEXES_FILE);
  // Read each time the understander asks (at start, on a reload) rather than kept: once restored, the file's contents are garbage.
  const savedIndexes = () => (existsSync(indexesFile) ? readFileSync(indexesFile) : undefined);
  return {
    get lexicons() {
      return data.lexicons;
    },
    intentExamples: data.intentExamples,
    get placeNames() {
      return data.placeNames;
    },
    get outsideOrganizations() {
      return data.outsideOrganizations;
    },
    dictionaries,
    languageModel,
    ...(savedClassifier ? { savedClassifier } : {}),
    ...(classifierFingerprint ? { classifierFingerprint } : {}),
    savedIndexes,
    dataFingerprint: data.dataFingerprint,
  };
}

/** The resources of the shipped data, loaded once per process. */
let shipped: UnderstandingResources | undefined;
export function shippedResources(): UnderstandingResources {
  shipped ??= loadUnderstandingResources();
  return shipped;
}
