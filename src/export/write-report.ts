/** `takedown report`: writes report.html, report.md and report.json of the chosen networks into a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/index.ts';
import type { FindingsSelection } from './findings.ts';
import { loadReportData, type ReportData } from './report-data.ts';
import { renderReportHtml } from './report-html.ts';
import { renderReportMarkdown } from './report-markdown.ts';

export interface WrittenReport {
  html: string;
  markdown: string;
  json: string;
  data: ReportData;
}

/** Builds the report from the store and writes its three files into `dir`. */
export async function writeReport(store: Store, dir: string, selection: FindingsSelection = {}, title?: string): Promise<WrittenReport> {
  const data = await loadReportData(store, selection, title);
  mkdirSync(dir, { recursive: true });
  const paths = { html: join(dir, 'report.html'), markdown: join(dir, 'report.md'), json: join(dir, 'report.json') };
  writeFileSync(paths.html, renderReportHtml(data));
  writeFileSync(paths.markdown, renderReportMarkdown(data));
  writeFileSync(paths.json, JSON.stringify(data, null, 2) + '\n');
  return { ...paths, data };
}
