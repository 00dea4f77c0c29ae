export * from './impersonation/index.ts';
