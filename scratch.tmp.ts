import { Store } from './src/store/index.ts';
import { ingestFiles } from './src/ingest/index.ts';
const store = await Store.open('/tmp/ingest-scratch/s.duckdb');
const times = new Map<string, number>();
for (const m of ['run', 'one', 'all'] as const) {
  const orig = (store as any)[m].bind(store);
  (store as any)[m] = async (sql: string, p?: unknown) => { const t = process.hrtime.bigint(); try { return await orig(sql, p); } finally { const k = sql.replace(/\s+/g, ' ').slice(0, 70); times.set(k, (times.get(k) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6); } };
}
const t0 = Date.now();
const s = await ingestFiles(store, ['/tmp/ingest-scratch/arch100k.csv'], { quarantineDir: '/tmp/ingest-scratch/q', batchRows: 100000 });
console.log(Date.now() - t0, s.read, process.cpuUsage());
console.log([...times].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
store.close();
