/**
 * Marks what goes wrong in the storage as a storage failure, where it happens: the turn-error
 * handler then apologises for the storage, and only for it. An eTag conflict is not a failure
 * (the turn runs again on fresh state), so it passes through as it is.
 */
import type { Storage, StoreItems } from 'botbuilder';
import { ServiceFailure } from '../failures';
import { isETagConflict } from './conditionalWrite';

async function classified<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isETagConflict(error)) throw error;
    throw new ServiceFailure('storage', `the state storage failed to ${operation}`, { cause: error });
  }
}

export function classifiedStorage(storage: Storage): Storage {
  return {
    read: (keys: string[]) => classified('read', () => storage.read(keys)),
    write: (changes: StoreItems) => classified('write', () => storage.write(changes)),
    delete: (keys: string[]) => classified('delete', () => storage.delete(keys)),
  };
}
