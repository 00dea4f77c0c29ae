/**
 * The TLP 2.0 marking definitions of STIX 2.1, exactly as OASIS publishes them
 * (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0): fixed ids, so
 * every consumer recognises the marking without a lookup.
 */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

const TLP_IDS: Record<TlpLevel, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The TLP 2.0 property extension that carries the level. */
export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The standard marking-definition object for `level`. */
export function toTlpMarking(level: TlpLevel): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}
