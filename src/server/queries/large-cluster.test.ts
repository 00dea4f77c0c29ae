import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/index.ts';
import { seedLargeCluster } from '../../../test/fixtures/seed-large-cluster.ts';
import { readCluster } from './clusters.ts';

let store: Store;
beforeAll(async () => {
  store = await Store.memory();
  await seedLargeCluster(store, { accounts: 3000 });
});
afterAll(() => store.close());

describe('a large cluster', () => {
  it('is laid out once on the server, stored, and read back identically', async () => {
    const first = await readCluster(store, 'big');
    expect(first.nodes).toHaveLength(3000);
    expect(first.edges.length).toBeGreaterThan(8000);
    expect(first.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    expect(new Set(first.nodes.map((n) => `${n.x},${n.y}`)).size).toBeGreaterThan(2900);
    const stored = await store.one<{ n: number }>(
      "SELECT count(*) AS n FROM cluster_layouts WHERE cluster_id = 'big'",
    );
    expect(stored?.n).toBe(3000);
    const again = await readCluster(store, 'big');
    expect(again.nodes.map((n) => [n.x, n.y])).toEqual(first.nodes.map((n) => [n.x, n.y]));
    expect(first.creation.buckets.reduce((s, b) => s + b.count, 0)).toBe(3000);
  });
});
