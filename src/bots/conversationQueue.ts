/**
 * Runs the turns of one conversation one after the other within a process (turns of different
 * conversations still run side by side), so that a user who sends two messages quickly gets both
 * answered in order and on up-to-date state.
 */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after the turns already queued for `key`. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    try {
      await previous;
      return await task();
    } finally {
      release();
      // The last turn of a conversation removes its entry, so idle conversations cost nothing.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** How many conversations have turns running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
