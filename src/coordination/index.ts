export { materialiseTextKeys, DEFAULT_MIN_TEXT_TOKENS } from './text-keys.ts';
export { detectCoordination } from './detect.ts';
export type { DetectOptions } from './detect.ts';
export type * from './findings-types.ts';
export { evaluateFindings, parseTruth } from './evaluate.ts';
export type { Evaluation, Truth } from './evaluate.ts';
