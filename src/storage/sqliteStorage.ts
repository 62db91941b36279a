/**
 * The embedded default store: Bot Framework state in one SQLite file (better-sqlite3), so that
 * conversations outlive a restart or a kill -9 (the write-ahead log holds every committed write),
 * while the process keeps only SQLite's small page cache in memory however many conversations
 * there are. Conditional writes are single statements: an eTag must match to update, and a
 * create-only write (CREATE_ONLY_ETAG) inserts only where no live item is. Items whose key
 * `expires` (conversation and user state) are deleted once idle for `idleMs`; the rest (votes,
 * counts) stay. One process owns the file (exclusive locking): a second service on the same
 * STATE_DIR fails at its first write instead of sharing it unsafely.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { CREATE_ONLY_ETAG, eTagConflict } from './conditionalWrite';

export interface SqliteStorageOptions {
  /** The database file, or ':memory:' for a store that lives as long as the process. */
  readonly file: string;
  /** How long an expiring item lives after its last write. */
  readonly idleMs: number;
  /** Whether an item expires when idle (conversation and user state do; votes do not). */
  readonly expires: (key: string) => boolean;
  /** How often expired items are deleted; 0 leaves it to the caller (sweep()). */
  readonly sweepEveryMs?: number;
  readonly now?: () => number;
}

/** Rows looked at per step of a sweep, so that a large sweep never holds the event loop for long. */
const SWEEP_BATCH = 500;

interface Row {
  readonly key: string;
  readonly value: string;
  readonly etag: string;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly statements: {
    readonly readOne: Database.Statement<[string, number], Row>;
    readonly upsert: Database.Statement<[string, string, string, number | null]>;
    readonly update: Database.Statement<[string, string, number | null, string, string, number]>;
    readonly create: Database.Statement<[string, string, string, number | null, number]>;
    readonly remove: Database.Statement<[string]>;
    readonly scan: Database.Statement<[string, number], { key: string; expires_at: number | null }>;
  };

  constructor(private readonly options: SqliteStorageOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    // WAL: a committed write survives the process being killed; NORMAL syncs at checkpoints only,
    // which keeps writes cheap and the file consistent.
    // Exclusive locking spares the shared-memory locks of every transaction (a third of a write's cost).
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // No index on expires_at: it would double the pages each write dirties, for a sweep once an hour.
    this.db.exec('CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, expires_at INTEGER) WITHOUT ROWID');
    const live = '(expires_at IS NULL OR expires_at > ?)';
    this.statements = {
      readOne: this.db.prepare(`SELECT key, value, etag FROM items WHERE key = ? AND ${live}`),
      upsert: this.db.prepare(
        'INSERT INTO items (key, value, etag, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at',
      ),
      update: this.db.prepare(`UPDATE items SET value = ?, etag = ?, expires_at = ? WHERE key = ? AND etag = ? AND ${live}`),
      // Create-only: insert, or take the place of an item that has expired but is not swept yet.
      create: this.db.prepare(
        'INSERT INTO items (key, value, etag, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at WHERE items.expires_at IS NOT NULL AND items.expires_at <= ?',
      ),
      remove: this.db.prepare('DELETE FROM items WHERE key = ?'),
      scan: this.db.prepare('SELECT key, expires_at FROM items WHERE key > ? ORDER BY key LIMIT ?'),
    };
    this.now = options.now ?? Date.now;
    const every = options.sweepEveryMs ?? 60 * 60 * 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.sweep(), every);
      this.timer.unref();
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    const now = this.now();
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.statements.readOne.get(key, now);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    // One item is one statement (SQLite commits it alone); several are all or nothing: a conflict
    // on one leaves the others unwritten too.
    if (entries.length === 1) this.writeOne(entries[0]![0], entries[0]![1], this.now());
    else this.writeAll(entries, this.now());
  }

  private readonly writeAll = (entries: Array<[string, unknown]>, now: number) =>
    this.db.transaction(() => entries.forEach(([key, item]) => this.writeOne(key, item, now)))();

  private writeOne(key: string, item: unknown, now: number): void {
    const { eTag, ...content } = item as { eTag?: unknown };
    const value = JSON.stringify(content);
    const expiresAt = this.options.expires(key) ? now + this.options.idleMs : null;
    const next = randomUUID();
    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      this.statements.upsert.run(key, value, next, expiresAt);
    } else if (eTag === CREATE_ONLY_ETAG) {
      if (this.statements.create.run(key, value, next, expiresAt, now).changes === 0) throw eTagConflict(key);
    } else if (this.statements.update.run(value, next, expiresAt, key, eTag, now).changes === 0) {
      throw eTagConflict(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    this.db.transaction(() => keys.forEach((key) => this.statements.remove.run(key)))();
  }

  /** Deletes the items idle past their time, going through the keys a batch at a time between other work; returns how many. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (let after = ''; ; ) {
      if (!this.db.open) return deleted;
      const now = this.now();
      const rows = this.statements.scan.all(after, SWEEP_BATCH);
      const expired = rows.filter((row) => row.expires_at !== null && row.expires_at <= now);
      this.db.transaction(() => expired.forEach((row) => this.statements.remove.run(row.key)))();
      deleted += expired.length;
      if (rows.length < SWEEP_BATCH) return deleted;
      after = rows.at(-1)!.key;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** How many items are stored, expired ones not swept yet included. */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  }

  /** Writes the log back into the file and closes it; the store cannot be used after. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.db.open) this.db.close();
  }
}
