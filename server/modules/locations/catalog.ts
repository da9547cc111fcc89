/**
 * What a business location can be. Isomorphic: the server checks against it and the forms offer
 * it. Basins are matched case-insensitively (and on their other names) and stored canonical.
 */
export const locationTypes = {
  buying: 'Buying point',
  selling: 'Selling point',
  production: 'Production',
  gathering: 'Gathering',
  processing: 'Processing plant',
  transportation: 'Transportation',
  compression: 'Compression',
  storage: 'Storage',
  lng: 'LNG terminal',
  distribution: 'Distribution',
} as const;

export type LocationType = keyof typeof locationTypes;
export const locationTypeNames = Object.keys(locationTypes) as LocationType[];

export const locationStatuses = ['active', 'inactive', 'archive'] as const;
export type LocationStatus = (typeof locationStatuses)[number];
/** A status in words, for documents (the screens use components/words.ts). */
export const locationStatusLabels: Record<LocationStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  archive: 'Archived',
};

/** North American natural-gas basins: the canonical name and other names it is known by. */
export const basins = [
  { name: 'Permian', aliases: ['Permian Basin', 'Delaware', 'Midland'] },
  { name: 'Appalachian', aliases: ['Appalachia', 'Marcellus', 'Utica', 'Marcellus-Utica'] },
  { name: 'Haynesville', aliases: ['Haynesville-Bossier', 'Haynesville Shale'] },
  { name: 'Anadarko', aliases: ['Anadarko Basin', 'SCOOP', 'STACK'] },
  { name: 'Eagle Ford', aliases: ['Eagleford', 'Eagle Ford Shale'] },
  { name: 'Bakken', aliases: ['Williston', 'Williston Basin'] },
  { name: 'DJ', aliases: ['Denver-Julesburg', 'DJ Basin', 'Niobrara'] },
  { name: 'San Juan', aliases: ['San Juan Basin'] },
  { name: 'Uinta', aliases: ['Uinta-Piceance', 'Uinta Basin'] },
  { name: 'Piceance', aliases: ['Piceance Basin'] },
  { name: 'Green River', aliases: ['Green River Basin'] },
  { name: 'Powder River', aliases: ['Powder River Basin'] },
  { name: 'Barnett', aliases: ['Fort Worth', 'Barnett Shale'] },
  { name: 'Fayetteville', aliases: ['Arkoma', 'Arkoma Basin'] },
  { name: 'Gulf Coast', aliases: ['Gulf of Mexico', 'Gulf Coast Basin'] },
  { name: 'Western Canadian Sedimentary', aliases: ['WCSB', 'Montney', 'Duvernay'] },
] as const;

export type Basin = (typeof basins)[number]['name'];
export const basinNames = basins.map((b) => b.name) as Basin[];

const basinByKey = new Map<string, Basin>(
  basins.flatMap((b) => [b.name, ...b.aliases].map((n) => [n.toLowerCase(), b.name as Basin] as const)),
);

/** The canonical basin for a name typed in any case (or one of its other names); undefined if none. */
export const canonicalBasin = (name: string): Basin | undefined =>
  basinByKey.get(name.trim().replace(/\s+/g, ' ').toLowerCase());

export const MAX_PREFERRED_SUPPLIERS = 50;
