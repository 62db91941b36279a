/**
 * The first half of understanding: what a message contains, without any conversation context.
 * Tokens, spelling corrections, the language's evidence, the cue phrases (greeting, video,
 * partners...), the named things (organizations, countries, projects...) and the words left over
 * for fact retrieval.
 */
import type { Language } from '../knowledge/schema';
import type { FuzzyVocabulary } from './fuzzy';
import type { EntityRef, Gazetteer } from './gazetteer';
import { nameWords } from './gazetteer';
import type { LanguageDetector, LanguageGuess } from './language';
import type { CueKind } from './lexicon';
import { normalize, type Token } from './normalize';
import type { PhraseIndex } from './phraseIndex';

export interface FoundEntities {
  readonly organizations: string[];
  readonly countries: string[];
  readonly regions: string[];
  readonly strongSectors: string[];
  readonly weakSectors: string[];
  readonly partners: string[];
  readonly projects: string[];
}

export interface Analysis {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly language: LanguageGuess;
  readonly cues: ReadonlySet<CueKind>;
  /** Cues that start the message ("and in Peru?"), which mark a follow-up. */
  readonly leadingCues: ReadonlySet<CueKind>;
  readonly entities: FoundEntities;
  /** Folded words that are neither names nor cues: what fact retrieval searches for. */
  readonly residual: readonly string[];
  /** Residual words the bot does not know at all. */
  readonly unknownWords: readonly string[];
  /** Capitalised words the bot does not know: names of things it has no knowledge of. */
  readonly unknownNames: readonly string[];
}

/** The indexes an analysis reads; all are built once from the knowledge base and the lexicons. */
export interface AnalysisIndexes {
  readonly gazetteer: Gazetteer;
  readonly cues: PhraseIndex<LanguageCue>;
  readonly fuzzy: FuzzyVocabulary;
  readonly knownWords: ReadonlySet<string>;
  readonly detector: LanguageDetector;
}

/** Words that put the next name in a place (and place nouns themselves). */
const PLACE_WORDS = new Set([
  'near', 'around', 'close', 'lake', 'river', 'mount', 'city', 'town', 'village', 'province', 'department', 'volcano',
  'pres', 'proche', 'autour', 'lac', 'riviere', 'ville', 'village', 'province', 'departement', 'region', 'volcan',
  'cerca', 'junto', 'alrededor', 'lago', 'rio', 'ciudad', 'pueblo', 'provincia', 'departamento', 'region', 'volcan',
]);

/** A cue phrase and the language it was written in. */
export interface LanguageCue {
  readonly kind: CueKind;
  readonly language: Language;
}

/** Words in front of a lower-case "did" that make it the organization rather than the verb. */
const DID_AS_NAME_AFTER = new Set([
  'of', 'by', 'from', 'about', 'with', 'for', 'and', 'does', 'is', 'are', 'on', 'de', 'del', 'por', 'par', 'et', 'y', 'la', 'le', 'el', 'les', 'los', 'que', 'avec', 'con', 'sobre', 'to',
]);

function didIsOrganization(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.original === 'DID') return true;
  if (index === tokens.length - 1) return true;
  const previous = tokens[index - 1];
  return index === 0 ? tokens.length <= 3 : DID_AS_NAME_AFTER.has(previous!.folded);
}

const EMPTY_ENTITIES = (): FoundEntities => ({
  organizations: [],
  countries: [],
  regions: [],
  strongSectors: [],
  weakSectors: [],
  partners: [],
  projects: [],
});

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

export function analyze(raw: string, indexes: AnalysisIndexes): Analysis {
  const { text, tokens } = normalize(raw);

  // Spelling: only words the bot does not know are corrected, and only towards names and greetings.
  const matchable = tokens.map((token) => {
    if (indexes.knownWords.has(token.folded) || /^\d+$/.test(token.folded)) return token.folded;
    return indexes.fuzzy.correct(token.folded)?.word ?? token.folded;
  });

  // Cue phrases, on the (corrected) folded words.
  const cues = new Set<CueKind>();
  const leadingCues = new Set<CueKind>();
  const cueCovered = new Set<number>();
  // A phrase of several words ("site web", "en général") tells its language better than its words.
  const phraseEvidence: Record<Language, number> = { en: 0, fr: 0, es: 0 };
  for (const match of indexes.cues.findAll(matchable)) {
    const { kind, language } = match.payload;
    cues.add(kind);
    if (match.start === 0) leadingCues.add(kind);
    if (match.end - match.start >= 2) phraseEvidence[language] += 0.7;
    if (kind !== 'domain' && kind !== 'overviewWeak') {
      for (let i = match.start; i < match.end; i++) cueCovered.add(i);
    }
  }

  // Names, on the content words (fillers such as "of", "de", "la" may be skipped inside a name).
  const positions: number[] = [];
  const words: string[] = [];
  matchable.forEach((word, index) => {
    const [key] = nameWords([word]);
    if (key !== undefined) {
      positions.push(index);
      words.push(key);
    }
  });
  const entities = EMPTY_ENTITIES();
  const entityCovered = new Set<number>();
  for (const match of indexes.gazetteer.find(words)) {
    const first = positions[match.start]!;
    const last = positions[match.end - 1]!;
    const entity: EntityRef = match.payload;
    if (entity.kind === 'organization' && entity.id === 'did' && match.end - match.start === 1 && tokens[first]!.folded === 'did') {
      if (!didIsOrganization(tokens, first)) continue;
    }
    // A sector's related words ("farmers") stay in the question's words for fact retrieval too.
    const isWeak = entity.kind === 'sector' && entity.strength === 'weak';
    if (!isWeak) for (let i = first; i <= last; i++) entityCovered.add(i);
    switch (entity.kind) {
      case 'organization':
        pushUnique(entities.organizations, entity.id);
        break;
      case 'country':
        pushUnique(entities.countries, entity.id);
        break;
      case 'region':
        pushUnique(entities.regions, entity.id);
        break;
      case 'sector':
        pushUnique(entity.strength === 'strong' ? entities.strongSectors : entities.weakSectors, entity.id);
        break;
      case 'partner':
        pushUnique(entities.partners, entity.id);
        break;
      case 'project':
        pushUnique(entities.projects, entity.id);
        break;
    }
  }

  const residual: string[] = [];
  const unknownWords: string[] = [];
  const unknownNames: string[] = [];
  tokens.forEach((token, index) => {
    if (entityCovered.has(index) || cueCovered.has(index)) return;
    const word = matchable[index]!;
    residual.push(word);
    if (!indexes.knownWords.has(word) && !/^\d+$/.test(word)) {
      unknownWords.push(word);
      const looksLikeName = (/^\p{Lu}/u.test(token.original) && !token.sentenceStart) || /^\p{Lu}{3,}$/u.test(token.original);
      // Places ("near Lake Atitlán", "cerca del lago") are where, not who: they are not organizations.
      const place = PLACE_WORDS.has(tokens[index - 1]?.folded ?? '') || PLACE_WORDS.has(word);
      if (looksLikeName && !place) unknownNames.push(token.original);
    }
  });

  const language = indexes.detector.detect(
    tokens.map((token, index) => ({ ...token, folded: matchable[index]! })),
    text,
    phraseEvidence,
  );
  return { text, tokens, language, cues, leadingCues, entities, residual, unknownWords, unknownNames };
}
