/**
 * The kinds of failure a turn can meet, named where they happen (the storage, the connector that
 * carries replies to the channel, the understanding), so that the turn-error handler logs and
 * answers each for what it is instead of guessing from an error's text.
 */

export type FailureKind = 'storage' | 'connector' | 'understanding';

export class ServiceFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServiceFailure';
  }
}

/** A serviceUrl the bot will not send to (not loopback nor a configured host, without an app id). */
export class ServiceUrlRefused extends ServiceFailure {
  constructor(readonly serviceUrl: string) {
    super('connector', 'the serviceUrl is not an allowed host');
    this.name = 'ServiceUrlRefused';
  }
}

/** The kind of a failure, wherever it is in the chain of causes; `unexpected` for anything else. */
export function failureKindOf(error: unknown): FailureKind | 'unexpected' {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof ServiceFailure) return current.kind;
  }
  return 'unexpected';
}
