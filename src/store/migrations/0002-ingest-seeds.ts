import type { Migration } from '../migrate.ts';

/**
 * Tip-off seeds (the STIX indicators another platform shared) and the resume point of the
 * quarantine file. `quarantine_bytes` is the length of the quarantine file when the batch of
 * `committed_line` committed: a resumed ingest truncates the file back to it, so rejects are
 * never written twice. ALTER, not an edit of 0001, because other stages rely on 0001 as it is.
 */
export const ingestSeedsMigration: Migration = {
  id: '0002-ingest-seeds',
  description: 'seed accounts from STIX bundles; quarantine resume point of ingest_files',
  sql: `
CREATE TABLE seeds (
  seed_set      VARCHAR NOT NULL,            -- the bundle id, or the file name when it has none
  platform      VARCHAR NOT NULL,            -- from user-account:account_type, else --platform
  account_id    VARCHAR NOT NULL,            -- user-account:user_id as given
  source        VARCHAR NOT NULL,            -- the indicator or user-account STIX id it came from
  name          VARCHAR,                     -- indicator name or account_login, when given
  source_file   VARCHAR,
  added_ms      BIGINT NOT NULL
);
ALTER TABLE ingest_files ADD COLUMN quarantine_bytes BIGINT DEFAULT 0;
`,
};
