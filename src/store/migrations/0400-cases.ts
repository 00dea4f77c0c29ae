import type { Migration } from '../migrate.ts';

/**
 * Cases are event-sourced (as Bluesky Ozone does it): `case_events` is the append-only,
 * hash-chained log; the other tables are projections rebuilt from it, kept for queries by
 * reports and exports. Never UPDATE or DELETE case_events.
 */
export const casesMigration: Migration = {
  id: '0400-cases',
  description: 'case events (hash-chained audit log) and their projections',
  sql: `
CREATE TABLE case_events (
  seq           BIGINT PRIMARY KEY,            -- 1, 2, 3 … in append order
  event_id      VARCHAR NOT NULL,
  case_id       VARCHAR,
  type          VARCHAR NOT NULL,              -- past tense: case.opened, account.suspended, decision.overturned …
  actor         VARCHAR NOT NULL,              -- user name
  time_ms       BIGINT  NOT NULL,
  payload       JSON    NOT NULL,              -- before/after and everything the event says
  prev_hash     VARCHAR NOT NULL,
  hash          VARCHAR NOT NULL               -- sha256(prev_hash || canonical event)
);

-- Projection: current decision per (case, account, surface). Rebuilt from case_events.
CREATE TABLE decisions (
  case_id       VARCHAR NOT NULL,
  platform      VARCHAR,
  account_id    VARCHAR NOT NULL,
  surface       VARCHAR NOT NULL DEFAULT 'account',
  action        VARCHAR NOT NULL,              -- remove | suspend | label_state_affiliated | no_action
  policy        VARCHAR,                       -- the policy cited
  status        VARCHAR NOT NULL DEFAULT 'decided', -- decided | appealed | upheld | overturned
  decided_by    VARCHAR,
  decided_ms    BIGINT
);
`,
};
