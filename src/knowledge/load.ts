/**
 * Reads the knowledge base from data/: YAML files that a non-programmer can edit, each checked
 * against its schema. Any problem stops the load with the file, the item and the field named.
 *
 * Parsing and checking the YAML is most of a load's time, so the build keeps what it validated
 * (dist/precomputed/knowledge-base.bin, src/build/precompute.ts) together with a copy of the files
 * it read: a folder whose files are byte for byte those is taken from there; any other (an edited
 * data/, another folder) is read and checked as always.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as JsYaml from 'js-yaml';
import { z } from 'zod';
import { readBundle, writeBundle } from '../util/bundle';
import { keepSources, keptFingerprint, type KeptSources, type SourceFile } from '../util/keptSources';
import { PROJECT_ROOT } from '../util/projectRoot';
import { KnowledgeBase, KnowledgeBaseError, type KnowledgeBaseParts, type KnowledgeProblem } from './knowledgeBase';
import {
  countriesFileSchema,
  organizationSchema,
  overviewSchema,
  partnerSchema,
  projectSchema,
  sectorSchema,
} from './schema';

/** The folder of the knowledge base that ships with the bot. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');

/** The YAML parser, loaded the first time a file is parsed (a start from the build's snapshot never parses one), then kept. */
let yamlParser: typeof JsYaml | undefined;
const yaml = (): typeof JsYaml => (yamlParser ??= require('js-yaml') as typeof JsYaml);

function readYaml(path: string, shownAs: string): unknown {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KnowledgeBaseError([{ file: shownAs, item: '-', field: '-', message: `cannot be read (${(error as Error).message})` }]);
  }
  try {
    return yaml().load(source, { filename: shownAs });
  } catch (error) {
    throw new KnowledgeBaseError([{ file: shownAs, item: '-', field: '-', message: `is not valid YAML: ${(error as Error).message}` }]);
  }
}

/** Names the item of a list by its id when it has one, else by its position. */
function itemName(data: unknown, path: ReadonlyArray<string | number>): { item: string; rest: ReadonlyArray<string | number> } {
  if (path.length > 0 && typeof path[0] === 'number' && Array.isArray(data)) {
    const element: unknown = data[path[0]];
    const id = element && typeof element === 'object' && 'id' in element ? String((element as { id: unknown }).id) : undefined;
    return { item: id ?? `#${path[0] + 1}`, rest: path.slice(1) };
  }
  if (path.length > 1 && typeof path[0] === 'string' && typeof path[1] === 'number' && data && typeof data === 'object') {
    const inner = itemName((data as Record<string, unknown>)[path[0]], path.slice(1));
    return { item: `${path[0]}/${inner.item}`, rest: inner.rest };
  }
  const id = data && typeof data === 'object' && 'id' in data ? String((data as { id: unknown }).id) : '-';
  return { item: id, rest: path };
}

function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems: KnowledgeProblem[] = result.error.issues.map((issue) => {
    const { item, rest } = itemName(data, issue.path);
    const field = rest.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.').replace(/\.\[/g, '[');
    return { file, item, field: field || '-', message: issue.message };
  });
  throw new KnowledgeBaseError(problems);
}

/** Where the build keeps the validated knowledge base of data/. */
export const KNOWLEDGE_BASE_SNAPSHOT = join(PROJECT_ROOT, 'dist', 'precomputed', 'knowledge-base.bin');

/** Bump when the schemas or this loader change what a load returns, so that an older snapshot is not used. */
const SNAPSHOT_FORMAT = 'coop-knowledge-base/2';

/** The snapshot's header; its sections are the validated parts (JSON) and the files they were read from. */
interface SnapshotHeader {
  readonly format: string;
  readonly sources: KeptSources;
}

const FIXED_FILES = ['organizations.yaml', 'partners.yaml', 'sectors.yaml', 'countries.yaml', 'overview.yaml'] as const;
const isProjectFile = (name: string) => /\.ya?ml$/.test(name);

/** The names of a folder's knowledge-base files in load order (relative, with "/"), or undefined when the folder cannot be listed. */
function sourceNames(dataDir: string): string[] | undefined {
  try {
    const projects = readdirSync(join(dataDir, 'projects')).filter(isProjectFile).sort();
    return [...FIXED_FILES, ...projects.map((name) => `projects/${name}`)];
  } catch {
    return undefined;
  }
}

/** A folder's knowledge-base files in load order, or undefined when one cannot be read. */
function readSources(dataDir: string): SourceFile[] | undefined {
  try {
    return sourceNames(dataDir)?.map((name) => ({ name, bytes: readFileSync(join(dataDir, name)) }));
  } catch {
    return undefined;
  }
}

/**
 * The build's snapshot when it was made from this folder's very files: its parts, and the
 * fingerprint of the files. Any problem (a file that cannot be read, another file) leaves it to the
 * full load, which reports problems as it always has.
 */
function snapshotFor(dataDir: string, snapshotFile: string): { parts: KnowledgeBaseParts; fingerprint: string } | undefined {
  try {
    const names = sourceNames(dataDir);
    if (!names) return undefined;
    const bundle = readBundle<SnapshotHeader>(readFileSync(snapshotFile));
    if (bundle.header.format !== SNAPSHOT_FORMAT) return undefined;
    const fingerprint = keptFingerprint(bundle, bundle.header.sources, names, (name) => readFileSync(join(dataDir, name)));
    return fingerprint === undefined ? undefined : { parts: JSON.parse(bundle.section('parts').toString('utf8')) as KnowledgeBaseParts, fingerprint };
  } catch {
    return undefined;
  }
}

/** The fingerprint of the files each knowledge base loaded from the build's snapshot came from: what the build's indexes of it are keyed by. */
const loadedFrom = new WeakMap<KnowledgeBase, string>();

/** The fingerprint of the files a knowledge base was loaded from, when it came from the build's snapshot; undefined otherwise. */
export function knowledgeBaseFingerprint(kb: KnowledgeBase): string | undefined {
  return loadedFrom.get(kb);
}

/** Loads and checks every file of a knowledge-base folder (from the build's snapshot when the files are unchanged). */
export function loadKnowledgeBase(dataDir: string = DEFAULT_DATA_DIR, snapshotFile: string = KNOWLEDGE_BASE_SNAPSHOT): KnowledgeBase {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const file = (name: string) => join(dataDir, name);
  const files = {
    organizations: shown(file('organizations.yaml')),
    partners: shown(file('partners.yaml')),
    sectors: shown(file('sectors.yaml')),
    countries: shown(file('countries.yaml')),
    regions: shown(file('countries.yaml')),
    projects: shown(file('projects')),
  };
  const snapshot = snapshotFor(dataDir, snapshotFile);
  const kb = new KnowledgeBase(snapshot?.parts ?? readKnowledgeBaseParts(dataDir), files);
  if (snapshot) loadedFrom.set(kb, snapshot.fingerprint);
  return kb;
}

/** The snapshot the build saves of a folder: its validated contents and the files they were read from. */
export function snapshotKnowledgeBase(dataDir: string = DEFAULT_DATA_DIR): Buffer {
  const before = readSources(dataDir);
  const parts = readKnowledgeBaseParts(dataDir);
  const after = readSources(dataDir);
  const unchanged = before && after && before.length === after.length && before.every((file, i) => file.name === after[i]!.name && Buffer.from(file.bytes).equals(after[i]!.bytes));
  if (!unchanged) throw new Error(`the knowledge base in ${dataDir} changed while it was read`);
  const { kept, sections } = keepSources(before);
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, sources: kept };
  return writeBundle(header, { parts: Buffer.from(JSON.stringify(parts), 'utf8'), ...sections });
}

/** Reads and checks every file of a knowledge-base folder, without the build's snapshot. */
export function readKnowledgeBaseParts(dataDir: string = DEFAULT_DATA_DIR): KnowledgeBaseParts {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const file = (name: string) => join(dataDir, name);
  const load = <T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T => validate(schema, readYaml(file(name), shown(file(name))), shown(file(name)));

  const organizations = load('organizations.yaml', z.array(organizationSchema).min(1));
  const partners = load('partners.yaml', z.array(partnerSchema));
  const sectors = load('sectors.yaml', z.array(sectorSchema).min(1));
  const { regions, countries } = load('countries.yaml', countriesFileSchema);
  const overview = load('overview.yaml', overviewSchema);

  const projectDir = file('projects');
  let projectFiles: string[];
  try {
    projectFiles = readdirSync(projectDir).filter(isProjectFile).sort();
  } catch (error) {
    throw new KnowledgeBaseError([{ file: shown(projectDir), item: '-', field: '-', message: `cannot be read (${(error as Error).message})` }]);
  }
  const projects = projectFiles.map((name) => {
    const path = join(projectDir, name);
    const project = validate(projectSchema, readYaml(path, shown(path)), shown(path));
    const expected = name.replace(/\.ya?ml$/, '');
    if (project.id !== expected) {
      throw new KnowledgeBaseError([{ file: shown(path), item: project.id, field: 'id', message: `must match the file name "${expected}"` }]);
    }
    return project;
  });

  return { organizations, projects, partners, countries, regions, sectors, overview };
}
