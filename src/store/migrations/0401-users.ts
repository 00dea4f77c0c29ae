import type { Migration } from '../migrate.ts';

/**
 * Users and sessions of `takedown serve`. Passwords are scrypt hashes with a per-user salt;
 * sessions and API tokens are kept only as sha256 of the secret, so a copy of the database does
 * not let anyone log in.
 */
export const usersMigration: Migration = {
  id: '0401-users',
  description: 'users and sessions of the web app and API',
  sql: `
CREATE TABLE users (
  username      VARCHAR PRIMARY KEY,
  password_hash VARCHAR NOT NULL,              -- scrypt$N$r$p$salt$hash (base64url)
  role          VARCHAR NOT NULL,              -- viewer | analyst | reviewer | admin
  created_ms    BIGINT  NOT NULL,
  created_by    VARCHAR,
  disabled      BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE sessions (
  token_hash    VARCHAR PRIMARY KEY,           -- sha256 of the session cookie or bearer token
  username      VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,              -- cookie | token
  csrf_token    VARCHAR,                       -- double-submit token of cookie sessions
  created_ms    BIGINT  NOT NULL,
  expires_ms    BIGINT  NOT NULL
);
`,
};
