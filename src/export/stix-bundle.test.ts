import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNALS, INDICATORS } from '../model/index.ts';
import { Store } from '../store/index.ts';
import { DISARM_TECHNIQUES, INDICATOR_TECHNIQUES, SIGNAL_TECHNIQUES, SURFACE_TECHNIQUES } from './disarm-techniques.ts';
import { loadStixInput, toStixBundle, type StixBundle } from './stix-bundle.ts';
import { fillFixtureStore } from './test-fixture.ts';
import { findSharedData } from './test-data.ts';

const schemaDir = findSharedData('stix2-schemas', 'schemas');
const disarmFile = findSharedData('disarm', 'DISARM_stix2_bundle.json');

async function exportFixture(options: Parameters<typeof toStixBundle>[1] = {}, withImpersonation = true): Promise<StixBundle> {
  const store = await Store.memory();
  try {
    await fillFixtureStore(store, { withImpersonation });
    return toStixBundle(await loadStixInput(store), options);
  } finally {
    store.close();
  }
}

/** Every value of a property named *_ref or *_refs, anywhere in the object. */
function collectRefs(value: unknown, out: string[] = [], key = ''): string[] {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, out, key);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectRefs(v, out, k);
  } else if (typeof value === 'string' && /_refs?$/.test(key)) {
    out.push(value);
  }
  return out;
}

describe('toStixBundle', () => {
  let bundle: StixBundle;
  beforeAll(async () => {
    bundle = await exportFixture({ identityName: 'Acme T&S', tlp: 'green', attribution: 'Islamic Republic of Iran' });
  });

  it('holds the producer, one intrusion-set and campaign per likely_cib network, indicators, observed-data and a report', () => {
    const count = (t: string): number => bundle.objects.filter((o) => o.type === t).length;
    expect(count('intrusion-set')).toBe(1); // only c1 is likely_cib
    expect(count('campaign')).toBe(1);
    expect(count('observed-data')).toBe(1);
    expect(count('report')).toBe(1);
    expect(count('marking-definition')).toBe(1);
    // 8 accounts + 2 URLs shared by ≥ 2 accounts + 1 domain.
    expect(count('user-account')).toBe(8);
    expect(bundle.objects.filter((o) => o.type === 'url').map((o) => o['value'])).toEqual([
      'https://fake-news-ir.example/story1',
      'https://fake-news-ir.example/story2',
    ]);
    expect(bundle.objects.filter((o) => o.type === 'domain-name').map((o) => o['value'])).toEqual(['fake-news-ir.example']);
    expect(count('indicator')).toBe(11);
    const producer = bundle.objects.find((o) => o.type === 'identity' && o['name'] === 'Acme T&S');
    expect(producer).toBeDefined();
    for (const o of bundle.objects) {
      if (o.type === 'marking-definition' || o.id === producer?.id) continue;
      expect(o['object_marking_refs'], o.id).toEqual(['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb']);
    }
  });

  it('writes account indicators as STIX patterns with quotes escaped', () => {
    const patterns = bundle.objects.filter((o) => o.type === 'indicator').map((o) => o['pattern']);
    expect(patterns).toContain("[user-account:account_type = 'twitter' AND user-account:user_id = '8100000000000000001']");
    expect(patterns).toContain("[domain-name:value = 'fake-news-ir.example']");
    for (const o of bundle.objects.filter((x) => x.type === 'indicator')) {
      expect(o['pattern_type']).toBe('stix');
      expect(o['valid_from']).toMatch(/Z$/);
    }
  });

  it('attributes the network and links impersonated identities', () => {
    const rel = (type: string): StixBundle['objects'] => bundle.objects.filter((o) => o.type === 'relationship' && o['relationship_type'] === type);
    const actor = bundle.objects.find((o) => o.type === 'threat-actor');
    expect(actor?.['name']).toBe('Islamic Republic of Iran');
    const impersonates = rel('impersonates');
    expect(impersonates).toHaveLength(2);
    for (const r of impersonates) expect(r['source_ref']).toBe(actor?.id);
    const targets = impersonates.map((r) => bundle.objects.find((o) => o.id === r['target_ref']));
    expect(targets.map((t) => t?.['name']).sort()).toEqual(['NY Reporter <b>Jane</b>', 'Sara Tehrani']);
    expect(rel('indicates')).toHaveLength(11);
    expect(rel('uses').length).toBeGreaterThan(0);
    expect(rel('attributed-to').length).toBe(2);
  });

  it('maps the findings to DISARM techniques, including the impersonated persona', () => {
    const ids = bundle.objects
      .filter((o) => o.type === 'attack-pattern')
      .map((o) => (o['external_references'] as { source_name: string; external_id: string }[])[0]);
    expect(ids.every((r) => r?.source_name === 'DISARM')).toBe(true);
    const tids = ids.map((r) => r?.external_id);
    for (const t of ['T0049.003', 'T0143.003', 'T0097.110', 'T0097.102', 'T0002', 'T0151.003', 'T0151.002', 'T0146', 'T0150.008', 'T0115']) {
      expect(tids).toContain(t);
    }
  });

  it('resolves every *_ref and *_refs inside the bundle', () => {
    const ids = new Set(bundle.objects.map((o) => o.id));
    const refs = collectRefs(bundle.objects);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) expect(ids.has(r), r).toBe(true);
    expect(ids.size).toBe(bundle.objects.length);
  });

  it('is deterministic: the same findings give the same bundle', async () => {
    const again = await exportFixture({ identityName: 'Acme T&S', tlp: 'green', attribution: 'Islamic Republic of Iran' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
  });

  it('without attribution and impersonation findings uses only an intrusion-set', async () => {
    const plain = await exportFixture({}, false);
    expect(plain.objects.filter((o) => o.type === 'threat-actor')).toHaveLength(0);
    expect(plain.objects.some((o) => o.type === 'marking-definition' && o['name'] === 'TLP:AMBER')).toBe(true);
    const ids = new Set(plain.objects.map((o) => o.id));
    for (const r of collectRefs(plain.objects)) expect(ids.has(r), r).toBe(true);
  });

  it.skipIf(!schemaDir)('validates against the official STIX 2.1 JSON schemas (ajv 2020-12)', async () => {
    // The STIX schemas escape '-' in patterns (\\-), which is invalid under the u flag.
    const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats.default(ajv);
    ajv.addFormat('idn-hostname', /^[^\s/:@]+$/u);
    for (const sub of ['common', 'sdos', 'sros', 'observables']) {
      const dir = path.join(schemaDir ?? '', sub);
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
        ajv.addSchema(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as object);
      }
    }
    const validate = ajv.getSchema('http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json');
    expect(validate).toBeDefined();
    for (const b of [bundle, await exportFixture({}, false)]) {
      const ok = validate?.(b);
      expect(ok, JSON.stringify(validate?.errors?.slice(0, 5), null, 1)).toBe(true);
    }
    // The schemas do reject what is wrong: an indicator without its pattern, a bad timestamp.
    const broken = structuredClone(bundle);
    const ind = broken.objects.find((o) => o.type === 'indicator');
    if (ind) delete ind['pattern'];
    expect(validate?.(broken)).toBe(false);
    const badTime = structuredClone(bundle);
    const camp = badTime.objects.find((o) => o.type === 'campaign');
    if (camp) camp['created'] = '2020-03-20 12:00';
    expect(validate?.(badTime)).toBe(false);
    // Each object also validates against its own type's schema (the bundle's anyOf is lenient).
    for (const o of bundle.objects) {
      const kind = o.type === 'relationship' ? 'sros' : ['user-account', 'url', 'domain-name'].includes(o.type) ? 'observables' : o.type === 'marking-definition' ? 'common' : 'sdos';
      const v = ajv.getSchema(`http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/${kind}/${o.type}.json`);
      expect(v, o.type).toBeDefined();
      expect(v?.(o), `${o.id}: ${JSON.stringify(v?.errors?.slice(0, 3))}`).toBe(true);
    }
  });
});

describe.skipIf(!disarmFile)('DISARM mapping (checked against DISARM v1.6 in ../shared/data/disarm)', () => {
  const techniques = new Map<string, string>();
  beforeAll(() => {
    const disarm = JSON.parse(readFileSync(disarmFile ?? '', 'utf8')) as { objects: { type: string; name: string; external_references?: { external_id?: string }[] }[] };
    for (const o of disarm.objects) {
      if (o.type !== 'attack-pattern') continue;
      const id = o.external_references?.find((r) => r.external_id)?.external_id;
      if (id) techniques.set(id, o.name);
    }
  });

  it('every technique id exists with the same name', () => {
    expect(techniques.size).toBe(391);
    for (const [id, name] of Object.entries(DISARM_TECHNIQUES)) {
      expect(techniques.get(id), id).toBe(name);
    }
  });

  it('maps every signal, indicator and surface', () => {
    for (const s of SIGNALS) expect(SIGNAL_TECHNIQUES[s].length, s).toBeGreaterThan(0);
    for (const i of INDICATORS) expect(INDICATOR_TECHNIQUES[i].length, i).toBeGreaterThan(0);
    for (const ids of [...Object.values(SIGNAL_TECHNIQUES), ...Object.values(INDICATOR_TECHNIQUES), ...Object.values(SURFACE_TECHNIQUES)]) {
      for (const id of ids) expect(techniques.has(id), id).toBe(true);
    }
  });

  it('uses no technique removed in v1.6 (T0007, T0090)', () => {
    expect(techniques.has('T0007')).toBe(false);
    expect(Object.keys(DISARM_TECHNIQUES).some((id) => id.startsWith('T0007') || id.startsWith('T0090'))).toBe(false);
  });

  it('every attack-pattern in an exported bundle is a DISARM v1.6 technique', async () => {
    const bundle = await exportFixture({ attribution: 'X' });
    const ids = bundle.objects
      .filter((o) => o.type === 'attack-pattern')
      .map((o) => (o['external_references'] as { external_id: string }[])[0]?.external_id ?? '');
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(techniques.get(id), id).toBe(bundle.objects.find((o) => o.type === 'attack-pattern' && (o['external_references'] as { external_id: string }[])[0]?.external_id === id)?.['name']);
  });
});
