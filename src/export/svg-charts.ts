/**
 * Inline SVG charts for the report (no script, no external font or image): vertical bars for time
 * series and histograms, horizontal bars for breakdowns. Every label is escaped.
 */
import { escapeHtml } from './escape.ts';

export interface Bar {
  label: string;
  value: number;
}

const FONT = 'font-family="system-ui, sans-serif" font-size="11"';

/** Vertical bars (a time series or a histogram), with the first, middle and last labels shown. */
export function renderColumnChartSvg(title: string, bars: readonly Bar[], width = 720, height = 200): string {
  const pad = { left: 44, right: 10, top: 24, bottom: 34 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = bars.length > 0 ? w / bars.length : w;
  const bw = Math.max(1, step * 0.8);
  const shownLabels = new Set([0, Math.floor((bars.length - 1) / 2), bars.length - 1]);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`);
  parts.push(`<title>${escapeHtml(title)}</title>`);
  parts.push(`<text x="${pad.left}" y="14" ${FONT} font-weight="600">${escapeHtml(title)}</text>`);
  parts.push(`<line x1="${pad.left}" y1="${pad.top + h}" x2="${pad.left + w}" y2="${pad.top + h}" stroke="#888"/>`);
  parts.push(`<text x="${pad.left - 6}" y="${pad.top + 4}" ${FONT} text-anchor="end">${max.toLocaleString('en-US')}</text>`);
  parts.push(`<text x="${pad.left - 6}" y="${pad.top + h}" ${FONT} text-anchor="end">0</text>`);
  bars.forEach((b, i) => {
    const bh = (b.value / max) * h;
    const x = pad.left + i * step + (step - bw) / 2;
    parts.push(
      `<rect x="${fix(x)}" y="${fix(pad.top + h - bh)}" width="${fix(bw)}" height="${fix(bh)}" fill="#3b6ea5"><title>${escapeHtml(b.label)}: ${b.value.toLocaleString('en-US')}</title></rect>`,
    );
    if (shownLabels.has(i)) {
      // The first and last labels anchor inwards so they are not cut at the edges.
      const anchor = bars.length > 1 && i === 0 ? 'start' : bars.length > 1 && i === bars.length - 1 ? 'end' : 'middle';
      const lx = anchor === 'start' ? x : anchor === 'end' ? x + bw : x + bw / 2;
      parts.push(`<text x="${fix(lx)}" y="${pad.top + h + 14}" ${FONT} text-anchor="${anchor}">${escapeHtml(b.label)}</text>`);
    }
  });
  if (bars.length === 0) parts.push(`<text x="${pad.left + w / 2}" y="${pad.top + h / 2}" ${FONT} text-anchor="middle">no data</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Horizontal bars, one per category, labelled with name and value. */
export function renderBarChartSvg(title: string, bars: readonly Bar[], width = 720): string {
  const rowH = 20;
  const pad = { left: 150, right: 60, top: 24 };
  const height = pad.top + Math.max(1, bars.length) * rowH + 8;
  const w = width - pad.left - pad.right;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`);
  parts.push(`<title>${escapeHtml(title)}</title>`);
  parts.push(`<text x="4" y="14" ${FONT} font-weight="600">${escapeHtml(title)}</text>`);
  bars.forEach((b, i) => {
    const y = pad.top + i * rowH;
    const bw = (b.value / max) * w;
    parts.push(`<text x="${pad.left - 6}" y="${y + 14}" ${FONT} text-anchor="end">${escapeHtml(b.label)}</text>`);
    parts.push(`<rect x="${pad.left}" y="${y + 3}" width="${fix(bw)}" height="${rowH - 6}" fill="#c2573a"><title>${escapeHtml(b.label)}: ${b.value.toLocaleString('en-US')}</title></rect>`);
    parts.push(`<text x="${fix(pad.left + bw + 4)}" y="${y + 14}" ${FONT}>${b.value.toLocaleString('en-US')}</text>`);
  });
  if (bars.length === 0) parts.push(`<text x="${pad.left}" y="${pad.top + 14}" ${FONT}>no data</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Fills the days between the first and last with zero so gaps show; weeks when the span is long. */
export function fillDailySeries(days: readonly { day: string; posts: number }[], maxBars = 180): Bar[] {
  if (days.length === 0) return [];
  const first = Date.parse(`${days[0]?.day}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]?.day}T00:00:00Z`);
  const n = Math.round((last - first) / 86_400_000) + 1;
  const perBar = Math.max(1, Math.ceil(n / maxBars));
  const counts = new Map(days.map((d) => [d.day, d.posts]));
  const bars: Bar[] = [];
  for (let i = 0; i < n; i += perBar) {
    let value = 0;
    for (let j = i; j < Math.min(n, i + perBar); j++) {
      value += counts.get(new Date(first + j * 86_400_000).toISOString().slice(0, 10)) ?? 0;
    }
    bars.push({ label: new Date(first + i * 86_400_000).toISOString().slice(0, 10), value });
  }
  return bars;
}

/** Fills the months between the first and last (YYYY-MM) with zero. */
export function fillMonthlySeries(months: readonly { month: string; accounts: number }[]): Bar[] {
  if (months.length === 0) return [];
  const counts = new Map(months.map((m) => [m.month, m.accounts]));
  const [fy, fm] = (months[0]?.month ?? '1970-01').split('-').map(Number);
  const [ly, lm] = (months[months.length - 1]?.month ?? '1970-01').split('-').map(Number);
  const bars: Bar[] = [];
  for (let y = fy ?? 1970, m = fm ?? 1; y < (ly ?? 1970) || (y === ly && m <= (lm ?? 1)); m === 12 ? ((m = 1), (y += 1)) : (m += 1)) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    bars.push({ label, value: counts.get(label) ?? 0 });
    if (bars.length > 600) break;
  }
  return bars;
}

function fix(v: number): string {
  return (Math.round(v * 100) / 100).toString();
}
