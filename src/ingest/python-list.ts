/**
 * Parser for the Python-repr lists of the Twitter Information Operations archive (`hashtags`,
 * `urls`, `user_mentions`: `['a', 'b']`, `[]`, `["it's"]`, `[123, 456]`). They are Python `repr`
 * output, not JSON, so JSON.parse fails on them; this small scanner reads exactly the string and
 * number literals `repr` writes (Python language reference, "String and Bytes literals"), never eval.
 */

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

function skipSpaces(s: string, from: number, end: number): number {
  let i = from;
  while (i < end && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

/**
 * The items of a Python-repr list, or null when the text is not one. Empty text, `absent` and
 * `None` give `[]` (the archive's ways of saying "no items"). Bare items (numbers) are kept as text.
 */
export function parsePythonList(text: string): string[] | null {
  const s = text.trim();
  if (s === '' || s === 'absent' || s === 'None' || s === '[]') return [];
  if (s[0] !== '[' || s[s.length - 1] !== ']') return null;
  const items: string[] = [];
  let i = 1;
  const end = s.length - 1;
  i = skipSpaces(s, i, end);
  if (i === end) return items;
  for (;;) {
    i = skipSpaces(s, i, end);
    const q = s[i];
    if (q === "'" || q === '"') {
      i++;
      let out = '';
      let closed = false;
      while (i < end) {
        const c = s[i]!;
        if (c === q) {
          closed = true;
          i++;
          break;
        }
        if (c === '\\') {
          const e = s[i + 1];
          if (e === undefined || i + 1 >= end) return null;
          if (e === 'x' || e === 'u' || e === 'U') {
            const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = s.slice(i + 2, i + 2 + len);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return null;
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff) return null;
            out += String.fromCodePoint(cp);
            i += 2 + len;
            continue;
          }
          const mapped = ESCAPES[e];
          // Python keeps unknown escapes as written (backslash included).
          out += mapped ?? `\\${e}`;
          i += 2;
          continue;
        }
        out += c;
        i++;
      }
      if (!closed) return null;
      items.push(out);
    } else {
      const start = i;
      while (i < end && s[i] !== ',') i++;
      const bare = s.slice(start, i).trim();
      if (!/^[-+]?[0-9A-Za-z_.]+$/.test(bare)) return null;
      items.push(bare);
    }
    i = skipSpaces(s, i, end);
    if (i === end) return items;
    if (s[i] !== ',') return null;
    i++;
    i = skipSpaces(s, i, end);
    // Python allows a trailing comma: `['a',]`.
    if (i === end) return items;
  }
}
