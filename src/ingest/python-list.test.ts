import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePythonList } from './python-list.ts';

/** Python's repr of a list of str, written out the way CPython does it. */
function pythonRepr(items: string[]): string {
  const one = (s: string): string => {
    const q = s.includes("'") && !s.includes('"') ? '"' : "'";
    let body = '';
    for (const ch of s) {
      if (ch === '\\') body += '\\\\';
      else if (ch === q) body += `\\${q}`;
      else if (ch === '\n') body += '\\n';
      else if (ch === '\t') body += '\\t';
      else if (ch === '\r') body += '\\r';
      else if (ch.codePointAt(0)! < 0x20)
        body += `\\x${ch.codePointAt(0)!.toString(16).padStart(2, '0')}`;
      else body += ch;
    }
    return `${q}${body}${q}`;
  };
  return `[${items.map(one).join(', ')}]`;
}

describe('parsePythonList', () => {
  it('reads the shapes of the archive', () => {
    expect(parsePythonList('[]')).toEqual([]);
    expect(parsePythonList('')).toEqual([]);
    expect(parsePythonList('absent')).toEqual([]);
    expect(parsePythonList("['Iran', 'سلیمانی']")).toEqual(['Iran', 'سلیمانی']);
    expect(parsePythonList("[\"it's\", 'b']")).toEqual(["it's", 'b']);
    expect(parsePythonList("['a\\'b', 'c\\\\d']")).toEqual(["a'b", 'c\\d']);
    expect(parsePythonList("['x, y', 'z']")).toEqual(['x, y', 'z']);
    expect(parsePythonList('[123456, 789]')).toEqual(['123456', '789']);
    expect(parsePythonList("['\\u00e9\\x41']")).toEqual(['éA']);
    expect(parsePythonList("['a',]")).toEqual(['a']);
    expect(parsePythonList("[ 'a' ,  'b' ]")).toEqual(['a', 'b']);
  });

  it('refuses what is not a list', () => {
    for (const bad of ["['a'", "'a'", "['a' 'b']", "['unterminated]", '[a b]', "['\\x4']", '{1}']) {
      expect(parsePythonList(bad)).toBeNull();
    }
  });

  it('inverts Python repr (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), (items) => {
        expect(parsePythonList(pythonRepr(items))).toEqual(items);
      }),
      { numRuns: 500 },
    );
  });
});
