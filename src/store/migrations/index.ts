import type { Migration } from '../migrate.ts';
import { coreMigration } from './0001-core.ts';
import { ingestSeedsMigration } from './0002-ingest-seeds.ts';
import { findingsMigration } from './0100-findings.ts';
import { detectMigration } from './0110-detect.ts';
import { policyMigration } from './0200-policy.ts';
import { policyEntitiesMigration } from './0210-policy-entities.ts';
import { mediaMigration } from './0300-media.ts';
import { impersonationMigration } from './0310-impersonation.ts';
import { stateMediaMigration } from './0320-state-media.ts';
import { casesMigration } from './0400-cases.ts';
import { usersMigration } from './0401-users.ts';
import { clusterLayoutsMigration } from './0402-cluster-layouts.ts';

/** Every migration the code knows; add new ones here, one per line (order is by id, not by this list). */
export const MIGRATIONS: readonly Migration[] = [
  coreMigration,
  ingestSeedsMigration,
  findingsMigration,
  detectMigration,
  policyMigration,
  policyEntitiesMigration,
  mediaMigration,
  impersonationMigration,
  stateMediaMigration,
  casesMigration,
  usersMigration,
  clusterLayoutsMigration,
];
