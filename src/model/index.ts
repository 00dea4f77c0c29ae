export * from './errors.ts';
export * from './types.ts';
export * from './archive-format.ts';
