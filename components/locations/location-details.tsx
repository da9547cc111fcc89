import { usStates } from '@/server/core/places/catalog';
import type { LocationOutput } from '@/server/modules/locations/schemas';
import { countryOptions } from '../organizations/address-options';
import { StateBadge } from '../state-badge';
import { Card } from '../ui/card';
import { locationTypeLabel } from './location-labels';

const countryName = (code: string) => countryOptions.find((c) => c.value === code)?.label ?? code;

/** One location read-only: for a user who may read the profile's locations but not change them. */
export function LocationDetails({ location }: { location: LocationOutput }) {
  const a = location.address;
  const state =
    a?.state && a.country === 'US' ? ((usStates as Record<string, string>)[a.state] ?? a.state) : a?.state;
  const rows: [string, React.ReactNode][] = [
    ['Status', <StateBadge key="s" kind="location" state={location.status} />],
    ['Code', location.code ?? '—'],
    ['Type', locationTypeLabel(location.type)],
    ['Basin', location.basin ?? '—'],
    ['Direct connection', location.isDirectConnection ? 'Yes' : 'No'],
    [
      'Preferred suppliers',
      location.preferredSuppliers.length ? location.preferredSuppliers.join(', ') : 'None',
    ],
    [
      'Coordinates',
      location.coordinates ? `${location.coordinates.latitude}, ${location.coordinates.longitude}` : '—',
    ],
    [
      'Address',
      a
        ? [a.line1, a.line2, a.city, state, a.postalCode, countryName(a.country)].filter(Boolean).join(', ')
        : '—',
    ],
  ];
  return (
    <Card>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm text-muted-foreground">{label}</dt>
            <dd className="text-body break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
