import 'server-only';
import type { z } from 'zod';
import { defineTemplate } from '../../template';
import { RETIREMENT_TITLE, renderRetirement } from './render';
import { type RetirementData, retirementDataSchema } from './schema';

/** Items above which a render runs as a job (the caller gets the record pending). */
export const RETIREMENT_JOB_THRESHOLD = 300;
/** The admin preview renders at most this many items. */
export const RETIREMENT_PREVIEW_LIMIT = 200;

const example = {
  profileId: '01890a5d-ac96-774b-bcce-b302099a8057',
  retiringOrganization: { name: 'Northwind Utilities', profileName: 'Northwind Gas Supply' },
  beneficiary: { name: 'Contoso Manufacturing', country: 'US' },
  purpose: 'ghgp_scope3',
  reportingPeriod: { from: '2026-01', to: '2026-06' },
  retiredAt: '2026-11-30',
  items: [
    {
      serials: { batch: 'PRV-202611-PERM01-3', first: 1, last: 25000 },
      quantity: 25000,
      producer: 'Permian Clean Energy',
      facility: 'Delaware Basin Pad 7',
      basin: 'Permian',
      productionPeriod: { from: '2026-01', to: '2026-03' },
      methaneIntensity: 0.0412,
      standard: 'OGCI',
      measurer: 'SkyMeasure Inc.',
      verifier: 'Verity Assurance LLP',
    },
    {
      certificateIds: ['CERT-2026-00481', 'CERT-2026-00482'],
      quantity: 12000,
      producer: 'Appalachia Gas Partners',
      facility: 'Marcellus Well Site 12',
      basin: 'Appalachian',
      productionPeriod: { from: '2026-04', to: '2026-06' },
      methaneIntensity: 0.0875,
      standard: 'NGSI',
      measurer: 'Bridger Photonics',
      verifier: 'Verity Assurance LLP',
    },
  ],
  notes: 'Retired for the buyer’s 2026 H1 Scope 3 category 3 inventory.',
} satisfies z.input<typeof retirementDataSchema>;

export const retirementTemplate = defineTemplate({
  name: 'retirement',
  version: 1,
  title: RETIREMENT_TITLE,
  description:
    'Certified natural gas attributes retired for a beneficiary: parties, purpose and period, the retired serial ranges or certificates with their methane intensity, totals, and a verification hash with a QR code.',
  numberPrefix: 'RS',
  schema: retirementDataSchema,
  example,
  profileIdOf: (data: RetirementData) => data.profileId,
  titleOf: (data: RetirementData) => `Retirement statement for ${data.beneficiary.name}`,
  serialRangesOf: (data: RetirementData) =>
    data.items.flatMap((item) => (item.serials ? [item.serials] : [])),
  isLarge: (data: RetirementData) => data.items.length > RETIREMENT_JOB_THRESHOLD,
  previewTooLarge: (data: RetirementData) =>
    data.items.length > RETIREMENT_PREVIEW_LIMIT
      ? `A preview shows at most ${RETIREMENT_PREVIEW_LIMIT} items; this data has ${data.items.length}.`
      : undefined,
  render: renderRetirement,
});
