'use client';

import { geoPath } from 'd3-geo';
import { Minus, Plus, RotateCcw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-10m.json';
import { locationTypes } from '@/server/modules/locations/catalog';
import type { LocationPoint } from '@/server/modules/locations/schemas';
import { formatNumber } from '../format';
import { Button } from '../ui/button';
import { Skeleton } from '../ui/skeleton';
import { locationTypeLabel } from './location-labels';
import {
  buildClusters,
  expansionFactor,
  MAP_HEIGHT,
  MAP_WIDTH,
  MAX_MAP_ZOOM,
  mapProjection,
  marksAt,
  viewBoxAt,
} from './map-clusters';
import { NO_TYPE_COLOR, typeColor } from './type-colors';

const topology = states as unknown as Topology<{ states: GeometryCollection }>;
const path = geoPath(mapProjection());
// drawn once per page load: the outlines do not change
const stateShapes = feature(topology, topology.objects.states).features.map((state) => ({
  id: String(state.id),
  d: path(state) ?? '',
}));
const borders = path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '';

type View = { k: number; cx: number; cy: number };
const fullView: View = { k: 1, cx: MAP_WIDTH / 2, cy: MAP_HEIGHT / 2 };

const onActivate = (action: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    action();
  }
};

/**
 * The profile's located locations on an offline map of the US states (us-atlas drawn with d3-geo),
 * colored by type, clustered when dense; a cluster zooms in on click, a point opens its location.
 * Points AlbersUsa cannot place are counted under the map. Everything is an SVG attribute or a
 * class: the CSP forbids inline styles.
 */
export function LocationsMap({
  points,
  truncated,
  loading,
  locationHref,
}: {
  points: LocationPoint[] | undefined;
  truncated?: boolean;
  loading?: boolean;
  locationHref: (id: string) => string;
}) {
  const router = useRouter();
  const [view, setView] = useState<View>(fullView);
  const clusters = useMemo(() => buildClusters(points ?? []), [points]);
  const marks = useMemo(() => marksAt(clusters, view.k), [clusters, view.k]);
  const presentTypes = useMemo(() => {
    const seen = new Set(clusters.placed.map((p) => p.type));
    return [...seen].sort((a, b) => (a ?? '~').localeCompare(b ?? '~'));
  }, [clusters]);

  if (points === undefined) return <Skeleton className="aspect-[8/5] w-full" aria-label="Loading the map" />;

  const zoomTo = (k: number, cx = view.cx, cy = view.cy) =>
    setView({ k: Math.min(Math.max(k, 1), MAX_MAP_ZOOM), cx, cy });
  const unit = 1 / view.k;
  const located = clusters.placed.length;

  return (
    <figure className="space-y-2" aria-labelledby="locations-map-title" aria-busy={loading || undefined}>
      <div className="relative overflow-hidden rounded-md border border-border bg-muted/30">
        <svg
          viewBox={viewBoxAt(view.k, view.cx, view.cy)}
          className="block h-auto w-full"
          aria-labelledby="locations-map-title"
          aria-describedby="locations-map-summary"
        >
          <title id="locations-map-title">Map of the locations</title>
          <g className="fill-card stroke-none">
            {stateShapes.map((state) => (
              <path key={state.id} d={state.d} />
            ))}
          </g>
          <path d={borders} fill="none" className="stroke-border" strokeWidth={unit} />
          {marks.map((mark) =>
            mark.kind === 'cluster' ? (
              // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
              <g
                key={`c${mark.id}`}
                role="button"
                tabIndex={0}
                aria-label={`${mark.count} locations here: zoom in`}
                className="focus-ring cursor-pointer"
                onClick={() => zoomTo(expansionFactor(clusters, mark.id), mark.x, mark.y)}
                onKeyDown={onActivate(() => zoomTo(expansionFactor(clusters, mark.id), mark.x, mark.y))}
                data-cluster-count={mark.count}
              >
                <circle
                  cx={mark.x}
                  cy={mark.y}
                  r={(10 + Math.min(14, Math.log2(mark.count) * 2)) * unit}
                  className="fill-primary/80 stroke-card"
                  strokeWidth={1.5 * unit}
                />
                <text
                  x={mark.x}
                  y={mark.y}
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={11 * unit}
                  className="pointer-events-none fill-primary-foreground font-semibold"
                >
                  {formatNumber(mark.count)}
                </text>
              </g>
            ) : (
              <a
                key={mark.point._id}
                href={locationHref(mark.point._id)}
                aria-label={mark.point.name}
                className="focus-ring"
                onClick={(event) => {
                  event.preventDefault();
                  router.push(locationHref(mark.point._id));
                }}
                data-map-point
              >
                <circle
                  cx={mark.x}
                  cy={mark.y}
                  r={6 * unit}
                  fill={typeColor(mark.point.type)}
                  className="stroke-card"
                  strokeWidth={1.5 * unit}
                >
                  <title>{`${mark.point.name} (${locationTypeLabel(mark.point.type)})`}</title>
                </circle>
              </a>
            ),
          )}
        </svg>
        <div className="absolute top-2 right-2 flex flex-col gap-1">
          <Button variant="secondary" size="icon" aria-label="Zoom in" onClick={() => zoomTo(view.k * 2)}>
            <Plus aria-hidden="true" />
          </Button>
          <Button
            variant="secondary"
            size="icon"
            aria-label="Zoom out"
            disabled={view.k <= 1}
            onClick={() => zoomTo(view.k / 2)}
          >
            <Minus aria-hidden="true" />
          </Button>
          <Button
            variant="secondary"
            size="icon"
            aria-label="Show the whole map"
            disabled={view.k <= 1}
            onClick={() => setView(fullView)}
          >
            <RotateCcw aria-hidden="true" />
          </Button>
        </div>
      </div>
      <figcaption className="flex flex-col gap-2 text-caption text-muted-foreground sm:flex-row sm:items-start sm:justify-between">
        <p id="locations-map-summary" data-testid="map-summary">
          {formatNumber(located)} {located === 1 ? 'location' : 'locations'} on the map
          {clusters.offMap.length ? `; not on the map: ${formatNumber(clusters.offMap.length)}` : ''}
          {truncated ? ' (the first ones only: narrow the filters to see the rest)' : ''}. The table lists
          every location.
        </p>
        {presentTypes.length ? (
          <ul aria-label="Legend" className="flex flex-wrap gap-x-3 gap-y-1">
            {presentTypes.map((type) => (
              <li key={type ?? 'none'} className="flex items-center gap-1.5">
                <svg viewBox="0 0 10 10" className="size-2.5" aria-hidden="true">
                  <circle cx={5} cy={5} r={5} fill={type ? typeColor(type) : NO_TYPE_COLOR} />
                </svg>
                {type && type in locationTypes ? locationTypeLabel(type) : 'No type'}
              </li>
            ))}
          </ul>
        ) : null}
      </figcaption>
    </figure>
  );
}
