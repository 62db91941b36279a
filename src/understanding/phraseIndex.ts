/**
 * An index of phrases (sequences of words) for finding every known phrase inside a sequence of
 * words with a few hash look-ups per position, instead of scanning every phrase for every question.
 */
export interface PhraseMatch<T> {
  /** Index of the first word of the match. */
  readonly start: number;
  /** Index one past the last word. */
  readonly end: number;
  readonly payload: T;
}

/**
 * A phrase index as the build saves it (dist/precomputed/): the distinct payloads once, and each
 * phrase with the numbers of its payloads, in order (names repeat the same payload many times).
 */
export interface SavedPhraseIndex<T> {
  readonly payloads: readonly T[];
  readonly phrases: ReadonlyArray<readonly [string, readonly number[]]>;
  readonly longest: number;
}

export class PhraseIndex<T> {
  private readonly phrases: Map<string, T[]>;
  private longest: number;

  /** An empty index, or one the build saved (`save`). */
  constructor(saved?: SavedPhraseIndex<T>) {
    this.phrases = new Map(saved?.phrases.map(([key, numbers]) => [key, numbers.map((number) => saved.payloads[number]!)]));
    this.longest = saved?.longest ?? 0;
  }

  save(): SavedPhraseIndex<T> {
    const payloads: T[] = [];
    const numbers = new Map<string, number>();
    const numberOf = (payload: T): number => {
      const key = JSON.stringify(payload);
      let number = numbers.get(key);
      if (number === undefined) numbers.set(key, (number = payloads.push(payload) - 1));
      return number;
    };
    return { payloads, phrases: [...this.phrases].map(([key, list]) => [key, list.map(numberOf)] as const), longest: this.longest };
  }

  /** Adds a phrase given as its words (already in the form the index matches on). */
  add(words: readonly string[], payload: T): void {
    if (words.length === 0) return;
    const key = words.join(' ');
    const payloads = this.phrases.get(key);
    if (payloads) payloads.push(payload);
    else this.phrases.set(key, [payload]);
    this.longest = Math.max(this.longest, words.length);
  }

  get size(): number {
    return this.phrases.size;
  }

  /** Every occurrence of every phrase, overlapping ones included. */
  findAll(words: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let start = 0; start < words.length; start++) {
      let key = '';
      for (let end = start + 1; end <= Math.min(words.length, start + this.longest); end++) {
        key = end === start + 1 ? words[start]! : `${key} ${words[end - 1]!}`;
        const payloads = this.phrases.get(key);
        if (payloads) for (const payload of payloads) found.push({ start, end, payload });
      }
    }
    return found;
  }

  /** The longest phrases first, without overlaps (the usual reading of names in a sentence). */
  findLongest(words: readonly string[]): PhraseMatch<T>[] {
    const all = this.findAll(words).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Array<boolean>(words.length).fill(false);
    const chosen: PhraseMatch<T>[] = [];
    for (const match of all) {
      let free = true;
      for (let i = match.start; i < match.end; i++) if (taken[i]) free = false;
      if (!free) {
        // The same words may name several things (a country and its region); keep equal spans.
        const twin = chosen.find((c) => c.start === match.start && c.end === match.end);
        if (twin) chosen.push(match);
        continue;
      }
      for (let i = match.start; i < match.end; i++) taken[i] = true;
      chosen.push(match);
    }
    return chosen.sort((a, b) => a.start - b.start);
  }
}
