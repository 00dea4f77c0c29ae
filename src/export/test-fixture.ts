/**
 * A small, realistic findings set for the export tests, written into a store exactly as ingest,
 * `takedown detect`, classify and the case workflow write it (detection is built in parallel, so
 * the tables are filled by hand): an Iran-style network on Twitter, Facebook (account, Page,
 * Group) and Instagram whose names and texts carry HTML/script injection and spreadsheet formulas,
 * a smaller coordinated pair, an organic pair, an older detect run, policy hits and decisions.
 */
import type { Store } from '../store/index.ts';

/** Minute-aligned base time: 2020-03-01T00:00:00Z. */
export const FIXTURE_T0 = Date.UTC(2020, 2, 1);
const DAY = 86_400_000;
const MIN = 60_000;

export const INJECT_SCRIPT = '<script>alert(1)</script>';
export const INJECT_IMG = '"><img src=x onerror=alert(1)>';

export interface FixtureAccount {
  platform: string;
  id: string;
  surface: string;
  name: string;
  handle: string | null;
  description: string | null;
  profileUrl: string | null;
  location: string | null;
  followers: number;
  following: number;
  createdMs: number;
  language: string | null;
}

const acct = (a: Partial<FixtureAccount> & Pick<FixtureAccount, 'platform' | 'id' | 'name' | 'followers' | 'createdMs'>): FixtureAccount => ({
  surface: 'account',
  handle: null,
  description: null,
  profileUrl: null,
  location: null,
  following: 100,
  language: null,
  ...a,
});

export const FIXTURE_ACCOUNTS: readonly FixtureAccount[] = [
  // Network 1 (likely_cib): the personas.
  acct({ platform: 'twitter', id: '8100000000000000001', name: INJECT_SCRIPT, handle: 'fakejournal_1984', description: 'Independent journalist covering Washington. DMs open', profileUrl: 'https://fake-news-ir.example/about?a=1&b=<x>', location: 'Tehran, Iran', followers: 120, following: 2000, createdMs: Date.UTC(2020, 0, 5, 10, 30), language: 'fa' }),
  acct({ platform: 'twitter', id: '8100000000000000002', name: INJECT_IMG, handle: 'ny_reporter_2020', description: '=HYPERLINK("http://evil.example","click")', location: 'New York, NY', followers: 340, following: 1500, createdMs: Date.UTC(2020, 0, 6, 8), language: 'en' }),
  acct({ platform: 'twitter', id: '8100000000000000003', name: 'Big News IR', handle: 'BigNewsIR', description: 'News from Iran', location: 'Iran', followers: 15000, following: 30, createdMs: Date.UTC(2019, 4, 1), language: 'fa' }),
  acct({ platform: 'twitter', id: '8100000000000000004', name: 'Sara Tehrani', handle: 'sara_tehrani88', description: 'Progressive. Candidate for the House.', location: 'Tehran, Iran', followers: 4999, following: 4000, createdMs: Date.UTC(2020, 0, 7, 23), language: 'fa' }),
  acct({ platform: 'facebook', id: 'fb-page-501', surface: 'page', name: 'Voice of Truth', description: 'Real news', location: 'United States', followers: 5400, createdMs: Date.UTC(2020, 0, 10), language: 'en' }),
  acct({ platform: 'facebook', id: 'fb-group-601', surface: 'group', name: 'Patriots United', followers: 800, createdMs: Date.UTC(2020, 0, 11), language: 'en' }),
  acct({ platform: 'facebook', id: 'fb-user-701', name: 'Jon Carter', followers: 40, createdMs: Date.UTC(2020, 0, 8), language: 'en', location: 'Ohio' }),
  acct({ platform: 'instagram', id: 'ig-801', name: 'truth.voice', handle: 'truth.voice', followers: 2200, createdMs: Date.UTC(2020, 1, 2), language: 'en' }),
  // Network 2 (coordinated).
  acct({ platform: 'twitter', id: '8200000000000000001', name: 'Amplifier One', handle: 'amplifier_one', followers: 50, createdMs: Date.UTC(2020, 1, 1), language: 'ar' }),
  acct({ platform: 'twitter', id: '8200000000000000002', name: 'Amplifier Two', handle: 'amplifier_two', followers: 60, createdMs: Date.UTC(2020, 1, 1, 1), language: 'ar' }),
  // Network 3 (not_coordinated).
  acct({ platform: 'twitter', id: '8300000000000000001', name: 'Random Person', handle: 'random_person', followers: 7000, createdMs: Date.UTC(2015, 3, 3), language: 'en' }),
  acct({ platform: 'twitter', id: '8300000000000000002', name: 'Another Person', handle: 'another_person', followers: 10, createdMs: Date.UTC(2016, 3, 3), language: 'en' }),
  // Accounts the network talks to, in no cluster.
  acct({ platform: 'twitter', id: '8900000000000000009', name: 'Quiet Outsider', handle: 'outsider_small', followers: 100, createdMs: Date.UTC(2018, 1, 1), language: 'en' }),
  acct({ platform: 'twitter', id: '8900000000000000008', name: 'Famous Outlet', handle: 'famous_outlet', followers: 900_000, createdMs: Date.UTC(2010, 1, 1), language: 'en' }),
];

export interface FixturePost {
  platform: string;
  id: string;
  account: string;
  timeMs: number;
  kind: 'original' | 'retweet' | 'reply' | 'quote';
  text: string;
  refPost?: string;
  refAccount?: string;
  language?: string;
  client?: string;
  hashtags?: string[];
  urls?: string[];
  mentions?: string[];
  likes?: number;
}

const T1 = '8100000000000000001';
const T2 = '8100000000000000002';
const T3 = '8100000000000000003';
const T4 = '8100000000000000004';
const OUT_SMALL = '8900000000000000009';
const OUT_BIG = '8900000000000000008';

export const FIXTURE_POSTS: readonly FixturePost[] = [
  { platform: 'twitter', id: '1300000000000000101', account: T1, timeMs: FIXTURE_T0 + 10 * MIN, kind: 'original', text: `Breaking: ${INJECT_SCRIPT} the truth about the election https://fake-news-ir.example/story1 #IranNews #Truth`, hashtags: ['IranNews', 'Truth'], urls: ['https://fake-news-ir.example/story1'], language: 'en', client: 'Twitter Web App', likes: 3 },
  { platform: 'twitter', id: '1300000000000000102', account: T2, timeMs: FIXTURE_T0 + 11 * MIN, kind: 'retweet', text: `RT @fakejournal_1984: Breaking: ${INJECT_SCRIPT} the truth about the election https://fake-news-ir.example/story1 #IranNews #Truth`, refPost: '1300000000000000101', refAccount: T1, hashtags: ['IranNews', 'Truth'], urls: ['https://fake-news-ir.example/story1'], mentions: [T1], language: 'en', client: 'Twitter Web App' },
  { platform: 'twitter', id: '1300000000000000103', account: T4, timeMs: FIXTURE_T0 + 12 * MIN, kind: 'retweet', text: `RT @fakejournal_1984: Breaking: ${INJECT_SCRIPT} the truth about the election https://fake-news-ir.example/story1 #IranNews #Truth`, refPost: '1300000000000000101', refAccount: T1, hashtags: ['IranNews', 'Truth'], urls: ['https://fake-news-ir.example/story1'], mentions: [T1], language: 'en', client: 'Twitter Web App' },
  { platform: 'twitter', id: '1300000000000000104', account: T3, timeMs: FIXTURE_T0 + DAY + 5 * MIN, kind: 'retweet', text: 'RT @famous_outlet: Official statement on the talks', refPost: '1300000000000000900', refAccount: OUT_BIG, mentions: [OUT_BIG], language: 'en', client: 'Twitter for iPhone' },
  { platform: 'twitter', id: '1300000000000000105', account: T1, timeMs: FIXTURE_T0 + DAY + 20 * MIN, kind: 'reply', text: '@outsider_small you are wrong, read https://fake-news-ir.example/story2?utm_source=x', refPost: '1300000000000000901', refAccount: OUT_SMALL, urls: ['https://fake-news-ir.example/story2?utm_source=x'], mentions: [OUT_SMALL], language: 'en', client: 'Twitter Web App' },
  { platform: 'twitter', id: '1300000000000000106', account: T2, timeMs: FIXTURE_T0 + 2 * DAY + 3 * MIN, kind: 'original', text: `@sara_tehrani88 look at this ${INJECT_IMG} and tell Sara Tehrani`, mentions: [T4], language: 'en', client: 'Twitter Web App' },
  { platform: 'twitter', id: '1300000000000000107', account: T4, timeMs: FIXTURE_T0 + 2 * DAY + 4 * MIN, kind: 'original', text: '=1+1 glory to the martyr commander, شهید سلیمانی', hashtags: ['Soleimani'], language: 'fa', client: 'Twitter Web App' },
  { platform: 'twitter', id: '1300000000000000108', account: T1, timeMs: FIXTURE_T0 + 3 * DAY, kind: 'quote', text: 'Exactly what @ny_reporter_2020 said, "quoted" \'text\'', refPost: '1300000000000000106', refAccount: T2, mentions: [T2], language: 'en', client: 'Twitter Web App' },
  { platform: 'facebook', id: 'fbp-1', account: 'fb-page-501', timeMs: FIXTURE_T0 + 15 * MIN, kind: 'original', text: 'The truth about the election https://fake-news-ir.example/story1', urls: ['https://fake-news-ir.example/story1'], language: 'en' },
  { platform: 'facebook', id: 'fbp-2', account: 'fb-group-601', timeMs: FIXTURE_T0 + DAY + 30 * MIN, kind: 'original', text: `Share this! ${INJECT_IMG} https://fake-news-ir.example/story2`, urls: ['https://fake-news-ir.example/story2'], language: 'en' },
  { platform: 'facebook', id: 'fbp-3', account: 'fb-user-701', timeMs: FIXTURE_T0 + 4 * DAY, kind: 'original', text: 'Patriots, read https://fake-news-ir.example/story1', urls: ['https://fake-news-ir.example/story1'], language: 'en' },
  { platform: 'instagram', id: 'igp-1', account: 'ig-801', timeMs: FIXTURE_T0 + 2 * DAY, kind: 'original', text: '#Truth #IranNews a picture says it all', hashtags: ['Truth', 'IranNews'], language: 'en' },
  { platform: 'twitter', id: '1300000000000000201', account: '8200000000000000001', timeMs: FIXTURE_T0 + 5 * DAY, kind: 'retweet', text: 'RT @famous_outlet: Official statement on the talks', refPost: '1300000000000000900', refAccount: OUT_BIG, mentions: [OUT_BIG], language: 'ar' },
  { platform: 'twitter', id: '1300000000000000202', account: '8200000000000000002', timeMs: FIXTURE_T0 + 5 * DAY + MIN, kind: 'retweet', text: 'RT @famous_outlet: Official statement on the talks', refPost: '1300000000000000900', refAccount: OUT_BIG, mentions: [OUT_BIG], language: 'ar' },
  { platform: 'twitter', id: '1300000000000000301', account: '8300000000000000001', timeMs: FIXTURE_T0 + 6 * DAY, kind: 'original', text: 'Nice weather today', language: 'en' },
  { platform: 'twitter', id: '1300000000000000302', account: '8300000000000000002', timeMs: FIXTURE_T0 + 6 * DAY + 7 * MIN, kind: 'original', text: 'Lovely weather', language: 'en' },
];

export interface FixtureEdge {
  cluster: string;
  a: string;
  b: string;
  signal: string;
  weight: number;
  q: number;
  evidence: { post_a: string; post_b: string; object_type: string; object_id: string; delta_ms: number }[];
}

export const FIXTURE_EDGES: readonly FixtureEdge[] = [
  { cluster: 'c1', a: T2, b: T4, signal: 'co_retweet', weight: 1, q: 0.001, evidence: [{ post_a: '1300000000000000102', post_b: '1300000000000000103', object_type: 'retweet', object_id: '1300000000000000101', delta_ms: MIN }] },
  { cluster: 'c1', a: T2, b: T4, signal: 'sync_activity', weight: 2, q: 0.01, evidence: [] },
  { cluster: 'c1', a: T1, b: 'fb-page-501', signal: 'co_url', weight: 1, q: 0.02, evidence: [{ post_a: '1300000000000000101', post_b: 'fbp-1', object_type: 'url', object_id: 'fake-news-ir.example/story1', delta_ms: 5 * MIN }] },
  { cluster: 'c1', a: 'fb-group-601', b: T1, signal: 'co_url', weight: 1, q: 0.03, evidence: [{ post_a: '1300000000000000105', post_b: 'fbp-2', object_type: 'url', object_id: 'fake-news-ir.example/story2', delta_ms: 10 * MIN }] },
  { cluster: 'c1', a: 'fb-page-501', b: 'fb-user-701', signal: 'near_text', weight: 0.8, q: 0.04, evidence: [{ post_a: 'fbp-1', post_b: 'fbp-3', object_type: 'text', object_id: 'abc', delta_ms: 4 * DAY }] },
  { cluster: 'c1', a: T1, b: 'ig-801', signal: 'co_hashtag_set', weight: 1, q: 0.05, evidence: [{ post_a: '1300000000000000101', post_b: 'igp-1', object_type: 'hashtag_set', object_id: 'irannews truth', delta_ms: 2 * DAY }] },
  { cluster: 'c1', a: T3, b: T1, signal: 'sync_activity', weight: 1, q: 0.045, evidence: [] },
  { cluster: 'c2', a: '8200000000000000001', b: '8200000000000000002', signal: 'co_retweet', weight: 1, q: 0.01, evidence: [{ post_a: '1300000000000000201', post_b: '1300000000000000202', object_type: 'retweet', object_id: '1300000000000000900', delta_ms: MIN }] },
  { cluster: 'c3', a: '8300000000000000001', b: '8300000000000000002', signal: 'sync_activity', weight: 1, q: 0.4, evidence: [] },
];

export const FIXTURE_RUN = { runId: 'run-2', createdMs: Date.UTC(2020, 2, 20, 12) };

export interface FixtureOptions {
  /** Also create impersonation and protected-identity tables (as the identity stage will). */
  withImpersonation?: boolean;
}

/** Fills `store` with the fixture findings. */
export async function fillFixtureStore(store: Store, options: FixtureOptions = {}): Promise<void> {
  for (const a of FIXTURE_ACCOUNTS) {
    await store.run(
      `INSERT INTO accounts (platform, account_id, surface, display_name, handle, description, profile_url, reported_location,
                             followers, following, created_ms, language) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [a.platform, a.id, a.surface, a.name, a.handle, a.description, a.profileUrl, a.location, a.followers, a.following, a.createdMs, a.language],
    );
  }
  for (const p of FIXTURE_POSTS) {
    await store.run(
      `INSERT INTO posts (platform, post_id, account_id, time_ms, kind, ref_post_id, ref_account_id, reply_to_post_id, reply_to_account_id,
                          quote_of_post_id, text, language, client, like_count, retweet_count, reply_count, quote_count)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,0,0,0)`,
      [
        p.platform, p.id, p.account, p.timeMs, p.kind, p.refPost ?? null, p.refAccount ?? null,
        p.kind === 'reply' ? (p.refPost ?? null) : null, p.kind === 'reply' ? (p.refAccount ?? null) : null,
        p.kind === 'quote' ? (p.refPost ?? null) : null, p.text, p.language ?? null, p.client ?? null, p.likes ?? 0,
      ],
    );
    const objects: [string, string, string | null][] = [];
    for (const h of p.hashtags ?? []) objects.push(['hashtag', h.toLowerCase(), h]);
    for (const u of p.urls ?? []) {
      objects.push(['url', u.replace(/^https?:\/\//, '').replace(/[?#].*$/, ''), u]);
      objects.push(['domain', new URL(u).hostname, null]);
    }
    for (const m of p.mentions ?? []) objects.push(['mention', m, null]);
    if (p.kind === 'retweet' && p.refPost) objects.push(['retweet', p.refPost, null]);
    for (const [type, id, raw] of objects) {
      await store.run(
        'INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id, raw) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [p.platform, p.id, p.account, p.timeMs, type, id, raw],
      );
    }
  }

  // An older run that must not be picked by default.
  await store.run("INSERT INTO detect_runs (run_id, created_ms, parameters) VALUES ('run-1', $1, '{}')", [FIXTURE_RUN.createdMs - DAY]);
  await store.run(
    "INSERT INTO clusters (run_id, cluster_id, rank, verdict, score, reason) VALUES ('run-1', 'c1', 1, 'likely_cib', 0.5, 'old run')",
  );
  await store.run("INSERT INTO cluster_accounts (run_id, cluster_id, platform, account_id) VALUES ('run-1', 'c1', 'twitter', $1)", [T3]);

  const run = FIXTURE_RUN.runId;
  await store.run('INSERT INTO detect_runs (run_id, created_ms, parameters) VALUES ($1, $2, $3)', [
    run,
    FIXTURE_RUN.createdMs,
    JSON.stringify({ window_s: 60, alpha: 0.05 }),
  ]);
  const clusters = [
    { id: 'c1', rank: 1, verdict: 'likely_cib', score: 0.91, reason: 'Eight accounts on three platforms shared the same posts and links within minutes; personas created in a batch; one impersonates a candidate.', indicators: [
      { indicator: 'creation_batch', accounts: [T1, T2, T4], detail: 'created within 3 days' },
      { indicator: 'impersonation', accounts: [T4], detail: 'claims to be a House candidate' },
      { indicator: 'undisclosed_state_media', accounts: [T3], detail: 'links dominated by state media' },
      { indicator: 'policy_violations', accounts: [T4], detail: '1 glorifying post' },
    ] },
    { id: 'c2', rank: 2, verdict: 'coordinated', score: 0.6, reason: 'Two accounts retweet the same posts within a minute.', indicators: [{ indicator: 'creation_batch', accounts: ['8200000000000000001', '8200000000000000002'] }] },
    { id: 'c3', rank: 3, verdict: 'not_coordinated', score: 0.1, reason: 'Synchronised activity explained by chance.', indicators: [] },
  ];
  const members: Record<string, [string, string][]> = {
    c1: [['twitter', T1], ['twitter', T2], ['twitter', T3], ['twitter', T4], ['facebook', 'fb-page-501'], ['facebook', 'fb-group-601'], ['facebook', 'fb-user-701'], ['instagram', 'ig-801']],
    c2: [['twitter', '8200000000000000001'], ['twitter', '8200000000000000002']],
    c3: [['twitter', '8300000000000000001'], ['twitter', '8300000000000000002']],
  };
  for (const c of clusters) {
    const edges = FIXTURE_EDGES.filter((e) => e.cluster === c.id);
    const bySignal = new Map<string, number>();
    for (const e of edges) bySignal.set(e.signal, (bySignal.get(e.signal) ?? 0) + 1);
    const signals = [...bySignal.entries()].map(([signal, n]) => ({ signal, edges: n }));
    const ids = new Set((members[c.id] ?? []).map(([, id]) => id));
    const times = FIXTURE_POSTS.filter((p) => ids.has(p.account)).map((p) => p.timeMs);
    await store.run(
      `INSERT INTO clusters (run_id, cluster_id, rank, verdict, score, reason, first_ms, last_ms, signals, indicators, detail)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'{}')`,
      [run, c.id, c.rank, c.verdict, c.score, c.reason, Math.min(...times), Math.max(...times), JSON.stringify(signals), JSON.stringify(c.indicators)],
    );
    for (const [platform, id] of members[c.id] ?? []) {
      await store.run('INSERT INTO cluster_accounts (run_id, cluster_id, platform, account_id, role) VALUES ($1,$2,$3,$4,$5)', [
        run, c.id, platform, id, 'member',
      ]);
    }
    for (const e of edges) {
      await store.run('INSERT INTO edges (run_id, cluster_id, a, b, signal, weight, p_value, q_value, evidence) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)', [
        run, e.cluster, e.a, e.b, e.signal, e.weight, e.q / 10, e.q, JSON.stringify(e.evidence),
      ]);
    }
  }

  await store.run(
    `INSERT INTO policy_results (platform, post_id, account_id, violating, label, entities, reasons, classified_ms)
     VALUES ('twitter', '1300000000000000107', $1, true, 'glorification', '[{"id":"irgc-qf-soleimani","name":"Qassem Soleimani"}]', '["praise next to a designated individual"]', $2)`,
    [T4, FIXTURE_RUN.createdMs],
  );

  const decide = async (caseId: string, platform: string, id: string, surface: string, action: string, status: string, at: number): Promise<void> => {
    await store.run(
      `INSERT INTO decisions (case_id, platform, account_id, surface, action, policy, status, decided_by, decided_ms)
       VALUES ($1,$2,$3,$4,$5,'coordinated_inauthentic_behaviour',$6,'reviewer',$7)`,
      [caseId, platform, id, surface, action, status, at],
    );
  };
  const at = FIXTURE_RUN.createdMs + DAY;
  await decide('case-1', 'twitter', T1, 'account', 'remove', 'decided', at);
  await decide('case-1', 'twitter', T2, 'account', 'suspend', 'upheld', at);
  await decide('case-1', 'facebook', 'fb-page-501', 'page', 'remove', 'decided', at);
  await decide('case-1', 'twitter', T4, 'account', 'remove', 'overturned', at);

  if (options.withImpersonation) {
    // The identity stage's tables (migration 0310); earlier runs of the finder must be ignored.
    await store.run(
      "INSERT INTO protected_identities (identity_id, name, handle, account_id, role) VALUES ('id-sara', 'Sara Tehrani', 'SaraTehrani', '7777', 'House candidate'), ('id-nyt', 'NY Reporter <b>Jane</b>', 'nyreporter', '7778', 'journalist')",
    );
    await store.run(
      `INSERT INTO impersonation_findings (run_ms, platform, account_id, identity_id, score, reasons) VALUES
         ($3, 'twitter', $1, 'id-sara', 0.93, '["confusable name","bio claims candidacy"]'),
         ($3, 'twitter', $2, 'id-nyt', 0.8, '["look-alike handle"]'),
         ($4, 'twitter', $2, 'id-sara', 0.5, '["an older run"]')`,
      [T4, T2, FIXTURE_RUN.createdMs, FIXTURE_RUN.createdMs - DAY],
    );
  }
}

/** Ids, names and handles of the fixture's accounts under 5,000 followers (must never appear raw in a release). */
export function listSmallAccountIdentifiers(): string[] {
  return FIXTURE_ACCOUNTS.filter((a) => a.followers < 5000).flatMap((a) => [a.id, a.name, ...(a.handle ? [a.handle] : [])]);
}
