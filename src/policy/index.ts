export * from './impersonation/index.ts';
export * from './state-media/index.ts';
