/** DuckDB JSON columns arrive as text: parse them, tolerating NULL and bad JSON. */
export function parseJsonColumn<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/** Names from a detect JSON list of `{signal}` / `{indicator}` objects or plain strings. */
export function namesOf(list: unknown, key: string): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((x) =>
      typeof x === 'string'
        ? x
        : x && typeof x === 'object'
          ? (x as Record<string, unknown>)[key]
          : undefined,
    )
    .filter((x): x is string => typeof x === 'string');
}

/** Bounds a string for display. */
export function clipText(s: unknown, max = 5_000): string | null {
  if (s === null || s === undefined) return null;
  const t = String(s);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
