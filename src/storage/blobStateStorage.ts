/**
 * Azure Blob Storage for state, as botbuilder's BlobsStorage keeps it (same blob names and
 * content), plus the create-only write it lacks: an item carrying CREATE_ONLY_ETAG is uploaded
 * with If-None-Match: *, so that two instances creating the same conversation cannot both win.
 */
import type { StoreItems } from 'botbuilder';
import { BlobsStorage, type BlobsStorageOptions } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import type { ContainerClient } from '@azure/storage-blob';
import { CREATE_ONLY_ETAG, eTagConflict } from './conditionalWrite';

/** BlobsStorage's own container client and first-use initialization (private in its typings). */
interface BlobsStorageInternals {
  readonly _containerClient: ContainerClient;
  _initialize(): Promise<unknown>;
}

export class BlobStateStorage extends BlobsStorage {
  constructor(connectionString: string, container: string, options?: BlobsStorageOptions) {
    super(connectionString, container, options);
  }

  override async write(changes: StoreItems): Promise<void> {
    const created = Object.entries(changes).filter(([, item]) => (item as { eTag?: unknown }).eTag === CREATE_ONLY_ETAG);
    const others = Object.fromEntries(Object.entries(changes).filter(([, item]) => (item as { eTag?: unknown }).eTag !== CREATE_ONLY_ETAG));
    await Promise.all([...created.map(([key, item]) => this.create(key, item as object)), Object.keys(others).length ? super.write(others) : undefined]);
  }

  private async create(key: string, item: object): Promise<void> {
    const internals = this as unknown as BlobsStorageInternals;
    await internals._initialize();
    const { eTag: _eTag, ...content } = item as { eTag?: unknown };
    const serialized = JSON.stringify(content);
    try {
      await internals._containerClient.getBlockBlobClient(sanitizeBlobKey(key)).upload(serialized, Buffer.byteLength(serialized), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      // 409 BlobAlreadyExists (or 412): someone created it first.
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412) throw eTagConflict(key);
      throw error;
    }
  }
}
