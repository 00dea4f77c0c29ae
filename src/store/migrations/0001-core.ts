import type { Migration } from '../migrate.ts';

/**
 * The canonical model in tables made for set queries. No primary keys on the big tables: DuckDB's
 * ART indexes slow bulk loads and cost memory at 10M rows, so uniqueness is kept by the writers
 * (ingest anti-joins against what is there) and checked by tests. Times are ms since the epoch.
 */
export const coreMigration: Migration = {
  id: '0001-core',
  description: 'accounts, posts, post_objects, ingest bookkeeping',
  sql: `
CREATE TABLE accounts (
  platform          VARCHAR NOT NULL,          -- 'twitter', 'facebook', 'instagram', 'youtube', … or 'unknown'
  account_id        VARCHAR NOT NULL,          -- as ingested (hashed ids stay hashed)
  surface           VARCHAR NOT NULL DEFAULT 'account', -- account | page | group | channel
  display_name      VARCHAR,
  handle            VARCHAR,                   -- screen name without '@'
  description       VARCHAR,
  profile_url       VARCHAR,
  reported_location VARCHAR,
  followers         BIGINT,
  following         BIGINT,
  created_ms        BIGINT,                    -- account creation, ms since epoch
  language          VARCHAR,
  source_file       VARCHAR,
  source_line       BIGINT
);

CREATE TABLE posts (
  platform          VARCHAR NOT NULL,
  post_id           VARCHAR NOT NULL,
  account_id        VARCHAR NOT NULL,
  time_ms           BIGINT  NOT NULL,
  kind              VARCHAR NOT NULL,          -- original | retweet | reply | quote
  ref_post_id       VARCHAR,                   -- the post it points at (retweeted, replied-to or quoted)
  ref_account_id    VARCHAR,                   -- author of ref_post_id when known
  reply_to_post_id  VARCHAR,                   -- kept apart for lossless archive export
  reply_to_account_id VARCHAR,
  quote_of_post_id  VARCHAR,
  text              VARCHAR,
  language          VARCHAR,
  client            VARCHAR,
  like_count        BIGINT,
  retweet_count     BIGINT,
  reply_count       BIGINT,
  quote_count       BIGINT,
  latitude          DOUBLE,
  longitude         DOUBLE,
  poll_choices      VARCHAR,
  source_file       VARCHAR,
  source_line       BIGINT
);

-- One row per (post, shared object): the unit of every co-sharing signal. account_id and time_ms
-- are copied from the post so pair finding needs no join.
CREATE TABLE post_objects (
  platform          VARCHAR NOT NULL,
  post_id           VARCHAR NOT NULL,
  account_id        VARCHAR NOT NULL,
  time_ms           BIGINT  NOT NULL,
  object_type       VARCHAR NOT NULL,          -- retweet | url | domain | hashtag | hashtag_set | mention | reply | media | text | object
  object_id         VARCHAR NOT NULL,          -- normalised key (URL normalised, hashtag lower-cased, …)
  raw               VARCHAR                    -- as it appeared, when different from object_id
);

-- One row per input file ingested (a file is identified by its content fingerprint).
CREATE TABLE ingest_files (
  fingerprint       VARCHAR PRIMARY KEY,
  path              VARCHAR NOT NULL,
  format            VARCHAR NOT NULL,
  bytes             BIGINT,
  status            VARCHAR NOT NULL,          -- running | done
  rows_read         BIGINT DEFAULT 0,
  accepted          BIGINT DEFAULT 0,
  rejected          BIGINT DEFAULT 0,
  duplicates        BIGINT DEFAULT 0,
  committed_line    BIGINT DEFAULT 0,          -- last input line whose batch is committed (resume point)
  quarantine_path   VARCHAR,
  started_at        TIMESTAMP DEFAULT current_timestamp,
  finished_at       TIMESTAMP
);
`,
};
