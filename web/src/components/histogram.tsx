/** A bar chart in SVG: post activity over time, or account creation dates. */
import type { Buckets } from '../types.ts';
import { formatDate, formatTime } from '../format.ts';

export function Histogram(props: { data: Buckets; label: string; testId: string }) {
  const { buckets, bucketMs } = props.data;
  const width = 640;
  const height = 140;
  const pad = 24;
  if (buckets.length === 0)
    return <p className="muted">No data for the {props.label.toLowerCase()}.</p>;
  const lo = buckets[0]?.startMs ?? 0;
  const hi = (buckets.at(-1)?.startMs ?? lo) + bucketMs;
  const max = Math.max(...buckets.map((b) => b.count));
  const x = (ms: number): number => pad + ((ms - lo) / Math.max(hi - lo, 1)) * (width - 2 * pad);
  const barW = Math.max(1, x(lo + bucketMs) - x(lo) - 1);
  const fmt = bucketMs < 86_400_000 ? formatTime : formatDate;
  return (
    <figure className="histogram" data-testid={props.testId}>
      <figcaption>{props.label}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="axis" />
        {buckets.map((b) => {
          const h = ((height - 2 * pad) * b.count) / max;
          return (
            <rect
              key={b.startMs}
              x={x(b.startMs)}
              y={height - pad - h}
              width={barW}
              height={h}
              className="bar"
            >
              <title>{`${fmt(b.startMs)}: ${b.count}`}</title>
            </rect>
          );
        })}
        <text x={pad} y={height - 6} className="tick">
          {fmt(lo)}
        </text>
        <text x={width - pad} y={height - 6} className="tick" textAnchor="end">
          {fmt(hi)}
        </text>
        <text x={pad} y={pad - 8} className="tick">{`max ${max}`}</text>
      </svg>
    </figure>
  );
}
