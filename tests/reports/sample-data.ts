/** Realistic retirement data of any size, for the tests, the pictures and the bench. */
const producers = [
  ['Permian Clean Energy', 'Delaware Basin Pad 7', 'Permian', 'PERM01'],
  ['Appalachia Gas Partners', 'Marcellus Well Site 12', 'Appalachian', 'MARC12'],
  ['Haynesville Resources', 'Caddo Parish Central Facility', 'Haynesville', 'HAYN03'],
  ['Eagle Ford Midstream', 'Karnes County Gathering Hub', 'Eagle Ford', 'EAGL02'],
  ['Rocky Mountain Gas Co.', 'Pinedale Anticline Compressor Station 4', 'Green River', 'PINE04'],
] as const;
const measurers = ['SkyMeasure Inc.', 'Bridger Photonics', 'Kuva Systems', 'Qube Technologies'];
const verifiers = ['Verity Assurance LLP', 'Bureau Veritas North America', 'SGS Canada Inc.'];

export function retirementItems(count: number, batchNo = 3) {
  return Array.from({ length: count }, (_, i) => {
    const [producer, facility, basin, code] = producers[i % producers.length]!;
    const quantity = 1000 + ((i * 7919) % 24000);
    const first = 1 + i * 100_000;
    const month = String(1 + (i % 6)).padStart(2, '0');
    const withCertificates = i % 7 === 6;
    return {
      ...(withCertificates
        ? {
            certificateIds: [
              `CERT-2026-${String(40000 + i).padStart(6, '0')}`,
              `CERT-2026-${String(50000 + i).padStart(6, '0')}`,
            ],
          }
        : { serials: { batch: `PRV-2026${month}-${code}-${batchNo}`, first, last: first + quantity - 1 } }),
      quantity,
      producer,
      facility,
      basin,
      productionPeriod: { from: `2026-${month}`, to: `2026-${month}` },
      methaneIntensity: Math.round((0.02 + ((i * 37) % 100) / 1000) * 10_000) / 10_000,
      standard: i % 3 === 0 ? 'NGSI' : 'OGCI',
      measurer: measurers[i % measurers.length]!,
      verifier: verifiers[i % verifiers.length]!,
    };
  });
}

export function retirementData(profileId: string, count = 20, batchNo = 3) {
  return {
    profileId,
    retiringOrganization: { name: 'Northwind Utilities', profileName: 'Northwind Gas Supply' },
    beneficiary: { name: 'Contoso Manufacturing Ltd.', country: 'US' },
    purpose: 'ghgp_scope3',
    reportingPeriod: { from: '2026-01', to: '2026-06' },
    retiredAt: '2026-11-30',
    items: retirementItems(count, batchNo),
    notes:
      'Retired for the buyer’s 2026 H1 Scope 3 category 3 inventory (upstream emissions of purchased gas).',
  };
}
