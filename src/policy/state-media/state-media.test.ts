import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../store/index.ts';
import { domainKey, handleOfProfileUrl, importStateMediaMatrix, loadStateMediaRegistry, outletOfHost } from './registry.ts';
import { findDisclosure, profileIdentifiers, scanStateMedia } from './scan.ts';

const MATRIX = path.resolve(process.cwd(), '../shared/data/state_media/asd_gmf_State_Media_Matrix.csv');

async function seed(store: Store): Promise<void> {
  const account = (id: string, name: string, handle: string, bio: string, profileUrl: string | null = null): Promise<void> =>
    store.run("INSERT INTO accounts (platform, account_id, display_name, handle, description, profile_url) VALUES ('twitter', $1, $2, $3, $4, $5)", [
      id,
      name,
      handle,
      bio,
      profileUrl,
    ]);
  await account('u1', 'Sara K.', 'sara_k_news', 'Independent voice. Truth matters.', 'https://linktr.ee/truthvoice');
  await account('u2', 'Ali R', 'ali_r', 'خبرنگار پرس تی وی', null);
  await account('u3', 'Maria', 'maria_lat', 'Noticias de América Latina', 'https://linktr.ee/truthvoice');
  await account('u4', 'Reader', 'reader99', 'I read everything. contact: desk@example.org', null);
  await account('u5', 'Press TV', 'PressTV', 'Iran-based news network', null);
  await account('u6', 'Another', 'another1', 'contact: desk@example.org', null);
  let n = 0;
  const post = async (acct: string, urls: string[]): Promise<void> => {
    const id = `p${++n}`;
    await store.run("INSERT INTO posts (platform, post_id, account_id, time_ms, kind) VALUES ('twitter', $1, $2, $3, 'original')", [id, acct, n * 1000]);
    for (const u of urls) {
      await store.run("INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id) VALUES ('twitter', $1, $2, $3, 'url', $4)", [id, acct, n * 1000, u]);
      const host = u.split('/')[0]!;
      await store.run("INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id) VALUES ('twitter', $1, $2, $3, 'domain', $4)", [id, acct, n * 1000, host]);
    }
  };
  // u1: 6 of 7 link posts to Press TV / its mirror / HispanTV, no disclosure → finding.
  for (let i = 0; i < 4; i++) await post('u1', [`presstv.ir/detail/2020/01/0${i}/x`]);
  await post('u1', ['presstv.com/detail/old']);
  await post('u1', ['hispantv.com/noticias/y']);
  await post('u1', ['bbc.com/news/z']);
  // u2: the same pattern, but the bio says "Press TV correspondent" in Persian → disclosed.
  for (let i = 0; i < 6; i++) await post('u2', [`www.presstv.ir/detail/${i}`.replace('www.', '')]);
  // u3: 3 Al-Mayadeen links among 10 → below the share.
  for (let i = 0; i < 3; i++) await post('u3', [`english.almayadeen.net/news/${i}`]);
  for (let i = 0; i < 7; i++) await post('u3', [`elpais.com/a/${i}`]);
  // u4: 5 of 5 to Al-Alam's old domain, but only… 5 → a finding (min count 5).
  for (let i = 0; i < 5; i++) await post('u4', [`alalamtv.net/news/${i}`]);
  // u5: the outlet's own account → not "undisclosed".
  for (let i = 0; i < 6; i++) await post('u5', [`presstv.ir/detail/own${i}`]);
}

describe('state-media registry', () => {
  it('has the built-in outlets, with mirrors and subdomains matched', async () => {
    const store = await Store.memory();
    const reg = await loadStateMediaRegistry(store);
    for (const d of ['presstv.ir', 'presstv.com', 'hispantv.com', 'alalam.ir', 'almayadeen.net', 'tasnimnews.com', 'farsnews.ir', 'mehrnews.com', 'irna.ir', 'irib.ir', 'rt.com', 'sputniknews.com', 'cgtn.com', 'xinhuanet.com']) {
      expect(reg.domains.has(d), d).toBe(true);
    }
    expect(outletOfHost(reg, 'english.almayadeen.net')?.outletId).toBe('lb-almayadeen');
    expect(outletOfHost(reg, 'arabic.rt.com')?.outletId).toBe('ru-rt');
    expect(outletOfHost(reg, 'notrt.com')).toBeNull();
    expect(outletOfHost(reg, 'presstv.ir.example.org')).toBeNull();
    store.close();
  });

  it('reads social links and domains the way the matrix writes them', () => {
    expect(handleOfProfileUrl('https://www.twitter.com/tasnimnews_agency')).toEqual({ platform: 'twitter', handle: 'tasnimnews_agency' });
    expect(handleOfProfileUrl('https://www.youtube.com/channel/UCgrNz-aDmcr2uuto8_DL2jg')).toEqual({ platform: 'youtube', handle: 'ucgrnz-admcr2uuto8_dl2jg' });
    expect(handleOfProfileUrl('https://t.me/rtarabictelegram')).toEqual({ platform: 'telegram', handle: 'rtarabictelegram' });
    expect(domainKey('https://arabic.rt.com/')).toBe('rt.com');
    expect(domainKey('www.cankaoxiaoxi.com')).toBe('cankaoxiaoxi.com');
    expect(domainKey('https://someone.blogspot.com/x')).toBe('someone.blogspot.com');
  });

  it.skipIf(!fs.existsSync(MATRIX))('imports the ASD/GMF State Media Matrix (../shared/data/state_media)', async () => {
    const store = await Store.memory();
    const r = await importStateMediaMatrix(store, fs.readFileSync(MATRIX, 'utf8'));
    expect(r.rows).toBe(1157);
    expect(r.outlets).toBeGreaterThan(500);
    expect(r.domains).toBeGreaterThan(500);
    expect(r.handles).toBeGreaterThan(100);
    const reg = await loadStateMediaRegistry(store);
    // Imported outlets sit beside the built-in ones; the built-in id wins on a shared domain.
    expect(outletOfHost(reg, 'www.presstv.ir')?.outletId).toBe('ir-presstv');
    expect(outletOfHost(reg, 'en.mehrnews.com')?.outletId).toBe('ir-mehr');
    expect(outletOfHost(reg, 'isna.ir')?.outletId).toMatch(/^gmf-iran-/);
    expect(outletOfHost(reg, 'bssnews.net')?.outletId).toMatch(/^gmf-bangladesh-/);
    expect(reg.handles.get('twitter:cgtn')).toBeDefined();
    // Asset names that are country names ("Iran") are not disclosure aliases.
    expect(findDisclosure(reg, ['I love Iran'])).toBeNull();
    // Re-importing replaces, not duplicates.
    const again = await importStateMediaMatrix(store, fs.readFileSync(MATRIX, 'utf8'));
    const n = await store.one<{ n: number }>("SELECT count(*) AS n FROM state_media_outlets WHERE source NOT LIKE 'builtin:%'");
    expect(n?.n).toBe(again.outlets);
    store.close();
  });

  it('rejects a file that is not the matrix', async () => {
    const store = await Store.memory();
    await expect(importStateMediaMatrix(store, 'a,b\n1,2\n')).rejects.toThrow(/not the ASD\/GMF/);
    store.close();
  });
});

describe('state-media findings on synthetic posts', () => {
  it('finds linking posts, undisclosed accounts and shared identifiers, with evidence', async () => {
    const store = await Store.memory();
    await seed(store);
    const scan = await scanStateMedia(store, { nowMs: 1 });
    const undisclosed = scan.findings.filter((f) => f.kind === 'undisclosed_state_media');
    expect(undisclosed.map((f) => f.accountId).sort()).toEqual(['u1', 'u4']);
    const u1 = undisclosed.find((f) => f.accountId === 'u1')!;
    expect(u1.evidence).toMatchObject({ statePosts: 6, linkPosts: 7 });
    expect(u1.reason).toMatch(/6 of 7 link posts/);
    expect(Object.keys(u1.evidence['domains'] as object)).toEqual(expect.arrayContaining(['presstv.ir', 'presstv.com', 'hispantv.com']));
    const linking = scan.findings.filter((f) => f.kind === 'post_links_state_media');
    expect(linking).toHaveLength(6 + 6 + 3 + 5 + 6);
    expect(linking.some((f) => f.outletId === 'lb-almayadeen')).toBe(true);
    const shared = scan.findings.filter((f) => f.kind === 'shared_identifier');
    expect(shared.map((f) => f.accountId).sort()).toEqual(['u1', 'u3', 'u4', 'u6']);
    const stored = await store.one<{ n: number }>('SELECT count(*) AS n FROM state_media_findings');
    expect(stored?.n).toBe(scan.findings.length);
    store.close();
  });

  it('honours the share and count thresholds', async () => {
    const store = await Store.memory();
    await seed(store);
    const strict = await scanStateMedia(store, { minCount: 6 });
    expect(strict.findings.filter((f) => f.kind === 'undisclosed_state_media').map((f) => f.accountId)).toEqual(['u1']);
    const loose = await scanStateMedia(store, { minShare: 0.3, minCount: 3 });
    expect(loose.findings.filter((f) => f.kind === 'undisclosed_state_media').map((f) => f.accountId).sort()).toEqual(['u1', 'u3', 'u4']);
    store.close();
  });

  it('recognises disclosures in three languages and in handles', async () => {
    const store = await Store.memory();
    const reg = await loadStateMediaRegistry(store);
    expect(findDisclosure(reg, ['Press TV correspondent in Beirut'])).toBeTruthy();
    expect(findDisclosure(reg, ['مراسل قناة العالم'])).toBeTruthy();
    expect(findDisclosure(reg, ['کارمند صدا و سیما'])).toBeTruthy();
    expect(findDisclosure(reg, ['works for state media'])).toBeTruthy();
    expect(findDisclosure(reg, [null, 'PressTV_ES', null])).toBeTruthy();
    expect(findDisclosure(reg, ['RTs are not endorsements. Opinions my own.'])).toBeNull();
    store.close();
  });

  it('extracts profile identifiers', () => {
    expect(profileIdentifiers('https://www.Example.org/me/', 'mail x@y.com or +98 912 345 6789, t.me/channelx')).toEqual([
      { kind: 'profile_url', value: 'example.org/me' },
      { kind: 'email', value: 'x@y.com' },
      { kind: 'messenger', value: 't.me/channelx' },
      { kind: 'phone', value: '989123456789' },
    ]);
  });
});
