import type { Migration } from '../migrate.ts';

/**
 * Findings of `takedown detect`, kept so that reports, exports, cases and the web app read the
 * same figures as findings.json. A run replaces nothing: each detect run has its own run_id and
 * readers take the latest (detect_runs.created_ms).
 */
export const findingsMigration: Migration = {
  id: '0100-findings',
  description: 'detect runs, clusters, cluster accounts, edges with evidence',
  sql: `
CREATE TABLE detect_runs (
  run_id        VARCHAR PRIMARY KEY,
  created_ms    BIGINT NOT NULL,
  parameters    JSON,                          -- the findings.json "parameters" object
  seeds         JSON                           -- seed account ids given, if any
);

CREATE TABLE clusters (
  run_id        VARCHAR NOT NULL,
  cluster_id    VARCHAR NOT NULL,
  rank          INTEGER NOT NULL,              -- 1 = first in findings.json
  verdict       VARCHAR NOT NULL,              -- likely_cib | coordinated | not_coordinated
  score         DOUBLE  NOT NULL,              -- [0,1]
  reason        VARCHAR NOT NULL,              -- one sentence saying why
  first_ms      BIGINT,
  last_ms       BIGINT,
  signals       JSON,                          -- [{signal, edges, pairs, ...}]
  indicators    JSON,                          -- [{indicator, accounts, detail}]
  detail        JSON                           -- everything else of the cluster object in findings.json
);

CREATE TABLE cluster_accounts (
  run_id        VARCHAR NOT NULL,
  cluster_id    VARCHAR NOT NULL,
  platform      VARCHAR,
  account_id    VARCHAR NOT NULL,
  role          VARCHAR NOT NULL DEFAULT 'member' -- member | amplified | seed
);

CREATE TABLE edges (
  run_id        VARCHAR NOT NULL,
  cluster_id    VARCHAR,
  a             VARCHAR NOT NULL,
  b             VARCHAR NOT NULL,
  signal        VARCHAR NOT NULL,
  weight        DOUBLE  NOT NULL,
  p_value       DOUBLE,
  q_value       DOUBLE,
  evidence      JSON                           -- [{post_a, post_b, object_type, object_id, delta_ms}]
);
`,
};
