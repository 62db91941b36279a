/**
 * Finds which project, organization or overview a question's words are about, from the facts the
 * knowledge base holds in the three languages ("which project started in 1998", "who works with
 * Norandino", "¿qué proyecto desarrolla tres redes agrícolas?"). A weighted inverted index of stems
 * (BM25-style idf), built once: a question only touches the postings of its own words.
 */
import { LANGUAGES, type Language } from '../knowledge/schema';
import { normalize } from './normalize';
import { stemIn, stemsOf } from './stem';

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

export class DocumentIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  /** Where each document ("project:prosol") sits in the list. */
  private readonly positions = new Map<string, number>();
  private readonly idf = new Map<string, number>();
  /** Every folded word of every document, for telling known words from unknown ones. */
  readonly vocabulary = new Set<string>();
  /** The folded words of the documents written in each language. */
  readonly vocabularyByLanguage: Record<Language, Set<string>> = { en: new Set(), fr: new Set(), es: new Set() };

  /**
   * `stopWords` are left out of word pairs: "sucre de canne" gives the pair "sucre canne", which
   * a question's "canne" next to "sucre" finds.
   */
  constructor(
    private readonly documents: readonly RetrievalDocument[],
    private readonly stopWords: ReadonlySet<string> = new Set(),
  ) {
    documents.forEach((document, index) => {
      this.positions.set(`${document.kind}:${document.id}`, index);
      for (const field of document.fields) {
        const content: string[] = [];
        for (const token of normalize(field.text).tokens) {
          this.vocabulary.add(token.folded);
          if (field.language) this.vocabularyByLanguage[field.language].add(token.folded);
          const stems = field.language ? [stemIn(field.language, token.folded)] : stemsOf(token.folded);
          for (const stem of stems) this.post(stem, index, field.weight);
          if (!stopWords.has(token.folded)) content.push(stemIn(field.language ?? 'en', token.folded));
        }
        for (let i = 1; i < content.length; i++) this.post(`${content[i - 1]}+${content[i]}`, index, field.weight);
      }
    });
    const total = documents.length;
    for (const [stem, posting] of this.postings) {
      this.idf.set(stem, Math.log(1 + (total - posting.size + 0.5) / (posting.size + 0.5)));
    }
  }

  private post(key: string, document: number, weight: number): void {
    let posting = this.postings.get(key);
    if (!posting) this.postings.set(key, (posting = new Map()));
    posting.set(document, Math.max(posting.get(document) ?? 0, weight));
  }

  /** True when the document ("project:prosol") has the word, by any of its stems in the three languages. */
  contains(folded: string, documentKey: string): boolean {
    const index = this.positions.get(documentKey);
    if (index === undefined) return false;
    return stemsOf(folded).some((stem) => this.postings.get(stem)?.has(index) ?? false);
  }

  /** The inverse document frequency of a word's best stem (0 for a word no document has). */
  rarity(folded: string): number {
    return Math.max(0, ...stemsOf(folded).map((stem) => this.idf.get(stem) ?? 0));
  }

  /**
   * Scores the documents for a question's words (folded). A word counts once per document, with
   * the best of its stems in the three languages. `only` limits the search to some documents.
   */
  search(words: readonly string[], only?: ReadonlySet<string>): ScoredDocument[] {
    const scores = new Map<number, { score: number; matchedWords: number }>();
    const terms: Array<{ keys: string[]; isWord: boolean }> = [...new Set(words)].map((word) => ({ keys: stemsOf(word), isWord: true }));
    const content = words.filter((word) => !this.stopWords.has(word));
    for (let i = 1; i < content.length; i++) {
      const keys = LANGUAGES.map((language) => `${stemIn(language, content[i - 1]!)}+${stemIn(language, content[i]!)}`);
      terms.push({ keys: [...new Set(keys)], isWord: false });
    }
    for (const { keys, isWord } of terms) {
      const best = new Map<number, number>();
      for (const stem of keys) {
        const posting = this.postings.get(stem);
        if (!posting) continue;
        const idf = this.idf.get(stem)!;
        for (const [index, weight] of posting) {
          const value = idf * weight;
          if (value > (best.get(index) ?? 0)) best.set(index, value);
        }
      }
      for (const [index, value] of best) {
        const entry = scores.get(index) ?? { score: 0, matchedWords: 0 };
        entry.score += value;
        if (isWord) entry.matchedWords += 1;
        scores.set(index, entry);
      }
    }
    const results: ScoredDocument[] = [];
    for (const [index, { score, matchedWords }] of scores) {
      const document = this.documents[index]!;
      if (only && !only.has(`${document.kind}:${document.id}`)) continue;
      results.push({ kind: document.kind, id: document.id, score, matchedWords });
    }
    return results.sort((a, b) => b.score - a.score);
  }
}
