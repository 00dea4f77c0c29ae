import { describe, expect, it } from 'vitest';
import type { ClusterDetail, ClusterNode } from '../types.ts';
import { buildRenderedGraph, pairKey } from './build-graph.ts';
import { indicatorColour, signalColour } from './palette.ts';

const node = (accountId: string, posts: number, indicators: string[] = []): ClusterNode => ({
  accountId,
  platform: 'twitter',
  displayName: `<b>${accountId}</b>`,
  handle: null,
  surface: 'account',
  createdMs: null,
  followers: null,
  posts,
  policyHits: 0,
  indicators,
  x: posts,
  y: -posts,
});
const detail = {
  runId: 'r',
  cluster: {
    clusterId: 'c',
    rank: 1,
    verdict: 'likely_cib',
    score: 1,
    reason: '',
    accounts: 3,
    edges: 3,
    signals: [],
    indicators: [],
    firstMs: null,
    lastMs: null,
  },
  nodes: [node('a', 100, ['creation_batch']), node('b', 25), node('c', 0, ['policy_violations'])],
  edges: [
    { key: 'k1', a: 'a', b: 'b', signal: 'co_retweet', weight: 3, qValue: 0.001, evidenceCount: 3 },
    { key: 'k2', a: 'b', b: 'a', signal: 'co_url', weight: 1, qValue: 0.01, evidenceCount: 1 },
    { key: 'k3', a: 'b', b: 'c', signal: 'co_url', weight: 1, qValue: 0.01, evidenceCount: 1 },
  ],
  edgesTruncated: false,
  timeline: { bucketMs: 1, buckets: [] },
  creation: { bucketMs: 1, buckets: [] },
} satisfies ClusterDetail;

describe('buildRenderedGraph', () => {
  it('merges the signals of one pair into one clickable edge that keeps every evidence key', () => {
    const g = buildRenderedGraph(detail, 'signal');
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute(pairKey('a', 'b'), 'keys')).toEqual(['k1', 'k2']);
    expect(g.getEdgeAttribute(pairKey('a', 'b'), 'signals')).toEqual(['co_retweet', 'co_url']);
  });

  it('sizes by activity and colours by dominant signal or first indicator, without touching the data', () => {
    const before = JSON.stringify(detail);
    const bySignal = buildRenderedGraph(detail, 'signal');
    expect(bySignal.getNodeAttribute('a', 'size')).toBeGreaterThan(
      bySignal.getNodeAttribute('b', 'size'),
    );
    expect(bySignal.getNodeAttribute('c', 'color')).toBe(signalColour('co_url'));
    expect(bySignal.getNodeAttribute('a', 'x')).toBe(100);
    const byIndicator = buildRenderedGraph(detail, 'indicator');
    expect(byIndicator.getNodeAttribute('a', 'color')).toBe(indicatorColour('creation_batch'));
    expect(byIndicator.getNodeAttribute('c', 'color')).toBe(indicatorColour('policy_violations'));
    expect(byIndicator.getNodeAttribute('a', 'label')).toBe('<b>a</b>'); // drawn on canvas as is
    expect(JSON.stringify(detail)).toBe(before);
  });
});
