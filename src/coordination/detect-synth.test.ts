import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest/index.ts';
import { Store } from '../store/index.ts';
import { generateSample } from '../synth/index.ts';
import {
  detectCoordination,
  evaluateFindings,
  parseTruth,
  type Evaluation,
  type Findings,
} from './index.ts';

// The small-sample version of the acceptance run: synth → ingest → detect → evaluate. The full
// figures (≥ 5,000 accounts, three seeds) are in the README's closing note and the bench.
describe('detect on a small synthetic sample', () => {
  let dir: string;
  let store: Store;
  let findings: Findings;
  let score: Evaluation;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'takedown-detect-'));
    generateSample({ outDir: dir, seed: 17, accounts: 1200, days: 6 });
    store = await Store.memory();
    await ingestFiles(store, [join(dir, 'tweets.csv'), join(dir, 'users.csv')], {
      quarantineDir: dir,
    });
    findings = await detectCoordination(store, {});
    score = evaluateFindings(
      parseTruth(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'))),
      findings,
    );
  }, 240_000);
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the planted operations with high precision and recall', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps each operation mostly in one cluster', () => {
    for (const op of score.operations)
      expect(op.best_cluster_share, op.id).toBeGreaterThanOrEqual(0.75);
  });

  it('calls no fast fan and no breaking-news account likely_cib', () => {
    expect(score.trap_violations).toEqual([]);
  });

  it('cites only stored posts of the right accounts as evidence', async () => {
    const items = findings.clusters.flatMap((c) =>
      c.edges.flatMap((e) => e.evidence.map((ev) => ({ e, ev }))),
    );
    expect(items.length).toBeGreaterThan(0);
    await store.run('CREATE TEMP TABLE want (post_id VARCHAR, account_id VARCHAR)');
    const ap = await store.appender('want');
    for (const { e, ev } of items) {
      ap.appendVarchar(ev.post_a);
      ap.appendVarchar(e.a);
      ap.endRow();
      ap.appendVarchar(ev.post_b);
      ap.appendVarchar(e.b);
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    const missing = await store.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM want w WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.post_id = w.post_id AND p.account_id = w.account_id)',
    );
    expect(missing?.n).toBe(0);
  });
});
