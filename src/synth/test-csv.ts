/** A small RFC 4180 reader for the tests: the generator's output is parsed back independently. */
import { readFileSync } from 'node:fs';

/** Parses RFC 4180 CSV text into rows of cells (quoted cells may hold commas, quotes, newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted cell: runs to the next quote not doubled.
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error(`unterminated quoted cell at ${i}`);
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      cell = out;
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) throw new Error(`quote inside an unquoted cell at ${j}`);
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    const c = text.charCodeAt(i);
    if (c === 44) i++;
    else if (c === 10 || c === 13 || i >= n) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : i < n ? 1 : 0;
      rows.push(row);
      row = [];
    } else throw new Error(`unexpected character after a quoted cell at ${i}`);
  }
  return rows;
}

/** Reads a CSV file as header plus rows of records keyed by column. */
export function readCsvRecords(path: string): {
  header: string[];
  rows: string[][];
  records: Record<string, string>[];
} {
  const all = parseCsv(readFileSync(path, 'utf8'));
  const header = all[0] ?? [];
  const rows = all.slice(1);
  const records = rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
  return { header, rows, records };
}
