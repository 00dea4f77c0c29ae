import type { Migration } from '../migrate.ts';

/**
 * Bookkeeping of `takedown detect`: per-post text keys are written into post_objects
 * (object_type 'text') by materialiseTextKeys; this table records what they were computed from,
 * so a second detect (or `coshare --object text`) reuses them instead of re-normalising 10M texts.
 */
export const detectMigration: Migration = {
  id: '0110-detect',
  description: 'state of materialised text keys',
  sql: `
CREATE TABLE text_key_state (
  posts         BIGINT NOT NULL,               -- posts count when the keys were computed
  max_rowid     BIGINT,                        -- posts rowid high-water mark
  min_tokens    INTEGER NOT NULL,              -- texts with fewer normalised words get no key
  keyed         BIGINT NOT NULL,               -- text rows written
  computed_ms   BIGINT NOT NULL
);
`,
};
