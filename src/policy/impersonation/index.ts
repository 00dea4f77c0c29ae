export { detectImpersonation, declaresNonAffiliation, IMPERSONATION_MIN_SCORE } from './score.ts';
export type { AccountProfile, DetectOptions, ImpersonationFinding } from './score.ts';
export { loadProtectedIdentities, parseProtectedCsv, saveProtectedIdentities } from './registry.ts';
export type { ProtectedIdentity } from './registry.ts';
export { clusterImpersonators, scanImpersonation } from './scan.ts';
export type { ImpersonationCluster, ImpersonationScan } from './scan.ts';
export { jaro, jaroWinkler, osaDistance } from './similarity.ts';
export { handleKey, nameTokens } from './keys.ts';
