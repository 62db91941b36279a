/**
 * The files a precomputed file was made from, kept inside it byte for byte (as sections of its
 * bundle) with their fingerprint. A start compares the files it reads with the copies, one native
 * comparison each, instead of hashing them again: in a cold process the hashing loop costs more to
 * compile than to run, and loading node:crypto more still. Any difference and the caller falls back
 * to what it does without the precomputed file.
 */
import type { Bundle } from './bundle';
import { fingerprint } from './fingerprint';

/** A file as read, under a name that does not depend on where the project sits (e.g. "projects/pasac.yaml"). */
export interface SourceFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What a bundle's header says of the files kept in it. */
export interface KeptSources {
  readonly names: readonly string[];
  readonly fingerprint: string;
}

const sectionName = (name: string) => `source:${name}`;

/** The fingerprint of files: their names and bytes, in order. */
export function sourcesFingerprint(files: readonly SourceFile[]): string {
  return fingerprint(...files.flatMap((file) => [file.name, file.bytes]));
}

/** The files as a bundle's sections, and what its header says of them. */
export function keepSources(files: readonly SourceFile[]): { readonly kept: KeptSources; readonly sections: Record<string, Uint8Array> } {
  return {
    kept: { names: files.map((file) => file.name), fingerprint: sourcesFingerprint(files) },
    sections: Object.fromEntries(files.map((file) => [sectionName(file.name), file.bytes])),
  };
}

/**
 * The kept fingerprint when the files are, name for name and byte for byte, the ones kept; else
 * undefined. Files are read (`read`) one at a time, and none once a name or a file differs: a
 * folder of 5,000 projects is not read twice to find that the build kept nine.
 */
export function keptFingerprint(bundle: Bundle<unknown>, kept: KeptSources, names: readonly string[], read: (name: string) => Uint8Array): string | undefined {
  if (kept.names.length !== names.length || kept.names.some((name, i) => name !== names[i])) return undefined;
  for (const name of names) if (!bundle.section(sectionName(name)).equals(read(name))) return undefined;
  return kept.fingerprint;
}
