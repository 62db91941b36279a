/**
 * Marks a failure of the understanding as such, where it happens, so that a turn whose question
 * could not be read is logged and answered for that (and not as a storage or channel problem).
 */
import { ServiceFailure } from '../failures';
import type { Understander } from '../understanding/understander';

export function classifiedUnderstander(understander: Understander): Understander {
  // A view of the same object with one method replaced: the understander's other methods and
  // state stay shared.
  const view = Object.create(understander) as Understander;
  view.understand = (...args: Parameters<Understander['understand']>) => {
    try {
      return understander.understand(...args);
    } catch (error) {
      throw new ServiceFailure('understanding', 'the understanding failed on a message', { cause: error });
    }
  };
  return view;
}
