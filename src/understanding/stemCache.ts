/**
 * The stems of the knowledge base's words, computed at build time (src/build/precompute.ts) and
 * read at start. Stemming every word of the knowledge base is the largest part of building the
 * indexes in a cold process; the stems never change for a given stemmer. Only the knowledge base's
 * own words are written: nothing a user typed ever reaches the disk. A missing, stale or
 * unreadable file only costs the time to stem again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../util/projectRoot';
import { addStemMemoEntries, stemMemoEntries } from './stem';

/** Bump when the stemming changes (another stemmer, another folding), so that old files are ignored. */
const FORMAT = 'natural-porter-en-fr-es/folded/1';

export const DEFAULT_STEM_CACHE = join(PROJECT_ROOT, 'dist', 'precomputed', 'stems.json');

interface StemCacheFile {
  readonly format: string;
  readonly stems: Parameters<typeof addStemMemoEntries>[0];
}

/** Loads the cached stems; returns how many there were (0 when there is no usable file). */
export function loadStemCache(file: string = DEFAULT_STEM_CACHE): number {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as StemCacheFile;
    if (data.format !== FORMAT) return 0;
    addStemMemoEntries(data.stems);
    return (data.stems.en?.length ?? 0) + (data.stems.fr?.length ?? 0) + (data.stems.es?.length ?? 0);
  } catch {
    return 0;
  }
}

/** Writes the stems known now: the build calls it right after indexing the knowledge base, before any message. */
export function saveStemCache(file: string = DEFAULT_STEM_CACHE): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const data: StemCacheFile = { format: FORMAT, stems: stemMemoEntries() };
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}
