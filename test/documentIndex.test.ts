/**
 * The document index keeps its postings as a string table with flat arrays (so that the build can
 * save them as bytes): it must score, rank and answer exactly as the plain inverted index of maps
 * it replaced, kept below as the reference (with the same terms and ranking), on the shipped
 * knowledge base and every word of the evaluation sets (words with "œ" and other characters beyond
 * Latin-1 included).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readQuestionSet } from '../src/eval/questionSet';
import { LANGUAGES } from '../src/knowledge/schema';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { buildDocuments } from '../src/understanding/documents';
import { normalize } from '../src/understanding/normalize';
import {
  addTermScores,
  DocumentIndex,
  rankedDocuments,
  searchTerms,
  type DocumentScores,
  type RetrievalDocument,
  type ScoredDocument,
} from '../src/understanding/retrieval';
import { loadUnderstandingResources } from '../src/understanding/resources';
import { stemIn, stemsOf } from '../src/understanding/stem';

/** The inverted index of maps, as it was before its postings became arrays. */
class ReferenceIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly positions = new Map<string, number>();
  private readonly idf = new Map<string, number>();

  constructor(
    private readonly documents: readonly RetrievalDocument[],
    private readonly stopWords: ReadonlySet<string>,
  ) {
    documents.forEach((document, index) => {
      this.positions.set(`${document.kind}:${document.id}`, index);
      for (const field of document.fields) {
        const content: string[] = [];
        for (const token of normalize(field.text).tokens) {
          const stems = field.language ? [stemIn(field.language, token.folded)] : stemsOf(token.folded);
          for (const stem of stems) this.post(stem, index, field.weight);
          if (!stopWords.has(token.folded)) content.push(stemIn(field.language ?? 'en', token.folded));
        }
        for (let i = 1; i < content.length; i++) this.post(`${content[i - 1]}+${content[i]}`, index, field.weight);
      }
    });
    for (const [stem, posting] of this.postings) this.idf.set(stem, Math.log(1 + (documents.length - posting.size + 0.5) / (posting.size + 0.5)));
  }

  private post(key: string, document: number, weight: number): void {
    let posting = this.postings.get(key);
    if (!posting) this.postings.set(key, (posting = new Map()));
    posting.set(document, Math.max(posting.get(document) ?? 0, weight));
  }

  contains(folded: string, documentKey: string): boolean {
    const index = this.positions.get(documentKey);
    if (index === undefined) return false;
    return stemsOf(folded).some((stem) => this.postings.get(stem)?.has(index) ?? false);
  }

  rarity(folded: string): number {
    return Math.max(0, ...stemsOf(folded).map((stem) => this.idf.get(stem) ?? 0));
  }

  search(words: readonly string[], only?: ReadonlySet<string>): ScoredDocument[] {
    const scores: DocumentScores = new Map();
    for (const { keys, isWord } of searchTerms(words, this.stopWords)) {
      const best = new Map<number, number>();
      for (const stem of keys) {
        for (const [index, weight] of this.postings.get(stem) ?? []) {
          const value = this.idf.get(stem)! * weight;
          if (value > (best.get(index) ?? 0)) best.set(index, value);
        }
      }
      addTermScores(scores, best, isWord);
    }
    return rankedDocuments(scores, this.documents, only);
  }
}

describe('the document index', () => {
  const kb = loadKnowledgeBase();
  const documents = buildDocuments(kb);
  const { lexicons } = loadUnderstandingResources();
  const stopWords = new Set(LANGUAGES.flatMap((language) => lexicons[language].functionWords.flatMap((phrase) => normalize(phrase).tokens.map((token) => token.folded))));
  const reference = new ReferenceIndex(documents, stopWords);
  const built = new DocumentIndex(documents, stopWords);
  const questions = readdirSync(join(__dirname, 'eval'))
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readQuestionSet(join(__dirname, 'eval', file)).map((item) => normalize(item.q).tokens.map((token) => token.folded)));
  const documentWords = documents.flatMap((document) => document.fields.flatMap((field) => normalize(field.text).tokens.map((token) => token.folded)));
  const words = [...new Set([...questions.flat(), ...documentWords])];
  const keys = documents.map((document) => `${document.kind}:${document.id}`);

  it('has words beyond Latin-1 to index (œuvre, mettre en œuvre)', () => {
    expect(words.some((word) => /[^\u0000-\u00ff]/.test(word))).toBe(true);
  });

  it('scores and ranks every question of the evaluation sets as the index of maps', () => {
    const only = new Set(keys.filter((key) => key.startsWith('project:')));
    for (const question of questions) {
      expect(built.search(question)).toEqual(reference.search(question));
      expect(built.search(question, only)).toEqual(reference.search(question, only));
    }
  });

  it('gives every word the same rarity, and finds it in the same documents', () => {
    for (const word of words) {
      expect(built.rarity(word)).toBe(reference.rarity(word));
      for (const key of keys) expect(built.contains(word, key)).toBe(reference.contains(word, key));
    }
  });
});
