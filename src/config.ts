/**
 * The service's settings, read from the environment once at start and checked with zod. A bad
 * value stops the start with one line per setting that names it, says what it must be and what
 * was given (secrets are never repeated back).
 */
import { isAbsolute, join } from 'node:path';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { PROJECT_ROOT } from './util/projectRoot';

/** Settings whose values are secrets: a message about them never shows the value. */
const SECRET_SETTINGS: ReadonlySet<string> = new Set(['MicrosoftAppPassword', 'DIRECT_LINE_SECRET', 'STORAGE_CONNECTION_STRING']);

export const DEFAULT_STATE_DIR = join(PROJECT_ROOT, 'state');

/** An unset or blank variable reads as absent, as a `.env` line `NAME=` means. */
const optionalText = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().optional());

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string()
      .optional()
      .transform((value) => (value === undefined ? fallback : Number(value)))
      .refine((value) => Number.isInteger(value) && value >= min && value <= max, { message: `must be a whole number from ${min} to ${max}` }),
  );

const flag = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.enum(['true', 'false'], { errorMap: () => ({ message: 'must be "true" or "false"' }) }).optional().transform((value) => value === 'true'),
);

/** A comma-separated list; blanks between commas are ignored. */
const list = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : []),
  z.array(z.string()),
);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const environmentSchema = z
  .object({
    PORT: wholeNumber(0, 65535, 3978),
    HOST: optionalText.transform((value) => value ?? '127.0.0.1'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText.pipe(z.enum(APP_TYPES, { errorMap: () => ({ message: `must be one of ${APP_TYPES.join(', ')}` }) }).optional()),
    MicrosoftAppTenantId: optionalText,
    LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(', ')}` }) }).optional()).transform((value) => value ?? 'info'),
    LOG_MESSAGE_TEXT: flag,
    STORAGE_CONNECTION_STRING: optionalText,
    STORAGE_CONTAINER: optionalText.pipe(
      z
        .string()
        .regex(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'must be a blob container name: 3 to 63 lowercase letters, digits and single hyphens')
        .optional(),
    ),
    STATE_DIR: optionalText.transform((value) => (value === undefined ? DEFAULT_STATE_DIR : isAbsolute(value) ? value : join(PROJECT_ROOT, value))),
    STATE_IDLE_DAYS: wholeNumber(1, 3650, 30),
    TRANSCRIPT_DIR: optionalText,
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: optionalText.pipe(z.string().url('must be a URL such as https://directline.botframework.com').optional()),
    HEAP_GROWING_PERCENT: wholeNumber(0, 1000, 20),
    TRUSTED_PROXIES: list.refine(
      (addresses) => {
        try {
          proxyAddr.compile(addresses);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be a comma-separated list of IP addresses or CIDR ranges (for example 10.0.0.0/8,127.0.0.1)' },
    ),
    SERVICE_URL_HOSTS: list.refine((hosts) => hosts.every((host) => /^(\*\.)?[a-z0-9.-]+$/i.test(host)), {
      message: 'must be a comma-separated list of host names, each optionally starting with "*." (for example smba.trafficmanager.net)',
    }),
    CONNECTOR_TIMEOUT_MS: wholeNumber(100, 120_000, 10_000),
    SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 300_000, 10_000),
  })
  .superRefine((env, context) => {
    const type = env.MicrosoftAppType ?? (env.MicrosoftAppId ? 'MultiTenant' : undefined);
    if (env.MicrosoftAppId && type !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppPassword'], message: `is required with MicrosoftAppId for a ${type} bot` });
    }
    if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !env.MicrosoftAppTenantId) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppTenantId'], message: `is required for a ${type} bot` });
    }
    if (env.MicrosoftAppType && !env.MicrosoftAppId) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppId'], message: `is required when MicrosoftAppType is set` });
    }
  });

type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly credentials: {
    readonly MicrosoftAppId?: string;
    readonly MicrosoftAppPassword?: string;
    readonly MicrosoftAppType?: string;
    readonly MicrosoftAppTenantId?: string;
  };
  readonly logLevel: string;
  readonly logMessageText: boolean;
  readonly storage: {
    readonly connectionString?: string;
    readonly container?: string;
    /** The embedded store's folder (when no connection string is set). */
    readonly stateDir: string;
    /** Conversation and user state not written for this many days is deleted. */
    readonly idleDays: number;
  };
  readonly transcriptDir?: string;
  readonly directLine: { readonly secret?: string; readonly endpoint?: string };
  readonly heapGrowingPercent: number;
  /** Proxies whose X-Forwarded-For header is believed (addresses or CIDR ranges). */
  readonly trustedProxies: readonly string[];
  /** Hosts a serviceUrl may name when the bot has no app id (loopback is always allowed). */
  readonly serviceUrlHosts: readonly string[];
  readonly connectorTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
}

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: readonly string[] };

function toConfig(env: Environment): Config {
  return {
    port: env.PORT,
    host: env.HOST,
    credentials: {
      MicrosoftAppId: env.MicrosoftAppId,
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    logLevel: env.LOG_LEVEL,
    logMessageText: env.LOG_MESSAGE_TEXT,
    storage: { connectionString: env.STORAGE_CONNECTION_STRING, container: env.STORAGE_CONTAINER, stateDir: env.STATE_DIR, idleDays: env.STATE_IDLE_DAYS },
    transcriptDir: env.TRANSCRIPT_DIR,
    directLine: { secret: env.DIRECT_LINE_SECRET, endpoint: env.DIRECT_LINE_ENDPOINT },
    heapGrowingPercent: env.HEAP_GROWING_PERCENT,
    trustedProxies: env.TRUSTED_PROXIES,
    serviceUrlHosts: env.SERVICE_URL_HOSTS.map((host) => host.toLowerCase()),
    connectorTimeoutMs: env.CONNECTOR_TIMEOUT_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Reads and checks the settings; every bad value is reported, not just the first. */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = environmentSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: toConfig(parsed.data) };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const given = env[name];
    const shown = given === undefined || SECRET_SETTINGS.has(name) ? '' : ` (got ${JSON.stringify(given)})`;
    return `${name} ${issue.message}${shown}`;
  });
  return { ok: false, problems };
}

/** The settings, or undefined after writing one line per problem to standard error (and exit code 1). */
export function readConfigOrReport(env: NodeJS.ProcessEnv): Config | undefined {
  const settings = readConfig(env);
  if (settings.ok) return settings.config;
  for (const problem of settings.problems) process.stderr.write(`configuration: ${problem}\n`);
  process.exitCode = 1;
  return undefined;
}
