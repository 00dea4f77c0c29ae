/**
 * A bounded memo for pure string functions on hot paths (hashtag and URL normalisation): real
 * data repeats the same tags and links millions of times. Cleared when full, so memory stays
 * bounded whatever the input.
 */
export function memoise<T>(fn: (s: string) => T, maxEntries = 200_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= maxEntries) cache = new Map();
    cache.set(s, v);
    return v;
  };
}
