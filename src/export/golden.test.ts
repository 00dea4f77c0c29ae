/**
 * Golden files of every export of the fixture findings (test/fixtures/export). The fixture's ids
 * and times are fixed and every export is deterministic, so nothing needs normalising except the
 * random part a caller may not control: none here (the hash key is given). Regenerate with
 * UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { loadFindingsGraph, renderGexf, renderGraphml } from './graph-export.ts';
import { loadReportData } from './report-data.ts';
import { renderReportMarkdown } from './report-markdown.ts';
import { loadStixInput, toStixBundle } from './stix-bundle.ts';
import { fillFixtureStore } from './test-fixture.ts';

const GOLDEN = path.resolve(process.cwd(), 'test/fixtures/export');

function expectGolden(file: string, content: string): void {
  const p = path.join(GOLDEN, file);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(p, content);
  expect(content).toBe(readFileSync(p, 'utf8'));
}

describe('golden exports of the fixture findings', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.memory();
    await fillFixtureStore(store, { withImpersonation: true });
  });
  afterAll(() => store.close());

  it('STIX bundle', async () => {
    const bundle = toStixBundle(await loadStixInput(store), { identityName: 'Acme Trust & Safety', tlp: 'green', attribution: 'Islamic Republic of Iran' });
    expectGolden('stix-bundle.json', JSON.stringify(bundle, null, 2) + '\n');
  });

  it('GEXF and GraphML', async () => {
    const graph = await loadFindingsGraph(store);
    expectGolden('network.gexf', renderGexf(graph));
    expectGolden('network.graphml', renderGraphml(graph));
  });

  it('report.md', async () => {
    expectGolden('report.md', renderReportMarkdown(await loadReportData(store)));
  });
});
