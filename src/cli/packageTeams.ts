/**
 * `npm run package:teams`: builds the Teams app package (dist/appPackage.zip) from appPackage/,
 * with the bot's app id filled in from the environment or .env (MicrosoftAppId, or BOT_ID;
 * TEAMS_APP_ID defaults to the same id), after checking the manifest and its fr/es localizations
 * against the Teams schemas vendored in appPackage/schema/.
 */
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import Ajv, { type ErrorObject } from 'ajv-draft-04';
import { PROJECT_ROOT } from '../util/projectRoot';

export const APP_PACKAGE_DIR = join(PROJECT_ROOT, 'appPackage');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCALIZATION_FILES = ['fr.json', 'es.json'];

export interface PackageIds {
  readonly botId: string;
  readonly teamsAppId: string;
}

/** The manifest with its placeholders replaced. */
export function fillManifest(ids: PackageIds): Record<string, unknown> {
  const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  const filled = template.replaceAll('${{BOT_ID}}', ids.botId).replaceAll('${{TEAMS_APP_ID}}', ids.teamsAppId);
  return JSON.parse(filled) as Record<string, unknown>;
}

function validator(schemaFile: string): (data: unknown) => ErrorObject[] {
  // The Teams schemas hold patterns that are not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'schema', schemaFile), 'utf8')) as object);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

/** The schema errors of the filled manifest and of its localization files (none when valid). */
export function manifestProblems(manifest: unknown): string[] {
  const describe = (file: string) => (error: ErrorObject) => `${file}${error.instancePath || '/'} ${error.message ?? ''}`.trim();
  const localization = validator('teams-localization-v1.29.schema.json');
  return [
    ...validator('teams-manifest-v1.29.schema.json')(manifest).map(describe('manifest.json')),
    ...LOCALIZATION_FILES.flatMap((file) => localization(JSON.parse(readFileSync(join(APP_PACKAGE_DIR, file), 'utf8'))).map(describe(file))),
  ];
}

/** The ids from the environment, or the reason they cannot be used. */
export function idsFromEnvironment(env: NodeJS.ProcessEnv): PackageIds | string {
  const botId = env.BOT_ID ?? env.MicrosoftAppId;
  if (!botId) return 'set MicrosoftAppId (or BOT_ID) to the Azure Bot registration app id';
  if (!GUID.test(botId)) return `the bot id "${botId}" is not a GUID`;
  const teamsAppId = env.TEAMS_APP_ID ?? botId;
  if (!GUID.test(teamsAppId)) return `TEAMS_APP_ID "${teamsAppId}" is not a GUID`;
  return { botId, teamsAppId };
}

export function buildPackage(ids: PackageIds, output: string): void {
  const manifest = fillManifest(ids);
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`the Teams manifest is not valid:\n  ${problems.join('\n  ')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const file of ['color.png', 'outline.png', ...LOCALIZATION_FILES]) zip.addLocalFile(join(APP_PACKAGE_DIR, file));
  zip.writeZip(output);
}

if (require.main === module) {
  // The same settings as the bot: the environment, else the project's .env file.
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const ids = idsFromEnvironment(process.env);
  if (typeof ids === 'string') {
    process.stderr.write(`package:teams: ${ids}\n`);
    process.exitCode = 1;
  } else {
    const output = join(PROJECT_ROOT, 'dist', 'appPackage.zip');
    mkdirSync(join(PROJECT_ROOT, 'dist'), { recursive: true });
    try {
      buildPackage(ids, output);
      process.stdout.write(`Teams app package written to ${output}\n`);
    } catch (error) {
      process.stderr.write(`package:teams: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}
