export { generateSample, SYNTH_DEFAULTS } from './sample-generator.ts';
export type { SynthOptions, SynthSummary } from './sample-generator.ts';
export { OPERATION_KINDS, TRAP_KINDS } from './truth.ts';
export type { Truth, TruthOperation, TruthTrap, OperationKind, TrapKind } from './truth.ts';
export { TWEET_COLUMNS, USER_COLUMNS } from './csv-format.ts';
export { snowflakeToMs, toSnowflake } from './snowflake.ts';
export { hashAccountId, HASH_FOLLOWER_THRESHOLD } from './account-hash.ts';
