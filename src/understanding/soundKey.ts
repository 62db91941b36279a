/**
 * A rough key of how a word sounds in French or Spanish chat spelling, so that SMS and phonetic
 * spellings meet the word they stand for: "kien" and "quien", "finansia" and "financia", "biddeo"
 * and "video", "projekts" and "projects", "wat" and "what". Only words that are not words of any
 * of the three languages are ever looked up by their key (see speller.ts).
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/qu/g, 'k'],
  [/q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/ck/g, 'k'],
  [/c/g, 'k'],
  [/z/g, 's'],
  [/v/g, 'b'],
  [/w/g, 'u'],
  [/h/g, ''],
  [/y/g, 'i'],
  [/gu(?=[ei])/g, 'g'],
  [/(.)\1+/g, '$1'],
];

/** The sound key of a folded word (lower case, no accents). */
export function soundKey(folded: string): string {
  let key = folded;
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}
