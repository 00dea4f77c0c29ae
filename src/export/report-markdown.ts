/** report.md: the same summaries as report.html, as Markdown for a blog post or a ticket. */
import { escapeMarkdown } from './escape.ts';
import type { ReportData } from './report-data.ts';
import { formatCount, toPlatformName } from './report-summary.ts';

/** The report as Markdown (every data value escaped). */
export function renderReportMarkdown(data: ReportData): string {
  const m = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${m(data.title)}`, '');
  out.push(`Findings of detect run \`${data.runId.replace(/`/g, '')}\` (${new Date(data.runCreatedMs).toISOString()}); ${data.networks.length} network(s).`, '');
  for (const n of data.networks) {
    out.push(`## Network ${m(n.clusterId)} (${m(n.verdict)}, score ${n.score.toFixed(2)})`, '');
    out.push(m(n.summary), '');
    out.push(`**Why:** ${m(n.reason)}`, '');
    out.push('| Platform | Surface | Accounts | Removed | Proposed | Followers (sum) |', '|---|---|---:|---:|---:|---:|');
    for (const c of n.counts) {
      out.push(`| ${m(toPlatformName(c.platform))} | ${m(c.surface)} | ${formatCount(c.accounts)} | ${formatCount(c.removed)} | ${formatCount(c.proposed)} | ${formatCount(c.followers)} |`);
    }
    out.push('');
    out.push('DISARM techniques seen:', '');
    for (const t of n.techniques) out.push(`- ${t.id} ${m(t.name)} (${m(t.because.join('; '))})`);
    out.push('');
    out.push(`Signals: ${n.signals.map((s) => `${m(s.signal)} (${formatCount(s.edges)} edge${s.edges === 1 ? '' : 's'})`).join(', ') || 'none'}.`, '');
  }
  return out.join('\n');
}
