/**
 * The work in flight (HTTP requests being answered, turns of the local Direct Line), so that a
 * shutdown can wait for it to end: `idle()` resolves when nothing is left, as soon as that happens.
 * `closing` tells the server that the service is shutting down (answers then close their connection).
 */
export class InFlight {
  private count = 0;
  closing = false;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  /** Counts `work` until it settles, and returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.count += 1;
    const done = () => {
      this.count -= 1;
      if (this.count === 0) this.wake();
    };
    work.then(done, done);
    return work;
  }

  /** Counts from now until `end` is called (for work that ends on an event, like a response). */
  begin(): () => void {
    let ended = false;
    this.count += 1;
    return () => {
      if (ended) return;
      ended = true;
      this.count -= 1;
      if (this.count === 0) this.wake();
    };
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
