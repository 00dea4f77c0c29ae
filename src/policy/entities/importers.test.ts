import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../store/index.ts';
import { PostClassifier } from '../classify/post-classifier.ts';
import { loadRules } from '../rules/load-rules.ts';
import { ofacToEntity, readOfacCsv, splitCsvLine, toOfacRecord } from './ofac-csv.ts';
import { EntityRegistry } from './registry.ts';
import { loadImportedEntities, readListFile, storeImportedEntities } from './registry-store.ts';
import { parseUnRecord, readUnXml } from './un-xml.ts';

const SANCTIONS = path.resolve(process.cwd(), '../shared/data/sanctions');
const OFAC = path.join(SANCTIONS, 'ofac_sdn_2024-05-03.csv');
const UN = path.join(SANCTIONS, 'un_sc_consolidated_2018-10-29.xml');
const haveShared = existsSync(OFAC) && existsSync(UN);

describe('OFAC legacy CSV parsing (inline rows)', () => {
  it('splits quoted cells with commas and doubled quotes', () => {
    expect(splitCsvLine('1,"A, B","say ""hi""",-0- ')).toEqual(['1', 'A, B', 'say "hi"', '-0- ']);
    expect(splitCsvLine('1,"open')).toBeUndefined();
  });
  it('reads programs, -0- as empty, and a.k.a. aliases with apostrophes', () => {
    const cells = splitCsvLine(
      `11462,"KATA'IB HIZBALLAH",-0- ,"FTO] [SDGT] [IRAQ3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"www.aleseb.com; a.k.a. 'KATA'IB HIZBALLAH FI AL-IRAQ'; a.k.a. 'ISLAMIC RESISTANCE IN IRAQ'."`,
    ) as string[];
    const r = toOfacRecord(cells, 1);
    expect(r?.programs).toEqual(['FTO', 'SDGT', 'IRAQ3']);
    expect(r?.type).toBe('entity');
    expect(r?.aliases).toEqual(["KATA'IB HIZBALLAH FI AL-IRAQ", 'ISLAMIC RESISTANCE IN IRAQ']);
    expect(r && ofacToEntity(r, 'test').tier).toBe(1);
  });
  it('rejects a file that is not the legacy CSV, naming the line', () => {
    expect(() => toOfacRecord(['x', 'y'], 7)).toThrow(/line 7/);
  });
  it('turns LAST, First into First LAST for individuals', () => {
    const r = toOfacRecord(splitCsvLine('10481,"SOLEIMANI, Qasem","individual","SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ') as string[], 1);
    expect(r && ofacToEntity(r, 't').name).toBe('Qasem SOLEIMANI');
  });
});

describe('UN consolidated XML parsing (inline record)', () => {
  it('joins the name parts, splits ;-separated aliases and decodes entities', () => {
    const r = parseUnRecord(
      'individual',
      '<DATAID>1</DATAID><FIRST_NAME>QASEM</FIRST_NAME><SECOND_NAME>SOLEIMANI</SECOND_NAME><UN_LIST_TYPE>Iran</UN_LIST_TYPE><REFERENCE_NUMBER>IRi.039</REFERENCE_NUMBER><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Qasim Soleimani; Kasim\n  Sulaymani</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Haj Qasem &amp; co</ALIAS_NAME></INDIVIDUAL_ALIAS>',
    );
    expect(r.name).toBe('QASEM SOLEIMANI');
    expect(r.aliases.map((a) => a.name)).toEqual(['Qasim Soleimani', 'Kasim Sulaymani', 'Haj Qasem & co']);
  });
  it('rejects a file that is not the consolidated list', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'takedown-un-'));
    const f = path.join(dir, 'x.xml');
    writeFileSync(f, '<?xml version="1.0"?><OTHER>' + ' '.repeat(5000) + '</OTHER>');
    await expect(async () => {
      for await (const _r of readUnXml(f)) void _r;
    }).rejects.toThrow(/not a UN Security Council consolidated list/);
  });
});

describe.skipIf(!haveShared)('importers on the shared sanctions files (skipped: ../shared/data/sanctions is absent in a fresh clone)', () => {
  it('reads every OFAC row and parses the IRGC programs', async () => {
    const byEnt = new Map<string, { programs: string[]; name: string }>();
    let n = 0;
    for await (const r of readOfacCsv(OFAC)) {
      n++;
      if (['10391', '10465', '10481', '4697', '47664'].includes(r.entNum)) byEnt.set(r.entNum, r);
    }
    expect(n).toBe(14965);
    expect(byEnt.get('10391')?.programs).toEqual(expect.arrayContaining(['FTO', 'SDGT', 'IRGC']));
    expect(byEnt.get('10465')?.name).toBe('ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE');
    expect(byEnt.get('10481')?.programs).toEqual(['SDGT', 'SYRIA', 'NPWMD', 'IRGC', 'IFSR']);
    expect(byEnt.get('47664')?.programs).toEqual(['SDGT']);
  });

  it('finds Soleimani in the UN list with his aliases', async () => {
    let soleimani;
    let n = 0;
    for await (const r of readUnXml(UN)) {
      n++;
      if (r.reference === 'IRi.039') soleimani = r;
    }
    expect(n).toBe(1093);
    expect(soleimani?.name).toBe('QASEM SOLEIMANI');
    const names = soleimani?.aliases.map((a) => a.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['Qasem Sulaimani', 'Kasim Sulaymani', 'Haj Qasem', 'Sardar Soleimani']));
  });

  it('agrees with every built-in designation it can check', async () => {
    const ofac = new Map<string, string[]>();
    for await (const r of readOfacCsv(OFAC)) ofac.set(r.entNum, r.programs);
    const un = new Set<string>();
    for await (const r of readUnXml(UN)) un.add(r.reference);
    for (const e of EntityRegistry.builtin().entities) {
      for (const d of e.designations) {
        if (d.list === 'OFAC-SDN') expect(ofac.get(d.ref ?? ''), `${e.id} ${d.ref}`).toEqual(d.programs);
        if (d.list === 'UN') expect(un.has(d.ref ?? ''), `${e.id} ${d.ref}`).toBe(true);
      }
    }
  });

  it('stores imports, merges them into the built-in entities, and the classifier uses them', async () => {
    const store = await Store.memory();
    try {
      const ofac = await readListFile('ofac', OFAC);
      const un = await readListFile('un', UN);
      await storeImportedEntities(store, 'OFAC-SDN', OFAC, ofac, 0);
      const s = await storeImportedEntities(store, 'UN', UN, un, 0);
      expect(s.read).toBe(1093);
      // A second import of the same list replaces it.
      await storeImportedEntities(store, 'UN', UN, un, 1);
      const loaded = await loadImportedEntities(store);
      expect(loaded.length).toBe(14965 + 1093);
      const registry = EntityRegistry.withImported(loaded);
      const sol = registry.get('soleimani');
      // The list's fact replaces the built-in copy, naming the imported file as its source.
      expect(sol?.designations.find((d) => d.list === 'OFAC-SDN')?.source).toMatch(/ofac_sdn_2024-05-03\.csv/);
      expect(sol?.designations.find((d) => d.list === 'UN')?.source).toMatch(/un_sc_consolidated/);
      expect(registry.get('ofac-10481')).toBeUndefined(); // merged, not duplicated
      // An imported-only SDGT individual is matched by full name.
      const c = new PostClassifier(registry, loadRules());
      const v = c.classify({ id: '1', text: "Faysal Ahmad 'Ali al-Zahrani is a hero 🌹" });
      expect(v.label).toBe('glorification');
      expect(v.entities[0]?.id).toBe('ofac-19450');
      expect(PostClassifier.default().classify({ id: '1', text: "Faysal Ahmad 'Ali al-Zahrani is a hero 🌹" }).label).toBe('unrelated');
      const sinwarFree = c.classify({ id: '2', text: 'the base of the mountain was covered in snow' });
      expect(sinwarFree.entities).toEqual([]);
    } finally {
      store.close();
    }
  }, 60_000);
});
