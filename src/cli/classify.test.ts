import { describe, expect, it } from 'vitest';
import { PostClassifier } from '../policy/index.ts';
import { Store } from '../store/index.ts';
import { classifyStore } from './classify.ts';

describe('classify --db', () => {
  it('labels every post of the store into policy_results with entities and reasons', async () => {
    const store = await Store.memory();
    try {
      const posts = [
        ['p1', 'Hajj Qassem, martyr of the resistance, lives forever 🌹'],
        ['p2', 'Good riddance to the terrorist Qassem Soleimani'],
        ['p3', 'Lovely weather in Shiraz today'],
        ['p4', "Robert'); DROP TABLE posts; --"],
      ];
      for (const [id, text] of posts) {
        await store.run("INSERT INTO posts (platform, post_id, account_id, time_ms, kind, text) VALUES ('twitter', $1, 'a1', 0, 'original', $2)", [id as string, text as string]);
      }
      const summary = await classifyStore(store, PostClassifier.default());
      expect(summary.posts).toBe(4);
      expect(summary.violating).toBe(1);
      const rows = await store.all<{ post_id: string; violating: boolean; label: string; entities: string; reasons: string }>(
        'SELECT post_id, violating, label, CAST(entities AS VARCHAR) AS entities, CAST(reasons AS VARCHAR) AS reasons FROM policy_results ORDER BY post_id',
      );
      expect(rows.map((r) => [r.post_id, r.label])).toEqual([
        ['p1', 'glorification'],
        ['p2', 'condemnation'],
        ['p3', 'unrelated'],
        ['p4', 'unrelated'],
      ]);
      expect(JSON.parse(rows[0]?.entities ?? '[]')[0].id).toBe('soleimani');
      expect(JSON.parse(rows[0]?.reasons ?? '[]')[0]).toMatch(/glorification-framing/);
      // A second run replaces the results instead of adding to them.
      await classifyStore(store, PostClassifier.default());
      expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM policy_results'))?.n).toBe(4);
      expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM posts'))?.n).toBe(4);
    } finally {
      store.close();
    }
  });
});
