/**
 * The first half of understanding: what a message contains, without any conversation context.
 * Tokens; spelling corrections (only of words that are no word of the three languages); the cue
 * phrases (a list, a video, the partners...); the names of things, each a mention with its span and
 * how well it matched; the message's language; what kind of message it is (the meta-intent
 * classifier); and what each word is: a name, a cue, a function word or a word left to explain.
 */
import type { Language } from '../knowledge/schema';
import type { EntityKind, EntityRef, Gazetteer } from './gazetteer';
import { nameWords } from './gazetteer';
import type { LanguageDetector, LanguageGuess } from './language';
import type { CueKind } from './lexicon';
import { featuresOf, META_INTENTS, type ClassifierWord, type MetaIntent, type MetaIntentClassifier, type MetaIntentScores } from './metaIntents';
import { normalize, type Token } from './normalize';
import type { PhraseIndex } from './phraseIndex';
import type { SpelledWord, Speller } from './speller';

export interface FoundEntities {
  readonly organizations: string[];
  readonly countries: string[];
  readonly regions: string[];
  readonly strongSectors: string[];
  readonly weakSectors: string[];
  readonly partners: string[];
  readonly projects: string[];
  /** Organizations the guide does not cover (by the name the reply uses). */
  readonly outsideOrganizations: string[];
}

/** A name found in the message. */
export interface Mention {
  readonly kind: EntityKind;
  readonly id: string;
  readonly strength: 'strong' | 'weak';
  /** The span, as token indexes (end excluded). */
  readonly start: number;
  readonly end: number;
  /** The words as the user typed them. */
  readonly typed: string;
  /** 0 when every word of the name was typed right; else the edits of the worst corrected word. */
  readonly distance: number;
}

/** A cue phrase found in the message. */
export interface CueMatch {
  readonly kind: CueKind;
  readonly language: Language;
  readonly start: number;
  readonly end: number;
}

/** What a word of the message is, for the evidence an interpretation leaves unexplained. */
export type WordRole = 'name' | 'cue' | 'function' | 'number' | 'content';

export interface Analysis {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Each token as read: its matching form and how it was corrected, if it was. */
  readonly spelled: readonly SpelledWord[];
  readonly language: LanguageGuess;
  readonly cues: ReadonlySet<CueKind>;
  /** Cues that start the message ("and in Peru?"), which mark a follow-up. */
  readonly leadingCues: ReadonlySet<CueKind>;
  readonly cueMatches: readonly CueMatch[];
  readonly mentions: readonly Mention[];
  readonly entities: FoundEntities;
  /** The role of each token. */
  readonly roles: readonly WordRole[];
  /** Matching forms of the words that are neither names nor cues: what fact retrieval searches for. */
  readonly residual: readonly string[];
  /** Residual words that are neither the bot's words nor words of the three languages. */
  readonly unknownWords: readonly string[];
  /** Capitalised words the bot does not know: names of things it has no knowledge of. */
  readonly unknownNames: readonly string[];
  /** What kind of message this is, with a probability for each kind. */
  readonly meta: MetaIntentScores;
  /**
   * The tokens of the question, when the message says more than its question (a greeting, who
   * the writer is): the entities, cues and words above are those of the question alone, and
   * `context` names what the rest of the message mentions.
   */
  readonly subject?: ReadonlySet<number>;
  readonly context?: FoundEntities;
}

/** The indexes an analysis reads; all are built once from the knowledge base and data/. */
export interface AnalysisIndexes {
  readonly gazetteer: Gazetteer;
  readonly cues: PhraseIndex<LanguageCue>;
  readonly speller: Speller;
  readonly functionWords: ReadonlySet<string>;
  /** The words of the knowledge base's facts (the classifier tags them). */
  readonly domainWords: ReadonlySet<string>;
  readonly detector: LanguageDetector;
  /** Absent while the classifier itself is being trained on analysed examples. */
  readonly classifier?: MetaIntentClassifier;
}

/** How much of a message the understanding reads: its first words, and corrections for so many unknown words. */
export const READ_BUDGET = Object.freeze({ tokens: 120, corrections: 6 });

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
  if (token.original === 'DID' || token.possessive) return true;
  if (index === tokens.length - 1) return true;
  const previous = tokens[index - 1];
  return index === 0 ? tokens.length <= 3 : DID_AS_NAME_AFTER.has(previous!.folded);
}

/** A span typed with capitals: an acronym in upper case, or a capitalised word not opening a sentence. */
function typedWithCapitals(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    const acronym = token.original.length <= 4 ? token.original === token.original.toUpperCase() : /^\p{Lu}/u.test(token.original);
    if (!acronym || !/\p{L}/u.test(token.original)) return false;
  }
  return true;
}

const EMPTY_ENTITIES = (): FoundEntities => ({
  organizations: [],
  countries: [],
  regions: [],
  strongSectors: [],
  weakSectors: [],
  partners: [],
  projects: [],
  outsideOrganizations: [],
});

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** The things the mentions name, by kind, each once, in the order first named. */
function entitiesOf(mentions: readonly Mention[]): FoundEntities {
  const entities = EMPTY_ENTITIES();
  for (const mention of mentions) {
    if (mention.kind === 'sector') pushUnique(mention.strength === 'strong' ? entities.strongSectors : entities.weakSectors, mention.id);
    else pushUnique(entities[ENTITY_LIST[mention.kind]], mention.id);
  }
  return entities;
}

const ENTITY_LIST: Record<Exclude<EntityKind, 'sector'>, keyof FoundEntities> = {
  organization: 'organizations',
  country: 'countries',
  region: 'regions',
  partner: 'partners',
  project: 'projects',
  'outside-organization': 'outsideOrganizations',
};

/** Everything in an analysis but what the classifier says of it. */
export type Reading = Omit<Analysis, 'meta'>;

export function read(raw: string, indexes: AnalysisIndexes): Reading {
  const { text, tokens: allTokens } = normalize(raw);
  // A work budget: a question is read in its first words, and only so many unknown words are
  // looked up for a correction (each look-up searches the bot's vocabulary), so that no message
  // of the allowed size costs more than a few milliseconds.
  const tokens = allTokens.length > READ_BUDGET.tokens ? allTokens.slice(0, READ_BUDGET.tokens) : allTokens;
  let corrections = 0;
  const spelled = tokens.map((token) => {
    const word = indexes.speller.spell(token.folded, corrections < READ_BUDGET.corrections);
    if (word.looked) corrections += 1;
    return word;
  });
  const matchable = spelled.map((word) => word.word);

  // Cue phrases, on the (corrected) folded words.
  const cues = new Set<CueKind>();
  const leadingCues = new Set<CueKind>();
  const cueCovered = new Set<number>();
  const cueMatches: CueMatch[] = [];
  for (const match of indexes.cues.findAll(matchable)) {
    const { kind, language } = match.payload;
    cues.add(kind);
    cueMatches.push({ kind, language, start: match.start, end: match.end });
    if (match.start === 0) leadingCues.add(kind);
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
  const mentions: Mention[] = [];
  const entityCovered = new Set<number>();
  // The languages whose name was typed, per span: "Pérou" is French, "Perú" Spanish, "Peru" either.
  const nameLanguages = new Map<string, Set<Language>>();
  for (const match of indexes.gazetteer.find(words)) {
    const first = positions[match.start]!;
    const last = positions[match.end - 1]!;
    const entity: EntityRef = match.payload;
    const span = `${first}:${last}`;
    if (entity.language) nameLanguages.set(span, (nameLanguages.get(span) ?? new Set()).add(entity.language));
    // The same words may name a thing in several languages ("Haiti"): one mention.
    if (mentions.some((m) => m.kind === entity.kind && m.id === entity.id && m.start === first && m.end === last + 1)) continue;
    if (entity.kind === 'organization' && entity.id === 'did' && match.end - match.start === 1 && tokens[first]!.folded === 'did') {
      if (!didIsOrganization(tokens, first)) continue;
    }
    if (entity.requiresCapitals && !typedWithCapitals(tokens, first, last + 1)) continue;
    // A sector's related words ("farmers") stay in the question's words for fact retrieval too.
    const isWeak = entity.kind === 'sector' && entity.strength === 'weak';
    if (!isWeak) for (let i = first; i <= last; i++) entityCovered.add(i);
    let distance = 0;
    for (let i = first; i <= last; i++) distance = Math.max(distance, spelled[i]!.correction?.distance ?? 0);
    mentions.push({
      kind: entity.kind,
      id: entity.id,
      strength: entity.strength,
      start: first,
      end: last + 1,
      typed: tokens.slice(first, last + 1).map((token) => token.original).join(' '),
      distance,
    });
  }
  const entities = entitiesOf(mentions);

  const residual: string[] = [];
  const unknownWords: string[] = [];
  const unknownNames: string[] = [];
  const roles: WordRole[] = tokens.map((token, index) => {
    if (entityCovered.has(index)) return 'name';
    if (cueCovered.has(index)) return 'cue';
    const word = matchable[index]!;
    residual.push(word);
    if (/^\d+$/.test(word)) return 'number';
    if (spelled[index]!.unknown) {
      unknownWords.push(word);
      const looksLikeName = (/^\p{Lu}/u.test(token.original) && !token.sentenceStart) || /^\p{Lu}{3,}$/u.test(token.original);
      // Places ("near Lake Atitlán", "cerca del lago") are where, not who: they are not organizations.
      const place = PLACE_WORDS.has(tokens[index - 1]?.folded ?? '') || PLACE_WORDS.has(word);
      if (looksLikeName && !place) unknownNames.push(token.original);
    }
    return indexes.functionWords.has(word) ? 'function' : 'content';
  });

  // A name written as one or two languages write it ("Pérou", "Centro Financiero para Empresas")
  // tells those languages, the more so the longer it is, and its words say no more; a name the
  // three languages write alike ("Honduras") tells none; the everyday words of other names
  // ("cadena de valor de especias") count for a little; acronyms and proper names for nothing.
  const localizedNames = new Set<number>();
  const names = new Set<number>();
  const nameEvidence: Array<{ readonly languages: ReadonlySet<Language>; readonly words: number }> = [];
  for (const mention of mentions) {
    const languages = nameLanguages.get(`${mention.start}:${mention.end - 1}`);
    for (let i = mention.start; i < mention.end; i++) (languages ? localizedNames : names).add(i);
    if (languages && languages.size < 3) nameEvidence.push({ languages, words: mention.end - mention.start });
  }
  // A cue phrase of several words ("site web", "en général") tells its language better than its words.
  const phraseLanguages: Language[] = cueMatches.filter((match) => match.end - match.start >= 2).map((match) => match.language);
  const language = indexes.detector.detect(tokens.map((token, index) => ({ ...token, folded: matchable[index]! })), text, {
    skip: localizedNames,
    names,
    nameLanguages: nameEvidence,
    phraseLanguages,
  });
  return { text, tokens, spelled, language, cues, leadingCues, cueMatches, mentions, entities, roles, residual, unknownWords, unknownNames };
}

/** The message as the classifier reads it: each name replaced by its kind, other words as read, with their tags. */
export function classifierWords(reading: Reading, indexes: Pick<AnalysisIndexes, 'domainWords'>, from = 0, to = reading.tokens.length): ClassifierWord[] {
  const words: ClassifierWord[] = [];
  const mentionAt = new Map<number, Mention>();
  for (const mention of reading.mentions) if (mention.strength === 'strong' && !mentionAt.has(mention.start)) mentionAt.set(mention.start, mention);
  const unknownNames = new Set(reading.unknownNames);
  const cueAt = new Map<number, CueKind[]>();
  for (const match of reading.cueMatches) {
    const kinds = cueAt.get(match.start) ?? [];
    kinds.push(match.kind);
    cueAt.set(match.start, kinds);
  }
  for (let i = from; i < to; i++) {
    for (const kind of cueAt.get(i) ?? []) words.push({ tag: `cue:${kind}` });
    const mention = mentionAt.get(i);
    if (mention) {
      words.push({ name: mention.kind });
      i = mention.end - 1;
      continue;
    }
    const token = reading.tokens[i]!;
    const spelled = reading.spelled[i]!;
    if (token.quoted) {
      // A quoted phrase is talked about, not said: one mark for the whole quotation.
      if (!reading.tokens[i - 1]?.quoted) words.push({ name: 'quotation' });
      continue;
    }
    if (unknownNames.has(token.original)) {
      words.push({ name: 'place' });
      continue;
    }
    words.push(spelled.unknown ? { word: spelled.word, unknown: true } : { word: spelled.word });
    if (reading.roles[i] !== 'content') continue;
    if (indexes.domainWords.has(spelled.word)) words.push({ tag: 'guide-word' });
    else if (spelled.unknown) words.push({ tag: 'unknown-word' });
    else words.push({ tag: 'other-word' });
  }
  return words;
}

/** The sentences and clauses of a message, as token ranges (the tokenizer marks where each begins). */
function clauses(reading: Reading): Array<readonly [number, number]> {
  const starts = reading.tokens.flatMap((token, index) => (token.clauseStart ? [index] : []));
  return starts.map((start, i) => [start, starts[i + 1] ?? reading.tokens.length] as const);
}

type Classifier = AnalysisIndexes & { readonly classifier: MetaIntentClassifier };

const classifyRange = (reading: Reading, indexes: Classifier, from: number, to: number) =>
  indexes.classifier.classify(featuresOf(classifierWords(reading, indexes, from, to)));

/** The reading narrowed to some tokens: what they mention, cue and leave for retrieval. */
export function restrict(reading: Reading, keep: ReadonlySet<number>): Reading {
  const mentions = reading.mentions.filter((mention) => keep.has(mention.start));
  const cueMatches = reading.cueMatches.filter((match) => keep.has(match.start));
  const first = Math.min(...keep);
  const residual: string[] = [];
  const unknownWords: string[] = [];
  reading.tokens.forEach((_, index) => {
    const role = reading.roles[index];
    if (!keep.has(index) || role === 'name' || role === 'cue') return;
    const spelled = reading.spelled[index]!;
    residual.push(spelled.word);
    if (spelled.unknown) unknownWords.push(spelled.word);
  });
  const keptNames = new Set(reading.tokens.flatMap((token, index) => (keep.has(index) ? [token.original] : [])));
  return {
    ...reading,
    mentions,
    cueMatches,
    cues: new Set(cueMatches.map((match) => match.kind)),
    leadingCues: new Set(cueMatches.filter((match) => match.start === first).map((match) => match.kind)),
    entities: entitiesOf(mentions),
    residual,
    unknownWords,
    unknownNames: reading.unknownNames.filter((name) => keptNames.has(name)),
  };
}

/**
 * What kind of message this is, and which of its sentences is the question. People open with a
 * greeting or say who they are before they ask ("Hi! I work at a credit union in Lévis. What does
 * DID do in Haiti?"): the sentences or clauses that read as questions for the guide are the
 * question, the others its context (a place in a self-introduction is not what is asked about);
 * the message is a question for the guide as surely as its clearest such sentence.
 */
function classify(reading: Reading, indexes: Classifier): Analysis {
  const whole = classifyRange(reading, indexes, 0, reading.tokens.length);
  const parts = clauses(reading);
  if (parts.length < 2) return { ...reading, meta: whole };
  const scored = parts.map(([from, to]) => ({ from, to, meta: classifyRange(reading, indexes, from, to) }));
  const domain = Math.max(whole.domain, ...scored.map((part) => part.meta.domain));
  let meta = whole;
  if (domain > whole.domain) {
    const rest = 1 - whole.domain;
    const scale = rest > 0 ? (1 - domain) / rest : 0;
    meta = Object.fromEntries(META_INTENTS.map((label) => [label, label === 'domain' ? domain : whole[label] * scale])) as Record<MetaIntent, number>;
  }
  // The question: the sentences that end with a question mark and the clauses that read as
  // questions for the guide ("On veut comprendre le projet de DID au Panama. Avec qui l'a-t-il
  // mis en place ?"); a self-introduction or a greeting is context.
  const readsAsQuestion = (part: (typeof scored)[number]) => META_INTENTS.every((label) => part.meta.domain >= part.meta[label]);
  // A clause of names only after a comma ("en El Alto, Bolivia", "à Lévis, au Québec") adds to the
  // clause before it, and is what that clause is: context when it is.
  const isApposition = (part: (typeof scored)[number]) =>
    !reading.tokens[part.from]!.sentenceStart && reading.roles.slice(part.from, part.to).every((role) => role === 'name' || role === 'function');
  const isQuestion: boolean[] = [];
  scored.forEach((part, index) => {
    isQuestion.push(index > 0 && isApposition(part) ? isQuestion[index - 1]! : reading.tokens[part.from]!.inQuestion || readsAsQuestion(part));
  });
  const questions = scored.filter((_, index) => isQuestion[index]);
  if (questions.length === 0 || questions.length === scored.length) return { ...reading, meta };
  const subject = new Set<number>();
  for (const { from, to } of questions) for (let i = from; i < to; i++) subject.add(i);
  const question = restrict(reading, subject);
  // A question that names nothing of the guide, or points back ("what is the CCA doing there?",
  // "¿qué hacen en mi país?"), takes its subject from the rest of the message.
  const namesSomething = question.mentions.some((mention) => mention.strength === 'strong' && mention.kind !== 'outside-organization');
  // ("Is there a project in Peru?": that "there" points at nothing.)
  const existential = question.cueMatches.filter((match) => match.kind === 'existential');
  const pointsBack = question.cueMatches.some((match) => match.kind === 'pointer' && !existential.some((e) => e.start <= match.start && match.end <= e.end));
  if (!namesSomething || pointsBack) return { ...reading, meta };
  const others = new Set<number>();
  for (let i = 0; i < reading.tokens.length; i++) if (!subject.has(i)) others.add(i);
  return { ...question, meta, subject, context: restrict(reading, others).entities };
}

/** Reads a message and classifies it. */
export function analyze(raw: string, indexes: Classifier): Analysis {
  return classify(read(raw, indexes), indexes);
}
