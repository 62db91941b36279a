/**
 * Where conversation and user state live: in memory by default (one process, lost on restart),
 * or in Azure Blob Storage when STORAGE_CONNECTION_STRING is set (shared by every instance of the
 * bot, kept across restarts). Retries are kept short, so that a turn fails fast with an apology
 * instead of hanging while the storage is unreachable.
 */
import { MemoryStorage, type Storage } from 'botbuilder';

export interface StorageSettings {
  /** An Azure Storage connection string ("UseDevelopmentStorage=true" for Azurite). */
  readonly connectionString?: string;
  /** The blob container; created on first use. */
  readonly container?: string;
}

export const DEFAULT_CONTAINER = 'coop-partners-bot-state';

export function createStorage(settings: StorageSettings): Storage {
  if (!settings.connectionString) return new MemoryStorage();
  // Loaded only when used: a bot on MemoryStorage has no use for the Azure Storage client's 100-odd modules.
  const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
  return new BlobsStorage(settings.connectionString, settings.container ?? DEFAULT_CONTAINER, {
    storagePipelineOptions: {
      retryOptions: { maxTries: 2, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
    },
  });
}
