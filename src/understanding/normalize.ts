/**
 * Text normalization shared by every part of the understanding: it turns a raw chat message into
 * tokens that keep what language detection needs (case and accents) next to the folded form that
 * matching uses (lower case, no accents, straight apostrophes, no elisions).
 */

/** One word of a message. */
export interface Token {
  /** As the user typed it (case and accents kept), without surrounding punctuation. */
  readonly original: string;
  /** Lower case with accents kept: what language detection looks at. */
  readonly lower: string;
  /** Lower case, accents folded: what matching looks at. */
  readonly folded: string;
  /** True when the token starts a sentence (so a capital letter says nothing about a name). */
  readonly sentenceStart: boolean;
  /** True when the token starts a sentence or a clause after a comma ("Pour le Pérou, qu'avez-vous..."). */
  readonly clauseStart: boolean;
  /** True when a French elision (l', d', qu'...) stood in front of the word. */
  readonly elided: boolean;
  /** True inside quotation marks: a phrase the message talks about ("translate 'buenos días'"), not one it says. */
  readonly quoted: boolean;
  /** True when the token's sentence ends with a question mark. */
  readonly inQuestion: boolean;
  /** True when an English possessive followed the word ("DID's"): the word is a name. */
  readonly possessive: boolean;
}

export interface NormalizedText {
  /** The message with mentions and markup removed, whitespace collapsed. */
  readonly text: string;
  readonly tokens: readonly Token[];
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u00B4`]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const TEAMS_MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/gi;
const MARKUP_TAG = /<\/?[a-z][^>]*>/gi;
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g;
/** French elided articles and pronouns: l'école, d'Haïti, qu'avez-vous, j'aimerais, n'a, s'il, c'est. */
const ELISION = /^(l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
const WORD = /[\p{L}\p{N}]+(?:['][\p{L}\p{N}]+)*/gu;

/** Folds case and accents: "Haïtí" -> "haiti". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().normalize('NFC');
}

/**
 * Removes what a channel adds around the user's words: Teams `<at>` mentions, HTML tags,
 * control and zero-width characters; unifies apostrophes and dashes.
 */
export function cleanMessage(raw: string): string {
  return raw
    .replace(TEAMS_MENTION, ' ')
    .replace(MARKUP_TAG, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(CONTROL_CHARS, ' ')
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Double quotation marks of the three languages, opening or closing. */
const QUOTE_MARKS = /["«»“”„]/g;

/** Splits a cleaned message into tokens; "co-op" becomes one token, other hyphens split words. */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  // "co-op", "co-operative" (and "co-opeative", typed in a hurry) are one word.
  const joined = cleaned.replace(/\b(co)-(op\p{L}*)/giu, '$1$2');
  // Words between quotation marks are marked: "la frase «buenos días»" talks about a greeting.
  const marks = [...joined.matchAll(QUOTE_MARKS)].map((match) => match.index);
  const quotedSpans: Array<readonly [number, number]> = [];
  for (let i = 0; i + 1 < marks.length; i += 2) quotedSpans.push([marks[i]!, marks[i + 1]!]);
  const isQuoted = (offset: number) => quotedSpans.some(([from, to]) => offset > from && offset < to);
  const sentences = joined.split(/(?<=[.!?¿¡:;])\s*|\s+[-–—]\s+/);
  let searchFrom = 0;
  for (const sentence of sentences) {
    const sentenceOffset = joined.indexOf(sentence, searchFrom);
    searchFrom = sentenceOffset + sentence.length;
    const inQuestion = /\?[\s"'»”)]*$/.test(sentence);
    let first = true;
    for (const match of sentence.replace(/-/g, ' ').matchAll(WORD)) {
      // A comma between this word and the previous one starts a clause.
      const afterComma = !first && /,[^\p{L}\p{N}]*$/u.test(sentence.slice(0, match.index));
      let word = match[0];
      let elided = false;
      const elision = ELISION.exec(word.toLowerCase());
      if (elision) {
        word = word.slice(elision[0].length);
        elided = true;
      }
      // English possessive: "DID's" -> "DID"; other inner apostrophes are dropped.
      const possessive = /'s$/i.test(word);
      word = word.replace(/'s$/i, '').replace(/'/g, '');
      if (!word) continue;
      const lower = word.toLowerCase();
      const quoted = isQuoted(sentenceOffset + match.index);
      tokens.push({ original: word, lower, folded: fold(word), sentenceStart: first, clauseStart: first || afterComma, elided, quoted, inQuestion, possessive });
      first = false;
    }
  }
  return tokens;
}

/** Cleans and tokenizes a raw message. */
export function normalize(raw: string): NormalizedText {
  const text = cleanMessage(raw);
  return { text, tokens: tokenize(text) };
}

/**
 * The key under which words are matched against names: folded, with a final plural "s" or "x"
 * dropped so that "coopératives"/"cooperativas"/"cooperatives" and "pymes"/"pyme" meet.
 */
export function matchKey(folded: string): string {
  if (folded.length > 4 && /[sx]$/.test(folded) && !/(ss|us|is)$/.test(folded)) return folded.slice(0, -1);
  return folded;
}
