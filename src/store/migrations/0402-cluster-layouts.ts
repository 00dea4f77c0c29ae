import type { Migration } from '../migrate.ts';

/**
 * Node positions of cluster networks, computed once per detect run by the server (ForceAtlas2,
 * seeded) and kept so that a large cluster is laid out once, not on every restart.
 */
export const clusterLayoutsMigration: Migration = {
  id: '0402-cluster-layouts',
  description: 'precomputed layout positions of cluster networks',
  sql: `
CREATE TABLE cluster_layouts (
  run_id        VARCHAR NOT NULL,
  cluster_id    VARCHAR NOT NULL,
  account_id    VARCHAR NOT NULL,
  x             DOUBLE  NOT NULL,
  y             DOUBLE  NOT NULL
);
`,
};
