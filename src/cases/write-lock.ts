/**
 * One store has one DuckDB connection: two transactions begun on it at once would interleave.
 * Writers of cases (and the server's sessions) therefore queue here, one at a time per store.
 */
import type { Store } from '../store/index.ts';

const tails = new WeakMap<Store, Promise<unknown>>();

/** Runs `fn` after every earlier write on `store` has finished. */
export async function serialiseWrites<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const before = tails.get(store) ?? Promise.resolve();
  const run = before.then(fn, fn);
  tails.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}
