/**
 * What an organization profile can be: participant types, participant tags, and for each tag
 * the measurers and verifiers that may attest its data, with the standards a measurer reports to.
 */
export const participantTypes = {
  producer: 'Producer',
  buyer: 'Buyer',
  transportation: 'Transportation',
} as const;

export const standardTypes = {
  OGCI: 'Oil and Gas Climate Initiative methane reporting',
  NGSI: 'Natural Gas Sustainability Initiative protocol',
} as const;

export const measurers = {
  'mock-server': { name: 'Mock measurement server', standardTypes: ['OGCI', 'NGSI'] },
  'project-canary': { name: 'Project Canary', standardTypes: ['OGCI', 'NGSI'] },
} as const satisfies Record<string, { name: string; standardTypes: readonly StandardType[] }>;

export const verifiers = {
  demo_verifier: { name: 'Demo verifier' },
  spirit: { name: 'Spirit' },
} as const;

type StandardType = keyof typeof standardTypes;
type MeasurerId = keyof typeof measurers;
type VerifierId = keyof typeof verifiers;

const allMeasurers = Object.keys(measurers) as MeasurerId[];
const allVerifiers = Object.keys(verifiers) as VerifierId[];

/** Producing tags are measured and verified; buying tags consume attested data and take neither. */
export const participantTags = {
  nat_gas_producer: { name: 'Natural gas producer', measurers: allMeasurers, verifiers: allVerifiers },
  nat_gas_transportation_producer: {
    name: 'Natural gas transportation (producer side)',
    measurers: allMeasurers,
    verifiers: allVerifiers,
  },
  nat_gas_buyer: { name: 'Natural gas buyer', measurers: [], verifiers: [] },
  nat_gas_transportation_buyer: {
    name: 'Natural gas transportation (buyer side)',
    measurers: [],
    verifiers: [],
  },
} as const satisfies Record<
  string,
  { name: string; measurers: readonly MeasurerId[]; verifiers: readonly VerifierId[] }
>;

export type ParticipantTag = keyof typeof participantTags;
export const participantTagCodes = Object.keys(participantTags) as ParticipantTag[];
export const participantTypeCodes = Object.keys(participantTypes) as (keyof typeof participantTypes)[];
export const standardTypeCodes = Object.keys(standardTypes) as StandardType[];
