/**
 * Where conversation and user state live. By default in an embedded SQLite file under STATE_DIR
 * (sqliteStorage.ts): kept across restarts, memory bounded whatever the number of conversations,
 * idle conversations and users deleted after STATE_IDLE_DAYS. With STORAGE_CONNECTION_STRING, in
 * Azure Blob Storage (shared by every instance of the bot). Retries are kept short, so that a
 * turn fails fast with an apology instead of hanging while the storage is unreachable. Either way
 * errors come out marked as storage failures (classifiedStorage.ts).
 */
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import { classifiedStorage } from './classifiedStorage';
import { SqliteStorage } from './sqliteStorage';

export interface StorageSettings {
  /** An Azure Storage connection string ("UseDevelopmentStorage=true" for Azurite). */
  readonly connectionString?: string;
  /** The blob container; created on first use. */
  readonly container?: string;
  /** The embedded store's folder; ':memory:' keeps it in the process (tests, the terminal chat). */
  readonly stateDir?: string;
  /** Conversation and user state not written for this many days is deleted (embedded store). */
  readonly idleDays?: number;
}

export const DEFAULT_CONTAINER = 'coop-partners-bot-state';
export const STATE_FILE = 'state.sqlite';
export const DEFAULT_IDLE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Conversation and user state (botbuilder's ConversationState and UserState keys) expire when idle; votes do not. */
export function isIdleExpiring(key: string): boolean {
  return /^[^/]+\/(conversations|users)\//.test(key);
}

/** The store, and how to close it when the service stops (the embedded store writes its log back). */
export interface StateStore {
  readonly storage: Storage;
  close(): void;
}

export function createStateStore(settings: StorageSettings): StateStore {
  if (settings.connectionString) {
    // Loaded only when used: a bot on the embedded store has no use for the Azure Storage client's 100-odd modules.
    const { BlobStateStorage } = require('./blobStateStorage') as typeof import('./blobStateStorage');
    const blobs = new BlobStateStorage(settings.connectionString, settings.container ?? DEFAULT_CONTAINER, {
      storagePipelineOptions: {
        retryOptions: { maxTries: 2, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      },
    });
    return { storage: classifiedStorage(blobs), close: () => undefined };
  }
  const file = settings.stateDir === undefined || settings.stateDir === ':memory:' ? ':memory:' : join(settings.stateDir, STATE_FILE);
  const sqlite = new SqliteStorage({ file, idleMs: (settings.idleDays ?? DEFAULT_IDLE_DAYS) * DAY_MS, expires: isIdleExpiring });
  return { storage: classifiedStorage(sqlite), close: () => sqlite.close() };
}

/** The storage alone, for callers that never close it (the feedback command, tests). */
export function createStorage(settings: StorageSettings): Storage {
  return createStateStore(settings).storage;
}
