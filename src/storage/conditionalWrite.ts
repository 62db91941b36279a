/**
 * Conditional writes through Bot Framework's Storage interface. An item written with the eTag it
 * was read with is written only if nobody changed it since; and, since that interface has no
 * "create only if absent" write, an item carrying CREATE_ONLY_ETAG asks for exactly that. The
 * bot's storages (sqliteStorage.ts, blobStateStorage.ts) honour it; any other storage sees an
 * eTag that matches nothing and refuses the write, which fails loudly instead of overwriting.
 */
export const CREATE_ONLY_ETAG = 'create-only';

/** The error every storage raises when a conditional write finds the item changed or present. */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/** True for the error storages raise when an item changed since it was read. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict|precondition/i.test(error.message);
}
