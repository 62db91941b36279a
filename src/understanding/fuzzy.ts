/**
 * Spelling tolerance for the words the bot must recognise (names of organizations, countries,
 * partners, sectors, greetings): "honduas" -> "honduras", "forrestry" -> "forestry",
 * "barbad" -> "barbados". Fuse.js finds the candidates; an edit-distance check with limits that
 * grow with the word's length then accepts or rejects them, so that short everyday words are not
 * "corrected" into names.
 */
import Fuse from 'fuse.js';

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
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

export interface Correction {
  readonly word: string;
  readonly distance: number;
}

/** Corrections remembered: people repeat their words, and a Fuse search costs far more than a look-up. */
const MEMO_LIMIT = 20_000;

export class FuzzyVocabulary {
  /** One small Fuse index per first letter: a query only searches the words it can plausibly be. */
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly memo = new Map<string, Correction | null>();

  constructor(words: Iterable<string>) {
    const byLetter = new Map<string, Set<string>>();
    for (const word of words) {
      if (word.length < 4) continue;
      // A word is filed under its first two letters, so that a dropped or swapped first letter
      // ("ocodevi", "oscodevi") still finds it.
      for (const letter of new Set([word[0]!, word[1]!])) {
        let bucket = byLetter.get(letter);
        if (!bucket) byLetter.set(letter, (bucket = new Set()));
        bucket.add(word);
      }
    }
    for (const [letter, bucket] of byLetter) {
      this.buckets.set(
        letter,
        new Fuse([...bucket], { includeScore: true, threshold: 0.4, ignoreLocation: true, ignoreFieldNorm: true, shouldSort: true }),
      );
    }
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

  private search(word: string): Correction | undefined {
    const limit = allowedEdits(word.length);
    if (limit === 0) return undefined;
    const bucket = this.buckets.get(word[0]!);
    if (!bucket) return undefined;
    let best: Correction | undefined;
    for (const { item } of bucket.search(word, { limit: 8 })) {
      let distance = editDistance(word, item, limit);
      // A word cut short ("barbad", "guatem") counts as one edit when most of the name is there.
      if (distance > limit && item.startsWith(word) && word.length >= 5 && word.length >= 0.7 * item.length) distance = 1;
      if (distance <= limit && (!best || distance < best.distance)) best = { word: item, distance };
    }
    return best;
  }
}
