/**
 * The knowledge base in use, and what is built from it, replaced as a whole when data/ changes
 * (on a file change, or on demand such as SIGHUP). A broken edit keeps the last good knowledge
 * base in use and is reported with the file, the item and the field named.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { KnowledgeBase } from './knowledgeBase';
import { loadKnowledgeBase } from './load';

/** Everything derived from one knowledge base (the understanding, the answers...). */
export interface Built<T> {
  readonly kb: KnowledgeBase;
  readonly derived: T;
}

export interface ReloadReport {
  readonly ok: boolean;
  readonly projects?: number;
  readonly error?: string;
}

export class LiveKnowledge<T> {
  private current: Built<T>;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Loads the knowledge base now (a broken one stops the start) and builds from it. */
  constructor(
    private readonly dataDir: string | undefined,
    private readonly build: (kb: KnowledgeBase) => T,
    private readonly onReload: (report: ReloadReport) => void = () => undefined,
  ) {
    const kb = loadKnowledgeBase(dataDir);
    this.current = { kb, derived: build(kb) };
  }

  get kb(): KnowledgeBase {
    return this.current.kb;
  }

  get derived(): T {
    return this.current.derived;
  }

  /** Loads data/ again; on success the new knowledge base replaces the old one for the next turns. */
  reload(): ReloadReport {
    let report: ReloadReport;
    try {
      const kb = loadKnowledgeBase(this.dataDir);
      this.current = { kb, derived: this.build(kb) };
      report = { ok: true, projects: kb.projects.length };
    } catch (error) {
      report = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    this.onReload(report);
    return report;
  }

  /** Reloads shortly after files change in the folder (editors write in several steps). */
  watch(folder: string, debounceMs = 300): void {
    if (this.watcher) return;
    this.watcher = watch(folder, { recursive: true }, () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), debounceMs);
      this.timer.unref();
    });
    this.watcher.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
