import type { Migration } from '../migrate.ts';

/** Results of `takedown classify --db`: one row per post and classifier run. */
export const policyMigration: Migration = {
  id: '0200-policy',
  description: 'policy hits of the post classifier',
  sql: `
CREATE TABLE policy_results (
  platform      VARCHAR,
  post_id       VARCHAR NOT NULL,
  account_id    VARCHAR,
  violating     BOOLEAN NOT NULL,
  label         VARCHAR NOT NULL,              -- glorification | support | representation | news_reporting | condemnation | neutral | unrelated
  entities      JSON,                          -- [{id, name, designations, tier}]
  reasons       JSON,                          -- ["matched 'martyr' next to entity irgc-qf-soleimani", …]
  classified_ms BIGINT NOT NULL
);
`,
};
