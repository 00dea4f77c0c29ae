import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvScanner, type CsvRecord, fieldText, Resync } from './csv-scanner.ts';

interface Seen {
  line: number;
  fields: string[];
  error: string | null;
}

function scan(chunks: Buffer[], resync = false): Seen[] {
  const out: Seen[] = [];
  const s = new CsvScanner((r: CsvRecord) => {
    out.push({
      line: r.line,
      fields: Array.from({ length: r.fieldCount }, (_, k) => fieldText(r, k)),
      error: r.error,
    });
    return resync && r.lines > 1 && r.fieldCount !== 3 ? Resync.AfterFirstLine : Resync.No;
  });
  for (const c of chunks) s.push(c);
  s.finish();
  return out;
}

describe('CsvScanner', () => {
  it('splits records and fields, unescapes quotes, and numbers physical lines', () => {
    const text = 'a,b,c\n1,"x, ""y""",z\r\n2,"multi\nline",w\n\n3,,\n';
    expect(scan([Buffer.from(text)])).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], error: null },
      { line: 2, fields: ['1', 'x, "y"', 'z'], error: null },
      { line: 3, fields: ['2', 'multi\nline', 'w'], error: null },
      { line: 6, fields: ['3', '', ''], error: null },
    ]);
  });

  it('skips a UTF-8 BOM and reads a last record without newline', () => {
    expect(scan([Buffer.from('\uFEFFa,b\n1,2')])).toEqual([
      { line: 1, fields: ['a', 'b'], error: null },
      { line: 2, fields: ['1', '2'], error: null },
    ]);
  });

  it('reports structural errors on the line where the record starts', () => {
    const seen = scan([Buffer.from('1,ab"c,d\n2,"x"y,z\n3,"never closed,q\n4,5,6\n')], true);
    expect(seen[0]).toMatchObject({ line: 1, error: 'quote inside an unquoted field' });
    expect(seen[1]).toMatchObject({ line: 2, error: 'text after a closing quote' });
    expect(seen[2]).toMatchObject({ line: 3, error: 'unterminated quote' });
    // Scanning resumed on the line after the unterminated quote.
    expect(seen[3]).toEqual({ line: 4, fields: ['4', '5', '6'], error: null });
  });

  it('gives the same records whatever the chunk boundaries (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('"', '""', '\n', '\r\n', ',', 'سلام'),
    );
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text =
          rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n';
        const bytes = Buffer.from(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(bytes.subarray(prev, p));
          prev = p;
        }
        chunks.push(bytes.subarray(prev));
        const whole = scan([bytes]);
        expect(scan(chunks)).toEqual(whole);
        expect(whole.map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
