/**
 * The V8 heap setting of the bot's service process. By default V8 lets the old generation grow to
 * several times what is live before it collects it again; for a service whose live heap is about
 * 35 MB, that is mostly garbage held in memory (RSS near 200 MB after a load test, 140 MB with the
 * setting below). The price is CPU: more full collections under heavy load, so fewer requests a
 * second at saturation (`npm run bench`). HEAP_GROWING_PERCENT trades one for the other; 0 keeps
 * V8's default.
 */
import { setFlagsFromString } from 'node:v8';

/** How far (in percent) the heap may grow past its live size before the next full collection. */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/** The setting from the environment; a value that is not a whole number from 0 to 1000 stops the start. */
export function heapGrowingPercent(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HEAP_GROWING_PERCENT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const percent = Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) {
    throw new Error(`HEAP_GROWING_PERCENT must be a whole number from 0 (V8's default) to 1000, not "${raw}"`);
  }
  return percent;
}

/** Applies the setting; it takes effect from the next garbage collection, so any time will do. */
export function tuneHeapForService(percent: number = heapGrowingPercent()): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
