/**
 * Finds which project, organization or overview a question's words are about, from the facts the
 * knowledge base holds in the three languages ("which project started in 1998", "who works with
 * Norandino", "¿qué proyecto desarrolla tres redes agrícolas?"). A weighted inverted index of stems
 * (BM25-style idf), built once: a question only touches the postings of its own words.
 */
import { LANGUAGES, type Language } from '../knowledge/schema';
import { normalize } from './normalize';
import { stemIn, stemsOf } from './stem';
import { StringTable } from './stringTable';

export type DocumentKind = 'project' | 'organization' | 'overview';

export interface RetrievalField {
  readonly text: string;
  /** The language of the text; undefined for names, which belong to no language. */
  readonly language: Language | undefined;
  /** How much a word found in this field says about the document (titles more than facts). */
  readonly weight: number;
}

export interface RetrievalDocument {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly fields: readonly RetrievalField[];
}

export interface ScoredDocument {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly score: number;
  /** How many of the question's words were found in the document. */
  readonly matchedWords: number;
}

/**
 * The postings in the form a search reads them: each stem or stem pair is an entry of a string
 * table, whose documents and weights (of the best field that has it) are a range of two flat
 * arrays, in the order they were indexed. A few typed arrays rather than thousands of small maps:
 * the build saves them as bytes and a start uses them as read (indexes.ts).
 */
export interface Postings {
  readonly keys: StringTable;
  /** Where each entry's range starts in `documents` and `weights`; one more closes the last. */
  readonly starts: Uint32Array;
  readonly documents: Uint32Array;
  readonly weights: Float64Array;
}

/** A document index as the build saves it (dist/precomputed/), to be read back instead of built. */
export interface DocumentIndexParts {
  readonly documents: ReadonlyArray<{ readonly kind: DocumentKind; readonly id: string }>;
  readonly postings: Postings;
  readonly vocabulary: readonly string[];
  readonly vocabularyByLanguage: Readonly<Record<Language, readonly string[]>>;
}

export class DocumentIndex {
  private readonly postings: Postings;
  /** The inverse document frequency of each entry of the postings. */
  private readonly idf: Float64Array;
  /** The documents' kinds and ids, by their position in the list (their texts are not kept). */
  private readonly documents: ReadonlyArray<{ readonly kind: DocumentKind; readonly id: string }>;
  /** Where each document ("project:prosol") sits in the list. */
  private readonly positions = new Map<string, number>();
  /** Every folded word of every document, for telling known words from unknown ones. */
  readonly vocabulary: Set<string>;
  /** The folded words of the documents written in each language. */
  readonly vocabularyByLanguage: Record<Language, Set<string>>;

  /**
   * `stopWords` are left out of word pairs: "sucre de canne" gives the pair "sucre canne", which
   * a question's "canne" next to "sucre" finds. An index the build saved is read back as it was.
   */
  constructor(documents: readonly RetrievalDocument[], stopWords?: ReadonlySet<string>);
  constructor(saved: DocumentIndexParts, stopWords?: ReadonlySet<string>);
  constructor(
    source: readonly RetrievalDocument[] | DocumentIndexParts,
    private readonly stopWords: ReadonlySet<string> = new Set(),
  ) {
    if (isDocumentList(source)) {
      this.documents = source.map(({ kind, id }) => ({ kind, id }));
      this.vocabulary = new Set();
      this.vocabularyByLanguage = { en: new Set(), fr: new Set(), es: new Set() };
      this.postings = this.index(source);
    } else {
      this.documents = source.documents;
      this.vocabulary = new Set(source.vocabulary);
      this.vocabularyByLanguage = { en: new Set(source.vocabularyByLanguage.en), fr: new Set(source.vocabularyByLanguage.fr), es: new Set(source.vocabularyByLanguage.es) };
      this.postings = source.postings;
    }
    this.documents.forEach((document, index) => this.positions.set(`${document.kind}:${document.id}`, index));
    const { starts } = this.postings;
    const total = this.documents.length;
    this.idf = new Float64Array(this.postings.keys.size);
    for (let entry = 0; entry < this.idf.length; entry++) {
      const count = starts[entry + 1]! - starts[entry]!;
      this.idf[entry] = Math.log(1 + (total - count + 0.5) / (count + 0.5));
    }
  }

  /** Indexes the documents' fields: each word by its stems, each pair of neighbouring content words by theirs. */
  private index(documents: readonly RetrievalDocument[]): Postings {
    const postings = new Map<string, Map<number, number>>();
    const post = (key: string, document: number, weight: number): void => {
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = new Map()));
      posting.set(document, Math.max(posting.get(document) ?? 0, weight));
    };
    documents.forEach((document, index) => {
      for (const field of document.fields) {
        const content: string[] = [];
        for (const token of normalize(field.text).tokens) {
          this.vocabulary.add(token.folded);
          if (field.language) this.vocabularyByLanguage[field.language].add(token.folded);
          const stems = field.language ? [stemIn(field.language, token.folded)] : stemsOf(token.folded);
          for (const stem of stems) post(stem, index, field.weight);
          if (!this.stopWords.has(token.folded)) content.push(stemIn(field.language ?? 'en', token.folded));
        }
        for (let i = 1; i < content.length; i++) post(`${content[i - 1]}+${content[i]}`, index, field.weight);
      }
    });
    let pairs = 0;
    for (const posting of postings.values()) pairs += posting.size;
    const starts = new Uint32Array(postings.size + 1);
    const documentsOf = new Uint32Array(pairs);
    const weights = new Float64Array(pairs);
    let at = 0;
    [...postings.values()].forEach((posting, entry) => {
      starts[entry] = at;
      for (const [document, weight] of posting) {
        documentsOf[at] = document;
        weights[at] = weight;
        at += 1;
      }
    });
    starts[postings.size] = at;
    return { keys: StringTable.of([...postings.keys()].map((key) => [key, []] as const), 0), starts, documents: documentsOf, weights };
  }

  /** What the build saves. */
  parts(): DocumentIndexParts {
    return {
      documents: this.documents,
      postings: this.postings,
      vocabulary: [...this.vocabulary],
      vocabularyByLanguage: { en: [...this.vocabularyByLanguage.en], fr: [...this.vocabularyByLanguage.fr], es: [...this.vocabularyByLanguage.es] },
    };
  }

  /** True when the entry's documents include this one. */
  private posts(entry: number, document: number): boolean {
    const { starts, documents } = this.postings;
    for (let i = starts[entry]!; i < starts[entry + 1]!; i++) if (documents[i] === document) return true;
    return false;
  }

  /** True when the document ("project:prosol") has the word, by any of its stems in the three languages. */
  contains(folded: string, documentKey: string): boolean {
    const index = this.positions.get(documentKey);
    if (index === undefined) return false;
    return stemsOf(folded).some((stem) => {
      const entry = this.postings.keys.entry(stem);
      return entry >= 0 && this.posts(entry, index);
    });
  }

  /** The inverse document frequency of a word's best stem (0 for a word no document has). */
  rarity(folded: string): number {
    return Math.max(
      0,
      ...stemsOf(folded).map((stem) => {
        const entry = this.postings.keys.entry(stem);
        return entry < 0 ? 0 : this.idf[entry]!;
      }),
    );
  }

  /**
   * Scores the documents for a question's words (folded). A word counts once per document, with
   * the best of its stems in the three languages. `only` limits the search to some documents.
   */
  search(words: readonly string[], only?: ReadonlySet<string>): ScoredDocument[] {
    const scores: DocumentScores = new Map();
    const { starts, documents, weights } = this.postings;
    for (const { keys, isWord } of searchTerms(words, this.stopWords)) {
      const best = new Map<number, number>();
      for (const stem of keys) {
        const entry = this.postings.keys.entry(stem);
        if (entry < 0) continue;
        const idf = this.idf[entry]!;
        for (let i = starts[entry]!; i < starts[entry + 1]!; i++) {
          const index = documents[i]!;
          const value = idf * weights[i]!;
          if (value > (best.get(index) ?? 0)) best.set(index, value);
        }
      }
      addTermScores(scores, best, isWord);
    }
    return rankedDocuments(scores, this.documents, only);
  }
}

/** What a search looks up: a word by its stems in the three languages, or a pair of neighbouring content words. */
export interface SearchTerm {
  readonly keys: readonly string[];
  readonly isWord: boolean;
}

/** Each document's score so far, and how many of the question's words it has, by position. */
export type DocumentScores = Map<number, { score: number; matchedWords: number }>;

/** A question's terms: each distinct word by its stems, then each pair of neighbouring words that are not stop words. */
export function searchTerms(words: readonly string[], stopWords: ReadonlySet<string>): SearchTerm[] {
  const terms: SearchTerm[] = [...new Set(words)].map((word) => ({ keys: stemsOf(word), isWord: true }));
  const content = words.filter((word) => !stopWords.has(word));
  for (let i = 1; i < content.length; i++) {
    const keys = LANGUAGES.map((language) => `${stemIn(language, content[i - 1]!)}+${stemIn(language, content[i]!)}`);
    terms.push({ keys: [...new Set(keys)], isWord: false });
  }
  return terms;
}

/** Adds a term's best value in each document (the best of its keys) to the documents' scores. */
export function addTermScores(scores: DocumentScores, best: ReadonlyMap<number, number>, isWord: boolean): void {
  for (const [index, value] of best) {
    const entry = scores.get(index) ?? { score: 0, matchedWords: 0 };
    entry.score += value;
    if (isWord) entry.matchedWords += 1;
    scores.set(index, entry);
  }
}

/** The scored documents, best first (equal scores in the order they were first scored), limited to `only`. */
export function rankedDocuments(
  scores: DocumentScores,
  documents: ReadonlyArray<{ readonly kind: DocumentKind; readonly id: string }>,
  only?: ReadonlySet<string>,
): ScoredDocument[] {
  const results: ScoredDocument[] = [];
  for (const [index, { score, matchedWords }] of scores) {
    const document = documents[index]!;
    if (only && !only.has(`${document.kind}:${document.id}`)) continue;
    results.push({ kind: document.kind, id: document.id, score, matchedWords });
  }
  return results.sort((a, b) => b.score - a.score);
}

const isDocumentList = (source: readonly RetrievalDocument[] | DocumentIndexParts): source is readonly RetrievalDocument[] => Array.isArray(source);
