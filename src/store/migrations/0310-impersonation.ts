import type { Migration } from '../migrate.ts';

/**
 * Impersonation: the protected identities (real politicians, candidates, journalists, outlets,
 * officials: one row per name or handle, as imported) and the accounts suspected of posing as
 * them, with the reasons and the cluster of accounts impersonating the same identity.
 */
export const impersonationMigration: Migration = {
  id: '0310-impersonation',
  description: 'protected identities, impersonation findings',
  sql: `
CREATE TABLE protected_identities (
  identity_id   VARCHAR NOT NULL,
  name          VARCHAR,                       -- a name in any script
  handle        VARCHAR,                       -- a genuine handle, without '@'
  account_id    VARCHAR,                       -- a genuine account id (never flagged)
  role          VARCHAR,                       -- politician | candidate | journalist | outlet | official | …
  profile_pdq   VARCHAR                        -- PDQ of a genuine profile picture
);

CREATE TABLE impersonation_findings (
  run_ms        BIGINT  NOT NULL,
  platform      VARCHAR,
  account_id    VARCHAR NOT NULL,
  identity_id   VARCHAR NOT NULL,
  score         DOUBLE  NOT NULL,              -- [0,1]
  reasons       JSON    NOT NULL,              -- ["handle 'j0hnsmith' is a look-alike of 'johnsmith' (o/0)", …]
  evidence      JSON,                          -- matched name/handle, similarities, image distance
  cluster_id    VARCHAR                        -- 'imp:<identity_id>' when ≥ 2 accounts impersonate it
);
`,
};
