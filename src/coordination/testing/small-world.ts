/**
 * A small hand-built world for detection tests, written straight into the store tables (the
 * ingest stage is not needed): an organic background with heavy-tailed activity and popularity,
 * a celebrity with fast fans, a breaking-news burst, a fast retweet ring around personas on
 * aged, authentic-looking accounts, and a copy-paste group with small edits. Seeded; the planted
 * and trap account ids are returned so tests can score findings without hard-coded results.
 */
import type { Store } from '../../store/index.ts';
import { createRng } from '../cluster-graph.ts';

export interface SmallWorld {
  ring: string[];
  personas: string[];
  copyPaste: string[];
  fans: string[];
  news: string[];
  posts: number;
}

const DAY = 86_400_000;
const WORDS = (
  'the of people city market government water school night music team game rain road price family today news ' +
  'friend film book week morning light house river coffee train doctor street garden money power sport health'
).split(' ');

interface PostRow {
  id: string;
  account: string;
  time: number;
  kind: 'original' | 'retweet';
  ref: string | null;
  refAccount: string | null;
  text: string;
  client: string;
  urls: string[];
  tags: string[];
}

/** Builds the world into `store` and returns who is who. */
export async function buildSmallWorld(store: Store, seed: number, scale = 1): Promise<SmallWorld> {
  const rng = createRng(seed);
  const int = (n: number): number => Math.floor(rng() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const start = Date.UTC(2024, 0, 1);
  const days = 20;
  const nOrganic = Math.round(400 * scale);
  const accounts: { id: string; created: number; handle: string; followers: number; following: number; desc: string; client: string }[] = [];
  const organic: string[] = [];
  for (let i = 0; i < nOrganic; i++) {
    const id = `o${i}`;
    organic.push(id);
    accounts.push({
      id,
      created: start - int(3000) * DAY,
      handle: `${pick(WORDS)}_${pick(WORDS)}`,
      followers: Math.round(Math.exp(3 + 2 * rng())),
      following: 50 + int(500),
      desc: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      client: pick(['iphone', 'android', 'web', 'ipad']),
    });
  }
  const celeb = 'celeb';
  accounts.push({ id: celeb, created: start - 3000 * DAY, handle: 'celebrity', followers: 5_000_000, following: 100, desc: 'star', client: 'iphone' });
  const fans = organic.slice(0, 8);
  const news = organic.slice(20, 20 + Math.round(80 * scale));
  const ring: string[] = [];
  const personas: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = `persona${i}`;
    personas.push(id);
    accounts.push({ id, created: start - (400 + int(2000)) * DAY, handle: `${pick(WORDS)}news`, followers: 300 + int(400), following: 200, desc: `news from the ${pick(WORDS)}`, client: 'web' });
  }
  for (let i = 0; i < 16; i++) {
    const id = `ring${i}`;
    ring.push(id);
    // Aged, varied accounts: the ring is found by behaviour, not by its profiles.
    accounts.push({ id, created: start - int(3000) * DAY, handle: `${pick(WORDS)}_${pick(WORDS)}`, followers: 40 + int(400), following: 100 + int(300), desc: `${pick(WORDS)} ${pick(WORDS)}`, client: pick(['iphone', 'android', 'web']) });
  }
  const copyPaste: string[] = [];
  for (let i = 0; i < 12; i++) {
    const id = `cp${i}`;
    copyPaste.push(id);
    accounts.push({ id, created: start - 30 * DAY + int(5) * DAY, handle: `user${100000 + int(900000)}`, followers: int(5), following: 300 + int(200), desc: '', client: 'bulkposter' });
  }

  const posts: PostRow[] = [];
  let seq = 0;
  const newId = (): string => `p${++seq}`;
  const text = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  // Organic originals with heavy-tailed activity.
  const originals: PostRow[] = [];
  for (const a of organic) {
    const n = Math.floor(Math.exp(rng() * 3.2));
    for (let i = 0; i < n; i++) {
      const p: PostRow = { id: newId(), account: a, time: start + int(days * DAY), kind: 'original', ref: null, refAccount: null, text: text(6 + int(14)), client: accounts.find((x) => x.id === a)!.client, urls: rng() < 0.2 ? [`https://site${int(60)}.com/a/${int(300)}`] : [], tags: rng() < 0.2 ? [pick(WORDS), pick(WORDS)] : [] };
      originals.push(p);
      posts.push(p);
    }
  }
  // Organic retweets: preferential (popular posts get more), spread over hours.
  for (const a of organic) {
    const n = Math.floor(Math.exp(rng() * 3));
    for (let i = 0; i < n; i++) {
      const src = originals[Math.floor(originals.length * rng() * rng())]!;
      if (src.account === a) continue;
      posts.push({ id: newId(), account: a, time: src.time + Math.round(-Math.log(1 - rng()) * 4 * 3600_000), kind: 'retweet', ref: src.id, refAccount: src.account, text: src.text, client: 'web', urls: [], tags: [] });
    }
  }
  // Celebrity posts: many organic retweets over hours; fans within 30–150 s.
  for (let i = 0; i < 30; i++) {
    const c: PostRow = { id: newId(), account: celeb, time: start + int(days * DAY), kind: 'original', ref: null, refAccount: null, text: text(12), client: 'iphone', urls: [], tags: [] };
    posts.push(c);
    for (const a of organic.slice(8)) {
      if (rng() < 0.25) posts.push({ id: newId(), account: a, time: c.time + 150_000 + Math.round(-Math.log(1 - rng()) * 3 * 3600_000), kind: 'retweet', ref: c.id, refAccount: celeb, text: c.text, client: 'web', urls: [], tags: [] });
    }
    for (const f of fans) {
      if (rng() < 0.85) posts.push({ id: newId(), account: f, time: c.time + 30_000 + int(120_000), kind: 'retweet', ref: c.id, refAccount: celeb, text: c.text, client: 'iphone', urls: [], tags: [] });
    }
  }
  // Breaking news: one burst, the same article and hashtags, different words.
  const burst = start + 7 * DAY;
  for (const a of news) {
    posts.push({ id: newId(), account: a, time: burst + int(20 * 60_000), kind: 'original', ref: null, refAccount: null, text: `earthquake ${text(8)}`, client: 'android', urls: ['https://bignews.com/quake'], tags: ['quake', 'breaking'] });
  }
  // Ring: persona posts retweeted by most of the ring within seconds.
  for (let i = 0; i < 60; i++) {
    const persona = pick(personas);
    const p: PostRow = { id: newId(), account: persona, time: start + int(days * DAY), kind: 'original', ref: null, refAccount: null, text: text(15), client: 'web', urls: [], tags: [] };
    posts.push(p);
    for (const r of ring) {
      if (rng() < 0.7) posts.push({ id: newId(), account: r, time: p.time + 2000 + int(25_000), kind: 'retweet', ref: p.id, refAccount: persona, text: p.text, client: 'web', urls: [], tags: [] });
    }
  }
  // Ring members also retweet some organic content (camouflage).
  for (const r of ring) {
    for (let i = 0; i < 10; i++) {
      const src = pick(originals);
      posts.push({ id: newId(), account: r, time: src.time + int(6 * 3600_000), kind: 'retweet', ref: src.id, refAccount: src.account, text: src.text, client: 'web', urls: [], tags: [] });
    }
  }
  // Copy-paste: 25 messages of 20 words, each posted by most members with one or two words changed.
  for (let m = 0; m < 25; m++) {
    const base = Array.from({ length: 20 }, () => pick(WORDS));
    const t0 = start + int(days * DAY);
    for (const a of copyPaste) {
      if (rng() < 0.3) continue;
      const words = [...base];
      for (let e = 0; e < 1 + int(2); e++) words[int(words.length)] = `${pick(WORDS)}x`;
      posts.push({ id: newId(), account: a, time: t0 + int(40 * 60_000), kind: 'original', ref: null, refAccount: null, text: words.join(' '), client: 'bulkposter', urls: [], tags: [] });
    }
  }

  const ap = await store.appender('accounts');
  for (const a of accounts) {
    for (const v of ['twitter', a.id, 'account', a.handle, a.handle, a.desc === '' ? null : a.desc, null, null]) {
      if (v === null) ap.appendNull();
      else ap.appendVarchar(v);
    }
    ap.appendBigInt(BigInt(a.followers));
    ap.appendBigInt(BigInt(a.following));
    ap.appendBigInt(BigInt(a.created));
    ap.appendVarchar('en');
    ap.appendNull();
    ap.appendNull();
    ap.endRow();
  }
  ap.flushSync();
  ap.closeSync();
  await store.run('CREATE TEMP TABLE w_posts (post_id VARCHAR, account_id VARCHAR, time_ms BIGINT, kind VARCHAR, ref VARCHAR, ref_account VARCHAR, text VARCHAR, client VARCHAR)');
  await store.run('CREATE TEMP TABLE w_objects (post_id VARCHAR, account_id VARCHAR, time_ms BIGINT, object_type VARCHAR, object_id VARCHAR)');
  const pp = await store.appender('w_posts');
  const po = await store.appender('w_objects');
  const obj = (p: PostRow, type: string, id: string): void => {
    po.appendVarchar(p.id);
    po.appendVarchar(p.account);
    po.appendBigInt(BigInt(p.time));
    po.appendVarchar(type);
    po.appendVarchar(id);
    po.endRow();
  };
  for (const p of posts) {
    pp.appendVarchar(p.id);
    pp.appendVarchar(p.account);
    pp.appendBigInt(BigInt(p.time));
    pp.appendVarchar(p.kind);
    if (p.ref === null) pp.appendNull();
    else pp.appendVarchar(p.ref);
    if (p.refAccount === null) pp.appendNull();
    else pp.appendVarchar(p.refAccount);
    pp.appendVarchar(p.text);
    pp.appendVarchar(p.client);
    pp.endRow();
    if (p.ref !== null) obj(p, 'retweet', p.ref);
    for (const u of p.urls) {
      obj(p, 'url', u);
      obj(p, 'domain', new URL(u).hostname);
    }
    for (const t of p.tags) obj(p, 'hashtag', t);
    if (new Set(p.tags).size >= 2) obj(p, 'hashtag_set', [...new Set(p.tags)].sort().join(' '));
  }
  pp.flushSync();
  pp.closeSync();
  po.flushSync();
  po.closeSync();
  await store.run(
    `INSERT INTO posts (platform, post_id, account_id, time_ms, kind, ref_post_id, ref_account_id, text, client)
     SELECT 'twitter', post_id, account_id, time_ms, kind, ref, ref_account, text, client FROM w_posts`,
  );
  await store.run(
    `INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id)
     SELECT 'twitter', post_id, account_id, time_ms, object_type, object_id FROM w_objects`,
  );
  await store.run('DROP TABLE w_posts');
  await store.run('DROP TABLE w_objects');
  return { ring, personas, copyPaste, fans, news, posts: posts.length };
}
