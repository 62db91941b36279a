/**
 * The examples the meta-intent classifier learns from: data/intents/<language>.yaml, one list of
 * messages per class, with names written as placeholders ({country}, {organization}...). They are
 * checked when read, so that a misspelt class or placeholder stops the build with the file named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../knowledge/schema';
import { PROJECT_ROOT } from '../util/projectRoot';
import { META_INTENTS, type MetaIntent } from './metaIntents';

export const PLACEHOLDERS = ['organization', 'outside-organization', 'project', 'country', 'region', 'place', 'partner', 'sector'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([a-z-]+)\}/g;

const example = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => [...text.matchAll(PLACEHOLDER)].every((match) => (PLACEHOLDERS as readonly string[]).includes(match[1]!)), {
    message: `uses a placeholder other than ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  });
const metaIntent = z.enum(META_INTENTS as unknown as [MetaIntent, ...MetaIntent[]]);
export const intentFileSchema = z.record(metaIntent, z.array(example).min(1));

export interface IntentExample {
  readonly language: Language;
  readonly label: MetaIntent;
  readonly text: string;
}

export const DEFAULT_INTENTS_DIR = join(PROJECT_ROOT, 'data', 'intents');

/** Reads and checks every language's examples. */
export function readIntentExamples(dir: string = DEFAULT_INTENTS_DIR): IntentExample[] {
  return LANGUAGES.flatMap((language) => {
    const file = join(dir, `${language}.yaml`);
    const result = intentFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `field "${issue.path.join('.')}": ${issue.message}`);
      throw new Error(`data/intents/${language}.yaml: ${problems.join('; ')}`);
    }
    return Object.entries(result.data).flatMap(([label, texts]) => (texts ?? []).map((text) => ({ language, label: label as MetaIntent, text })));
  });
}

/**
 * Writes names in place of the placeholders, taking the names of each kind in turn, so that the
 * examples go through the same reading as users' messages (names found, then replaced by kinds).
 */
export function fillPlaceholders(text: string, names: Readonly<Record<Placeholder, readonly string[]>>, turn: number): string {
  let n = turn;
  return text.replace(PLACEHOLDER, (_, kind: Placeholder) => {
    const choices = names[kind];
    n += 1;
    return choices.length > 0 ? choices[n % choices.length]! : kind;
  });
}
