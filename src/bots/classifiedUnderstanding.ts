/**
 * Marks a failure of the understanding as such, where it happens, so that a turn whose message
 * could not be read is logged and answered for that (and not as a storage or channel problem).
 */
import { ServiceFailure } from '../failures';
import type { Understander } from '../understanding/understander';

/** The understander's ways of reading a message (the dialog, the search and the apology use them). */
const READINGS = ['recognize', 'understand', 'readAsQuestion'] as const satisfies ReadonlyArray<keyof Understander>;

type Reading = (...args: unknown[]) => unknown;

export function classifiedUnderstander(understander: Understander): Understander {
  // A view of the same object with its readings replaced: its other methods and state stay shared.
  const view = Object.create(understander) as Understander;
  const methods = view as unknown as Record<(typeof READINGS)[number], Reading>;
  for (const name of READINGS) {
    const read = (understander as unknown as Record<(typeof READINGS)[number], Reading>)[name].bind(understander);
    methods[name] = (...args: unknown[]) => {
      try {
        return read(...args);
      } catch (error) {
        throw new ServiceFailure('understanding', `the understanding failed to read a message (${name})`, { cause: error });
      }
    };
  }
  return view;
}
