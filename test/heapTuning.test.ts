/** The service's heap setting is read from the environment, and a bad value stops the start with its name. */
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from '../src/util/heapTuning';

describe('HEAP_GROWING_PERCENT', () => {
  it('defaults when unset or empty', () => {
    expect(heapGrowingPercent({})).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: ' ' })).toBe(DEFAULT_HEAP_GROWING_PERCENT);
  });

  it('reads a whole number, 0 meaning V8 default', () => {
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: '50' })).toBe(50);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: '0' })).toBe(0);
  });

  it.each(['fast', '-5', '12.5', '5000'])('refuses %s, naming the setting', (value) => {
    expect(() => heapGrowingPercent({ HEAP_GROWING_PERCENT: value })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
