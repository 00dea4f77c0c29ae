/**
 * Python `repr()` of a list of strings, as the Twitter Information Operations archive writes its
 * `hashtags`, `urls` and `user_mentions` columns (`['a', 'b']`, `[]`), so that tools written for
 * the archive (pandas + ast.literal_eval) read our release unchanged.
 */

/** `repr(str)` for a Python 3 string: single quotes unless the text has ' and no ". */
export function toPythonStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code <= 0xa0) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** `repr(list_of_str)`: `['a', 'b']`, or `[]` when empty. */
export function toPythonListRepr(items: readonly string[]): string {
  return `[${items.map(toPythonStringRepr).join(', ')}]`;
}
