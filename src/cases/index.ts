/** Cases: decisions, appeals and the hash-chained audit log they are written to. */
export * from './case-event.ts';
export { toCanonicalJson } from './canonical-json.ts';
export {
  appendCaseEvents,
  hashCaseEvent,
  readCaseEvents,
  toCaseEvent,
  verifyAuditLog,
} from './audit-log.ts';
export type { AuditVerification, NewCaseEvent } from './audit-log.ts';
export { applyCaseEvent, projectCase, projectCases, projectDecisions } from './project-case.ts';
export type { CaseState, CaseStatus } from './project-case.ts';
export {
  APPEAL_OUTCOMES,
  appealDecision,
  assignCase,
  decideAccounts,
  listCases,
  openCase,
  readCase,
  setCaseStatus,
} from './case-commands.ts';
export type {
  AppealOutcome,
  CommandContext,
  DecisionInput,
  OpenCaseInput,
} from './case-commands.ts';
export { rebuildDecisions } from './materialise.ts';
export { serialiseWrites } from './write-lock.ts';
