import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, escapeHtml, escapeMarkdown, escapeXml, toCsvLine, truncateText, unguardCsvCell } from './escape.ts';
import { toPythonListRepr } from './python-repr.ts';
import { parseCsv } from './test-csv.ts';

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', "'=x", "''@y", '-5', '-5.25', '"><img src=x onerror=alert(1)>', 'a,b\n"c"'),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", '\t', '\r', ' '), fc.string()).map(([a, b]) => a + b),
);

describe('escapeCsvCell', () => {
  it('never lets a cell start with = + - @ unless it is a plain number (property)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const [cell] = parseCsv(escapeCsvCell(s) + '\n')[0] ?? [''];
        if (!/^-?\d+(\.\d+)?$/.test(cell ?? '')) expect(cell ?? '').not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips through a CSV parser and the guard is reversible (property)', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (cells) => {
        const parsed = parseCsv(toCsvLine(cells) + '\n');
        expect(parsed).toHaveLength(1);
        expect((parsed[0] ?? []).map(unguardCsvCell)).toEqual(cells);
      }),
      { numRuns: 1000 },
    );
  });

  it('guards formulas and quotes separators', () => {
    expect(escapeCsvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(escapeCsvCell('@handle hi')).toBe("'@handle hi");
    expect(escapeCsvCell('-12.5')).toBe('-12.5');
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
  });
});

describe('escapeHtml', () => {
  it('leaves no markup characters (property)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"'`]/);
        expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&');
      }),
    );
  });
});

describe('escapeXml', () => {
  it('leaves no markup characters nor XML-invalid controls (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeXml(s);
        expect(out).not.toMatch(/[<>"']/);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      }),
    );
  });
});

describe('escapeMarkdown', () => {
  it('cannot open a tag, a link or a new block', () => {
    const out = escapeMarkdown('<script>alert(1)</script>\n# [x](javascript:alert(1))');
    expect(out).not.toMatch(/[<>\n]/);
    expect(out).toContain('\\[x\\](javascript:alert(1))');
  });
});

describe('truncateText', () => {
  it('bounds length in code points and marks the cut', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(Array.from(truncateText('😀'.repeat(10), 5))).toHaveLength(5);
    expect(truncateText('abc', 4)).toBe('abc');
  });
});

describe('toPythonListRepr', () => {
  it('writes lists as Python repr()', () => {
    expect(toPythonListRepr([])).toBe('[]');
    expect(toPythonListRepr(['a', 'b'])).toBe("['a', 'b']");
    expect(toPythonListRepr(["it's"])).toBe(`["it's"]`);
    expect(toPythonListRepr(['say "hi" it\'s'])).toBe(`['say "hi" it\\'s']`);
    expect(toPythonListRepr(['a\\b\nc'])).toBe("['a\\\\b\\nc']");
    expect(toPythonListRepr(['شهید'])).toBe("['شهید']");
  });
});
