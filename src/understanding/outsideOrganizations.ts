/**
 * Well-known organizations that the guide does not cover (data/outside-organizations.yaml), so that
 * a question about one is answered honestly rather than with a project of the guide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../util/projectRoot';

const outsideOrganization = z.strictObject({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
});
export const outsideOrganizationsFileSchema = z.array(outsideOrganization).min(1);
export type OutsideOrganization = z.infer<typeof outsideOrganization>;

export const DEFAULT_OUTSIDE_ORGANIZATIONS_FILE = join(PROJECT_ROOT, 'data', 'outside-organizations.yaml');

export function readOutsideOrganizations(file: string = DEFAULT_OUTSIDE_ORGANIZATIONS_FILE): OutsideOrganization[] {
  const result = outsideOrganizationsFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `item ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`data/outside-organizations.yaml: ${problems.join('; ')}`);
  }
  return result.data;
}
