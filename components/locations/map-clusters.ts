import { geoAlbersUsa } from 'd3-geo';
import Supercluster from 'supercluster';
import type { LocationPoint } from '@/server/modules/locations/schemas';

/** The map's drawing space: AlbersUsa's own 960 × 600 frame (lower 48, Alaska and Hawaii inset). */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 600;
export const MAX_MAP_ZOOM = 64;

export const mapProjection = () =>
  geoAlbersUsa()
    .scale(1280)
    .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);

export type PlacedPoint = LocationPoint & { x: number; y: number };

export type MapMark =
  | { kind: 'cluster'; id: number; x: number; y: number; count: number }
  | { kind: 'point'; x: number; y: number; point: PlacedPoint };

type ClusterIndex = Supercluster<{ index: number }, Record<string, never>>;

export type MapClusters = {
  placed: PlacedPoint[];
  /** located, but outside what AlbersUsa draws (Canada, Mexico, the sea): listed, not drawn */
  offMap: LocationPoint[];
  index: ClusterIndex;
};

/*
 * Supercluster clusters in Web Mercator. Handing it the *projected* AlbersUsa x/y disguised as
 * longitude/latitude (x as the mercator x fraction, y through the inverse mercator) makes it
 * cluster by distance on the drawn map, in the map's own pixels, instead of on the globe.
 */
const toFakeLngLat = (x: number, y: number): [number, number] => [
  (x / MAP_WIDTH) * 360 - 180,
  (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / MAP_WIDTH) * 2 * Math.PI)) - 90,
];
const fromFakeLngLat = ([lng, lat]: number[]): [number, number] => {
  const sin = Math.sin(((lat ?? 0) * Math.PI) / 180);
  const fy = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return [(((lng ?? 0) + 180) / 360) * MAP_WIDTH, fy * MAP_WIDTH];
};

/** Supercluster's zoom at our zoom factor k: its world at zoom 1 (1,024 px) is about our 960. */
export const clusterZoom = (k: number) => Math.max(0, Math.round(Math.log2(k)) + 1);
/** Our zoom factor for one of supercluster's zooms. */
export const zoomFactor = (zoom: number) => Math.min(MAX_MAP_ZOOM, 2 ** Math.max(0, zoom - 1));

/** Projects the points once and indexes them for clustering; the map asks `marksAt` per zoom. */
export function buildClusters(points: readonly LocationPoint[], radius = 28): MapClusters {
  const projection = mapProjection();
  const placed: PlacedPoint[] = [];
  const offMap: LocationPoint[] = [];
  for (const point of points) {
    const xy = projection([point.longitude, point.latitude]);
    if (xy) placed.push({ ...point, x: xy[0], y: xy[1] });
    else offMap.push(point);
  }
  const index: ClusterIndex = new Supercluster({ radius, maxZoom: 16, minPoints: 3 });
  index.load(
    placed.map((point, i) => ({
      type: 'Feature' as const,
      properties: { index: i },
      geometry: { type: 'Point' as const, coordinates: toFakeLngLat(point.x, point.y) },
    })),
  );
  return { placed, offMap, index };
}

/** What the map draws at zoom factor k: clusters with their counts, and single points. */
export function marksAt({ placed, index }: MapClusters, k: number): MapMark[] {
  return index.getClusters([-180, -85, 180, 85], clusterZoom(k)).map((feature) => {
    const [x, y] = fromFakeLngLat(feature.geometry.coordinates);
    const props = feature.properties as {
      cluster?: boolean;
      cluster_id?: number;
      point_count?: number;
      index?: number;
    };
    if (props.cluster)
      return { kind: 'cluster', id: props.cluster_id ?? 0, x, y, count: props.point_count ?? 0 };
    const point = placed[props.index ?? 0] as PlacedPoint;
    return { kind: 'point', x: point.x, y: point.y, point };
  });
}

/** The zoom factor at which a cluster breaks apart (a click on it zooms there). */
export const expansionFactor = ({ index }: MapClusters, clusterId: number) =>
  zoomFactor(index.getClusterExpansionZoom(clusterId));

/** The viewBox at zoom factor k around (cx, cy), kept inside the map. */
export function viewBoxAt(k: number, cx: number, cy: number): string {
  const w = MAP_WIDTH / k;
  const h = MAP_HEIGHT / k;
  const x = Math.min(Math.max(cx - w / 2, 0), MAP_WIDTH - w);
  const y = Math.min(Math.max(cy - h / 2, 0), MAP_HEIGHT - h);
  return `${x} ${y} ${w} ${h}`;
}
