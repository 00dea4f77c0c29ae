import type { Migration } from '../migrate.ts';

/** Designated entities imported from official lists (`takedown registry import`); the built-in registry lives in code. */
export const policyEntitiesMigration: Migration = {
  id: '0210-policy-entities',
  description: 'designated entities imported from the OFAC SDN and UN consolidated lists',
  sql: `
CREATE TABLE policy_entities (
  entity_id    VARCHAR NOT NULL,               -- 'ofac-10481', 'un-IRi.039'
  list         VARCHAR NOT NULL,               -- 'OFAC-SDN' | 'UN'
  ref          VARCHAR,                        -- ent_num or UN reference number
  name         VARCHAR NOT NULL,
  type         VARCHAR NOT NULL,               -- organisation | individual
  tier         INTEGER NOT NULL,
  programs     JSON NOT NULL,                  -- ["FTO","SDGT"]
  aliases      JSON NOT NULL,                  -- [{"text","strength"}]
  source       VARCHAR NOT NULL,               -- file name the row was read from
  imported_ms  BIGINT NOT NULL
);
`,
};
