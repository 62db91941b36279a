/**
 * Understanding of chat messages about the partnerships: a pure function of the message, the
 * conversation's context and the client's locale, over indexes built once from the knowledge base.
 * It knows nothing of the Bot Framework, so it can be tested and benchmarked alone.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { analyze, type Analysis, type AnalysisIndexes, type LanguageCue } from './analyze';
import { buildDocuments } from './documents';
import { FuzzyVocabulary } from './fuzzy';
import { Gazetteer } from './gazetteer';
import { buildLanguageEvidence, LanguageDetector } from './language';
import { LEXICONS, type CueKind } from './lexicon';
import { normalize } from './normalize';
import { PhraseIndex } from './phraseIndex';
import { DocumentIndex } from './retrieval';
import { DEFAULT_RESOLVE_OPTIONS, resolve, type ResolveOptions } from './resolve';
import { EMPTY_CONTEXT, type ConversationContext, type Understanding } from './types';

const foldedWords = (phrase: string) => normalize(phrase).tokens.map((token) => token.folded);

/** Cue kinds whose single words are worth correcting when misspelt ("bonjou", "helo"). */
const CORRECTABLE_CUES: readonly CueKind[] = ['greeting', 'thanks', 'farewell', 'help', 'facet:video'];

export class Understander {
  private readonly indexes: AnalysisIndexes;
  private readonly documents: DocumentIndex;
  private readonly functionWords: ReadonlySet<string>;
  private readonly sectorWords: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: ResolveOptions = DEFAULT_RESOLVE_OPTIONS,
  ) {
    const gazetteer = new Gazetteer(kb);
    const functionWords = new Set<string>(LANGUAGES.flatMap((language) => LEXICONS[language].functionWords.flatMap(foldedWords)));
    this.documents = new DocumentIndex(buildDocuments(kb), functionWords);

    const cues = new PhraseIndex<LanguageCue>();
    const knownWords = new Set<string>([...gazetteer.vocabulary, ...this.documents.vocabulary]);
    const correctable = new Set<string>(gazetteer.vocabulary);
    const languageLists: Array<{ language: Language; words: Iterable<string>; weight: number }> = [];
    for (const language of LANGUAGES) {
      const lexicon = LEXICONS[language];
      const own = new Set<string>();
      for (const word of lexicon.functionWords.flatMap(foldedWords)) {
        knownWords.add(word);
        own.add(word);
      }
      languageLists.push({ language, words: own, weight: 1 });
      for (const [kind, phrases] of Object.entries(lexicon.cues) as Array<[CueKind, readonly string[]]>) {
        const cueWords = new Set<string>();
        for (const phrase of phrases) {
          const words = foldedWords(phrase);
          cues.add(words, { kind, language });
          for (const word of words) {
            knownWords.add(word);
            cueWords.add(word);
          }
          if (words.length === 1 && CORRECTABLE_CUES.includes(kind)) correctable.add(words[0]!);
        }
        // Greetings and thanks tell the language of a message strongly ("Bonsoir !", "hola").
        const weight = kind === 'greeting' || kind === 'thanks' || kind === 'farewell' ? 2.5 : 0.8;
        if (!kind.startsWith('languageRequest')) languageLists.push({ language, words: cueWords, weight });
      }
      // Words that the knowledge base uses in this language only ("agricole", "agrícola").
      languageLists.push({ language, words: this.documents.vocabularyByLanguage[language], weight: 0.6 });
      // Names as each language writes them ("Barbade", "Barbados"; "Pérou", "Perú").
      const names = [...kb.countries, ...kb.regions, ...kb.sectors].map((item) => item.name[language]);
      languageLists.push({ language, words: new Set(names.flatMap(foldedWords)), weight: 0.5 });
    }
    const languageEvidence = buildLanguageEvidence(languageLists);
    this.sectorWords = new Map(
      kb.sectors.map((sector) => {
        const phrases = [sector.name.en, sector.name.fr, sector.name.es, ...sector.aliases, ...sector.keywords.en, ...sector.keywords.fr, ...sector.keywords.es];
        return [sector.id, new Set(phrases.flatMap(foldedWords).filter((word) => !functionWords.has(word)))];
      }),
    );
    this.functionWords = functionWords;
    this.indexes = {
      gazetteer,
      cues,
      fuzzy: new FuzzyVocabulary(correctable),
      knownWords,
      detector: new LanguageDetector(languageEvidence),
    };
  }

  /** What a message contains, before the conversation's context is applied (for tests and logs). */
  analyze(text: string): Analysis {
    return analyze(text, this.indexes);
  }

  /** Understands one message in its conversation. */
  understand(text: string, context: ConversationContext = EMPTY_CONTEXT, locale?: string): Understanding {
    return resolve(this.analyze(text), context, locale, {
      kb: this.kb,
      documents: this.documents,
      functionWords: this.functionWords,
      sectorWords: this.sectorWords,
      options: this.options,
    });
  }
}

