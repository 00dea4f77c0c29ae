import type { Migration } from '../migrate.ts';

/**
 * State-affiliated media: the registry of outlets (built-in facts and imported lists) with their
 * domains and handles, and findings (posts linking them, accounts dominated by them without
 * disclosure, identifiers shared across accounts), each with its evidence.
 */
export const stateMediaMigration: Migration = {
  id: '0320-state-media',
  description: 'state media registry and findings',
  sql: `
CREATE TABLE state_media_outlets (
  outlet_id     VARCHAR NOT NULL,
  name          VARCHAR NOT NULL,
  country       VARCHAR,
  typology      VARCHAR,                       -- ASD/GMF typology (SC, CaPu, …) when known
  parent        VARCHAR,                       -- e.g. 'IRIB'
  source        VARCHAR NOT NULL               -- where the facts come from
);

CREATE TABLE state_media_identifiers (
  outlet_id     VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,              -- domain | handle
  platform      VARCHAR,                       -- for handles: twitter, facebook, youtube, instagram, telegram, …
  value         VARCHAR NOT NULL,              -- registrable domain or host, lower case; handle lower case without '@'
  source        VARCHAR NOT NULL
);

CREATE TABLE state_media_findings (
  run_ms        BIGINT  NOT NULL,
  kind          VARCHAR NOT NULL,              -- post_links_state_media | undisclosed_state_media | shared_identifier
  platform      VARCHAR,
  account_id    VARCHAR,
  post_id       VARCHAR,
  outlet_id     VARCHAR,
  score         DOUBLE,
  reason        VARCHAR NOT NULL,
  evidence      JSON NOT NULL
);
`,
};
