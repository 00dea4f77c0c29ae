import type { Migration } from '../migrate.ts';
import { coreMigration } from './0001-core.ts';
import { ingestSeedsMigration } from './0002-ingest-seeds.ts';
import { findingsMigration } from './0100-findings.ts';
import { policyMigration } from './0200-policy.ts';
import { casesMigration } from './0400-cases.ts';

/** Every migration the code knows; add new ones here (order is by id, not by this list). */
export const MIGRATIONS: readonly Migration[] = [coreMigration, ingestSeedsMigration, findingsMigration, policyMigration, casesMigration];
