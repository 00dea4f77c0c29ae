/**
 * Escaping of attacker-controlled text (post texts, names, handles, URLs come from the operations
 * we expose) for every output format we write, and bounding of its size so one huge field cannot
 * blow up a report.
 */

/** Cuts `s` to at most `max` characters (whole code points), marking the cut with '…'. */
export function truncateText(s: string, max: number): string {
  const points = Array.from(s);
  if (points.length <= max) return s;
  return points.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Escapes text for HTML and SVG element content and attribute values (quoted). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for XML (GEXF, GraphML): the five entities, and characters XML 1.0 cannot carry
 * (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF) are dropped.
 */
export function escapeXml(s: string): string {
  return stripXmlInvalid(s).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function stripXmlInvalid(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Escapes text for Markdown prose: characters that open emphasis, code, links, tables or HTML get
 * a backslash or an entity, and line breaks become spaces so a value cannot start a heading, list
 * or table row. Ordinary punctuation is left alone so sentences stay readable.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]#|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A plain decimal number: safe in a spreadsheet even when it starts with '-'. */
const NUMBER_LITERAL = /^-?\d+(\.\d+)?$/;

/** Cells a spreadsheet would run as a formula (tab and CR are skipped by some), after any guard quotes. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A text cell that
 * starts with `= + - @` (or tab/CR, which some spreadsheets skip) is prefixed with `'` so that
 * no spreadsheet runs it as a formula (OWASP CSV injection); plain numbers are left alone. The
 * guard is reversible (`unguardCsvCell`): a cell that already starts with `'` before such a
 * character gets one more `'`.
 */
export function escapeCsvCell(value: string): string {
  let v = value;
  if (FORMULA_START.test(v) && !NUMBER_LITERAL.test(v)) v = `'${v}`;
  if (/[",\r\n]/.test(v) || /^\s|\s$/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Undoes the formula guard of `escapeCsvCell` on a parsed (unquoted) cell: readers of our CSVs call this. */
export function unguardCsvCell(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** One CSV line (without the line break). */
export function toCsvLine(cells: readonly string[]): string {
  return cells.map(escapeCsvCell).join(',');
}
