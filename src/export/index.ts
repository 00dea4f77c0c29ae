/** Disclosure and sharing: takedown reports, archive releases, STIX 2.1 bundles, Gephi graphs. */
export { loadFindings, REMOVING_ACTIONS } from './findings.ts';
export type { Findings, FindingsSelection, FoundAccount, FoundCluster, FoundEdge, FoundImpersonation } from './findings.ts';
export { DISARM_TECHNIQUES, INDICATOR_TECHNIQUES, SIGNAL_TECHNIQUES, SURFACE_TECHNIQUES, listTechniques } from './disarm-techniques.ts';
export type { DisarmId, TechniqueUse } from './disarm-techniques.ts';
export { loadStixInput, toStixBundle } from './stix-bundle.ts';
export type { StixBundle, StixOptions } from './stix-bundle.ts';
export { TLP_LEVELS } from './tlp-markings.ts';
export type { TlpLevel } from './tlp-markings.ts';
export { buildIoArchive, writeIoArchive, IO_TWEETS_COLUMNS, IO_USERS_COLUMNS } from './io-archive.ts';
export type { IoArchive, IoArchiveOptions } from './io-archive.ts';
export { createAccountHasher, generateHashKey, HASH_FOLLOWER_THRESHOLD } from './account-hash.ts';
export { writeReport } from './write-report.ts';
export type { WrittenReport } from './write-report.ts';
export { loadReportData } from './report-data.ts';
export type { NetworkReport, ReportData } from './report-data.ts';
export { renderReportHtml } from './report-html.ts';
export { renderReportMarkdown } from './report-markdown.ts';
