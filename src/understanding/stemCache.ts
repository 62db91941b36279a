/**
 * The stems of the bot's own words (the knowledge base's, the lexicons', the intent examples'),
 * computed at build time (src/build/precompute.ts) and read at start, so that reading a question
 * made of such words needs no stemmer at all. Only the bot's own words are written: nothing a user
 * typed ever reaches the disk. A missing, stale or unreadable file only costs the time to stem again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../util/projectRoot';
import { stemMemoEntries, usePrebuiltStems, type StemTable } from './stem';

/** Bump when the stemming changes (another stemmer, another folding), so that old files are ignored. */
const FORMAT = 'natural-porter-en-fr-es/folded/2';

export const DEFAULT_STEM_CACHE = join(PROJECT_ROOT, 'dist', 'precomputed', 'stems.json');

interface StemCacheFile {
  readonly format: string;
  /** Per language, folded word -> stem. */
  readonly stems: StemTable;
}

/** Uses the build's stems; returns how many there were (0 when there is no usable file). */
export function loadStemCache(file: string = DEFAULT_STEM_CACHE): number {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as StemCacheFile;
    if (data.format !== FORMAT || !data.stems?.en || !data.stems.fr || !data.stems.es) return 0;
    usePrebuiltStems(data.stems);
    return Object.keys(data.stems.en).length + Object.keys(data.stems.fr).length + Object.keys(data.stems.es).length;
  } catch {
    return 0;
  }
}

/** Writes the stems known now: the build calls it after stemming the bot's own words, before any message. */
export function saveStemCache(file: string = DEFAULT_STEM_CACHE): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const entries = stemMemoEntries();
    const table = (language: keyof StemTable) => Object.fromEntries(entries[language]);
    const data: StemCacheFile = { format: FORMAT, stems: { en: table('en'), fr: table('fr'), es: table('es') } };
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
