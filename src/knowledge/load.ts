/**
 * Reads the knowledge base from data/: YAML files that a non-programmer can edit, each checked
 * against its schema. Any problem stops the load with the file, the item and the field named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../util/projectRoot';
import { KnowledgeBase, KnowledgeBaseError, type KnowledgeProblem } from './knowledgeBase';
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

function readYaml(path: string, shownAs: string): unknown {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KnowledgeBaseError([{ file: shownAs, item: '-', field: '-', message: `cannot be read (${(error as Error).message})` }]);
  }
  try {
    return parseYaml(source, { filename: shownAs });
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

/** Loads and checks every file of a knowledge-base folder. */
export function loadKnowledgeBase(dataDir: string = DEFAULT_DATA_DIR): KnowledgeBase {
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
    projectFiles = readdirSync(projectDir).filter((name) => /\.ya?ml$/.test(name)).sort();
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

  return new KnowledgeBase(
    { organizations, projects, partners, countries, regions, sectors, overview },
    {
      organizations: shown(file('organizations.yaml')),
      partners: shown(file('partners.yaml')),
      sectors: shown(file('sectors.yaml')),
      countries: shown(file('countries.yaml')),
      regions: shown(file('countries.yaml')),
      projects: shown(projectDir),
    },
  );
}
