/**
 * The indexes the Understander reads messages with, built from the knowledge base and data/: the
 * names (gazetteer), the facts (document index), the cue phrases, the function words, the sectors'
 * words and the chat abbreviations. Building them means tokenizing and stemming every text of the
 * knowledge base, the largest part of a cold start; the build does it once
 * (src/build/precompute.ts) and saves them to dist/precomputed/understanding-indexes.bin under a
 * key made of everything they are built from: the postings as bytes used in place, the rest as JSON. A start whose knowledge base and data files give the
 * same key reads them back; any other (an edited data/, a reload after an edit, another knowledge
 * base) builds them here, with the same result.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { knowledgeBaseFingerprint } from '../knowledge/load';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { fingerprint } from '../util/fingerprint';
import type { LanguageCue } from './analyze';
import { buildDocuments } from './documents';
import { Gazetteer, type SavedGazetteer } from './gazetteer';
import type { CueKind, LanguageLexicon } from './lexicon';
import { normalize } from './normalize';
import type { OutsideOrganization } from './outsideOrganizations';
import { bytesOf, readBundle, typedArrayOf, writeBundle } from '../util/bundle';
import type { Dictionaries } from './dictionary';
import { PhraseIndex, type SavedPhraseIndex } from './phraseIndex';
import { DocumentIndex, type DocumentIndexParts } from './retrieval';
import { StringTable } from './stringTable';

export const INDEXES_FILE = 'understanding-indexes.bin';

/**
 * Bump when the way the indexes are built changes (this file, gazetteer.ts, retrieval.ts,
 * documents.ts, normalize.ts, stem.ts), so that a file saved by older code is never read back.
 * The build also rewrites the file whenever the compiled code changed (see precompute.ts).
 */
const INDEXES_FORMAT = 'coop-understanding-indexes/4';

export interface UnderstandingIndexes {
  readonly gazetteer: Gazetteer;
  readonly documents: DocumentIndex;
  readonly cues: PhraseIndex<LanguageCue>;
  /** Every folded word of every cue phrase. */
  readonly cueWords: ReadonlySet<string>;
  readonly functionWords: ReadonlySet<string>;
  /** Each sector's words (its names, aliases and keywords, without function words). */
  readonly sectorWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** The chat abbreviations of the three languages; one that two languages read differently is left out. */
  readonly abbreviations: ReadonlyMap<string, string>;
}

/** What the indexes are built from, besides the knowledge base. */
export interface IndexSources {
  readonly lexicons: Record<Language, LanguageLexicon>;
  readonly outsideOrganizations: readonly OutsideOrganization[];
  readonly dictionaries: Dictionaries;
  /** A fingerprint of the data files the lexicons and the outside organizations were read from. */
  readonly dataFingerprint: string;
}

/** The saved indexes' header: the key of what they were built from, and all but the postings (the file's sections). */
interface SavedHeader {
  readonly format: string;
  readonly key: string;
  readonly gazetteer: SavedGazetteer;
  readonly documents: Omit<DocumentIndexParts, 'postings'>;
  readonly cues: SavedPhraseIndex<LanguageCue>;
  readonly cueWords: readonly string[];
  readonly functionWords: readonly string[];
  readonly sectorWords: ReadonlyArray<readonly [string, readonly string[]]>;
  readonly abbreviations: ReadonlyArray<readonly [string, string]>;
}

const foldedWords = (phrase: string) => normalize(phrase).tokens.map((token) => token.folded);

/**
 * The key of the indexes of a knowledge base loaded from the build's snapshot: the files it was
 * read from, the data files, the dictionaries (the gazetteer asks them which outside names are
 * everyday words) and the format. Undefined for any other knowledge base (an edited data/, one made
 * in code): the build has no indexes of it, and hashing its whole content would cost more than it
 * could save.
 */
export function indexesKey(kb: KnowledgeBase, sources: Pick<IndexSources, 'dictionaries' | 'dataFingerprint'>): string | undefined {
  const knowledge = knowledgeBaseFingerprint(kb);
  if (knowledge === undefined) return undefined;
  return fingerprint(INDEXES_FORMAT, knowledge, sources.dataFingerprint, JSON.stringify(sources.dictionaries.sizes()));
}

/** Builds every index from the knowledge base and the data files. */
export function buildIndexes(kb: KnowledgeBase, sources: IndexSources): UnderstandingIndexes {
  const { lexicons, dictionaries } = sources;
  const gazetteer = new Gazetteer(kb, sources.outsideOrganizations, (word) => dictionaries.isWord(word));
  const functionWords = new Set<string>(LANGUAGES.flatMap((language) => lexicons[language].functionWords.flatMap(foldedWords)));
  const documents = new DocumentIndex(buildDocuments(kb), functionWords);
  const cues = new PhraseIndex<LanguageCue>();
  const cueWords = new Set<string>();
  for (const language of LANGUAGES) {
    for (const [kind, phrases] of Object.entries(lexicons[language].cues) as Array<[CueKind, readonly string[]]>) {
      for (const phrase of phrases) {
        const words = foldedWords(phrase);
        cues.add(words, { kind, language });
        for (const word of words) cueWords.add(word);
      }
    }
  }
  const sectorWords = new Map(
    kb.sectors.map((sector) => {
      const phrases = [sector.name.en, sector.name.fr, sector.name.es, ...sector.aliases, ...sector.keywords.en, ...sector.keywords.fr, ...sector.keywords.es];
      return [sector.id, new Set(phrases.flatMap(foldedWords).filter((word) => !functionWords.has(word)))] as const;
    }),
  );
  return { gazetteer, documents, cues, cueWords, functionWords, sectorWords, abbreviations: mergedAbbreviations(lexicons) };
}

/** The indexes as the build writes them, under the key of what they were built from. */
export function writeIndexes(indexes: UnderstandingIndexes, key: string): Buffer {
  const { postings, ...documents } = indexes.documents.parts();
  const header: SavedHeader = {
    format: INDEXES_FORMAT,
    key,
    gazetteer: indexes.gazetteer.save(),
    documents,
    cues: indexes.cues.save(),
    cueWords: [...indexes.cueWords],
    functionWords: [...indexes.functionWords],
    sectorWords: [...indexes.sectorWords].map(([id, words]) => [id, [...words]] as const),
    abbreviations: [...indexes.abbreviations],
  };
  return writeBundle(header, {
    postingKeys: postings.keys.toBuffer(),
    postingStarts: bytesOf(postings.starts),
    postingDocuments: bytesOf(postings.documents),
    postingWeights: bytesOf(postings.weights),
  });
}

/** The saved indexes when they were built from the same inputs (`key`); undefined for another key, no key or an unreadable file. */
export function readIndexes(saved: Buffer | undefined, key: string | undefined): UnderstandingIndexes | undefined {
  if (!saved || key === undefined) return undefined;
  try {
    const bundle = readBundle<SavedHeader>(saved);
    const header = bundle.header;
    if (header.format !== INDEXES_FORMAT || header.key !== key) return undefined;
    const functionWords = new Set(header.functionWords);
    const postings = {
      keys: StringTable.fromBuffer(bundle.section('postingKeys')),
      starts: typedArrayOf(bundle.section('postingStarts'), Uint32Array),
      documents: typedArrayOf(bundle.section('postingDocuments'), Uint32Array),
      weights: typedArrayOf(bundle.section('postingWeights'), Float64Array),
    };
    return {
      gazetteer: new Gazetteer(header.gazetteer),
      documents: new DocumentIndex({ ...header.documents, postings }, functionWords),
      cues: new PhraseIndex(header.cues),
      cueWords: new Set(header.cueWords),
      functionWords,
      sectorWords: new Map(header.sectorWords.map(([id, words]) => [id, new Set(words)])),
      abbreviations: new Map(header.abbreviations),
    };
  } catch {
    // A damaged file only costs building the indexes here.
    return undefined;
  }
}

/** The chat abbreviations of the three languages; one that two languages read differently is left out. */
function mergedAbbreviations(lexicons: Record<Language, LanguageLexicon>): Map<string, string> {
  const merged = new Map<string, string>();
  const conflicting = new Set<string>();
  for (const language of LANGUAGES) {
    for (const [short, word] of Object.entries(lexicons[language].abbreviations)) {
      const folded = foldedWords(short)[0];
      const full = foldedWords(word)[0];
      if (!folded || !full) continue;
      if (merged.has(folded) && merged.get(folded) !== full) conflicting.add(folded);
      merged.set(folded, full);
    }
  }
  for (const short of conflicting) merged.delete(short);
  return merged;
}
