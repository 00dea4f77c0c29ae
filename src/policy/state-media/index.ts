export { BUILTIN_OUTLETS, GENERIC_DISCLOSURES } from './builtin.ts';
export type { BuiltinOutlet } from './builtin.ts';
export {
  domainKey,
  ensureBuiltinRegistry,
  handleOfProfileUrl,
  importStateMediaMatrix,
  loadStateMediaRegistry,
  outletOfHost,
} from './registry.ts';
export type { MatrixImportResult, StateMediaOutlet, StateMediaRegistry } from './registry.ts';
export { findDisclosure, profileIdentifiers, scanStateMedia } from './scan.ts';
export type { StateMediaFinding, StateMediaScan, StateMediaScanOptions } from './scan.ts';
