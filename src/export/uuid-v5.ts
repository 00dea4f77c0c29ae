/** RFC 4122 name-based UUIDs (version 5, SHA-1): the same name always gives the same id. */
import { createHash } from 'node:crypto';

/** The namespace of STIX 2.1 cyber-observable ids (STIX 2.1 §2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** takedown's own namespace for the ids of the STIX domain objects it writes (a random v4, fixed once). */
export const TAKEDOWN_NAMESPACE = 'c6f4d5b2-8f0e-4f7a-9a7c-3e1d2b6a9f41';

/** UUIDv5 of `name` in `namespace`. */
export function toUuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
