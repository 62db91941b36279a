/**
 * Spelling tolerance toward the words the bot knows (names of organizations, countries, partners,
 * sectors; cue and function words; the knowledge base's words): "honduas" -> "honduras",
 * "forrestry" -> "forestry", "barbad" -> "barbados", "kien" -> "quien". Fuse.js finds the
 * candidates; an edit-distance check with limits that grow with the word's length then accepts or
 * rejects them. Words spelt as they sound ("finansia", "biddeo") meet their word by sound key.
 * Which words may be corrected at all is the speller's decision (speller.ts): never a real word.
 */
import Fuse from 'fuse.js';
import { soundKey } from './soundKey';

/** Damerau-Levenshtein distance (optimal string alignment), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many edits a word of this length may carry and still be recognised. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

export interface Correction {
  readonly word: string;
  /** Edits between the typed word and the word it stands for (a word spelt as it sounds counts one). */
  readonly distance: number;
  /** How the word was found: by its letters, by its sound, or as the start of a longer name. */
  readonly how: 'edit' | 'sound' | 'prefix';
}

/** Corrections remembered: people repeat their words, and a Fuse search costs far more than a look-up. */
const MEMO_LIMIT = 20_000;

/** Among equally close candidates, the more likely word wins (its weight; 0 when unknown). */
export type WordWeight = (word: string) => number;

export class FuzzyVocabulary {
  /** The words filed by letter; each letter's Fuse index is built the first time a word needs it. */
  private readonly byLetter = new Map<string, Set<string>>();
  private readonly buckets = new Map<string, Fuse<string>>();
  private bySound: Map<string, string[]> | undefined;
  private readonly memo = new Map<string, Correction | null>();

  constructor(
    private readonly words: Iterable<string>,
    private readonly weight: WordWeight = () => 0,
  ) {
    for (const word of words) {
      if (word.length < 4) continue;
      // A word is filed under its first two letters, so that a dropped or swapped first letter
      // ("ocodevi", "oscodevi") still finds it.
      for (const letter of new Set([word[0]!, word[1]!])) {
        let bucket = this.byLetter.get(letter);
        if (!bucket) this.byLetter.set(letter, (bucket = new Set()));
        bucket.add(word);
      }
    }
  }

  /** The Fuse index of the words filed under a letter (one small index: a query searches only it). */
  private bucket(letter: string): Fuse<string> | undefined {
    const built = this.buckets.get(letter);
    if (built) return built;
    const words = this.byLetter.get(letter);
    if (!words) return undefined;
    const index = new Fuse([...words], { includeScore: true, threshold: 0.4, ignoreLocation: true, ignoreFieldNorm: true, shouldSort: true });
    this.buckets.set(letter, index);
    return index;
  }

  /** The words by sound key, built on the first word that needs them. */
  private sounds(): Map<string, string[]> {
    if (this.bySound) return this.bySound;
    const bySound = new Map<string, string[]>();
    for (const word of this.words) {
      if (word.length < 2) continue;
      const key = soundKey(word);
      const same = bySound.get(key);
      if (same) same.push(word);
      else bySound.set(key, [word]);
    }
    this.bySound = bySound;
    return bySound;
  }

  /** The known word that `word` most likely stands for, or undefined when none is close enough. */
  correct(word: string): Correction | undefined {
    const known = this.memo.get(word);
    if (known !== undefined) return known ?? undefined;
    const found = this.search(word);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, found ?? null);
    return found;
  }

  private better(a: Correction | undefined, b: Correction): Correction {
    if (!a || b.distance < a.distance) return b;
    if (b.distance === a.distance && this.weight(b.word) > this.weight(a.word)) return b;
    return a;
  }

  private search(word: string): Correction | undefined {
    let best: Correction | undefined;
    // Spelt as it sounds: "kien" for "quien", "biddeo" for "video". Two-letter words are too
    // short to tell ("ia" sounds like "ya"); short words need the sound to be all but the same
    // spelling (at most two edits), so that "kel" finds "quel" but not "cada".
    for (const candidate of word.length >= 3 ? (this.sounds().get(soundKey(word)) ?? []) : []) {
      if (candidate === word) continue;
      const distance = editDistance(word, candidate, 3);
      if (distance <= Math.max(2, allowedEdits(word.length))) best = this.better(best, { word: candidate, distance: 1, how: 'sound' });
    }
    const limit = allowedEdits(word.length);
    const bucket = limit > 0 ? this.bucket(word[0]!) : undefined;
    for (const { item } of bucket?.search(word, { limit: 8 }) ?? []) {
      let distance = editDistance(word, item, limit);
      let how: Correction['how'] = 'edit';
      // A word cut short ("barbad", "guatem") counts as one edit when most of the name is there.
      if (distance > limit && item.startsWith(word) && word.length >= 5 && word.length >= 0.7 * item.length) {
        distance = 1;
        how = 'prefix';
      }
      if (distance <= limit) best = this.better(best, { word: item, distance, how });
    }
    return best;
  }
}
