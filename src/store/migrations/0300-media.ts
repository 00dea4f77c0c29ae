import type { Migration } from '../migrate.ts';

/**
 * Images: PDQ hash banks in the spirit of Meta's Hasher-Matcher-Actioner (named banks of hashes
 * with labels and sources), the hashes of images attached to posts, and bank hits per post for
 * the review queue. Hashes are 64 lowercase hex characters as the PDQ reference prints them.
 */
export const mediaMigration: Migration = {
  id: '0300-media',
  description: 'hash banks, bank hashes, media hashes per post, bank hits',
  sql: `
CREATE TABLE hash_banks (
  bank          VARCHAR PRIMARY KEY,
  description   VARCHAR,
  created_ms    BIGINT NOT NULL
);

CREATE TABLE bank_hashes (
  bank          VARCHAR NOT NULL,
  pdq           VARCHAR NOT NULL,              -- 64 hex
  quality       INTEGER,                       -- NULL when the source gave none (HMA CSV lines)
  label         VARCHAR,                       -- e.g. 'irgc_glorification'
  source        VARCHAR,                       -- e.g. 'tcap', 'gifct', 'team', a file name
  added_ms      BIGINT NOT NULL
);

-- One row per image file of a post (takedown ingest --media DIR).
CREATE TABLE media_hashes (
  platform      VARCHAR NOT NULL,
  post_id       VARCHAR NOT NULL,
  account_id    VARCHAR NOT NULL,
  time_ms       BIGINT  NOT NULL,
  pdq           VARCHAR NOT NULL,
  quality       INTEGER NOT NULL,
  path          VARCHAR NOT NULL
);

CREATE TABLE media_bank_hits (
  platform      VARCHAR NOT NULL,
  post_id       VARCHAR NOT NULL,
  account_id    VARCHAR NOT NULL,
  path          VARCHAR,
  pdq           VARCHAR NOT NULL,              -- the post's image hash
  bank          VARCHAR NOT NULL,
  bank_pdq      VARCHAR NOT NULL,
  label         VARCHAR,
  source        VARCHAR,
  distance      INTEGER NOT NULL,
  matched_ms    BIGINT  NOT NULL
);
`,
};
