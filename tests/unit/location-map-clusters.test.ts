import { describe, expect, it } from 'vitest';
import {
  buildClusters,
  clusterZoom,
  expansionFactor,
  MAP_HEIGHT,
  MAP_WIDTH,
  marksAt,
  viewBoxAt,
} from '@/components/locations/map-clusters';
import type { LocationPoint } from '@/server/modules/locations/schemas';

const point = (i: number, latitude: number, longitude: number): LocationPoint => ({
  _id: `id-${i}`,
  name: `Location ${i}`,
  type: 'buying',
  status: 'active',
  latitude,
  longitude,
});

/** 200 points around Midland, TX (within ~0.2°), and one each in Seattle, Miami and Anchorage. */
const dense = Array.from({ length: 200 }, (_, i) =>
  point(i, 31.9 + (i % 20) * 0.01, -102.1 + Math.floor(i / 20) * 0.02),
);
const spread = [point(900, 47.6, -122.3), point(901, 25.76, -80.19), point(902, 61.2, -149.9)];

const countOf = (marks: ReturnType<typeof marksAt>) =>
  marks.reduce((sum, mark) => sum + (mark.kind === 'cluster' ? mark.count : 1), 0);

/** Issue 10: the locations map (AlbersUsa, clustered with supercluster). */
describe('the locations map clusters', () => {
  it('lists the points AlbersUsa cannot place as not on the map, and places the rest inside the frame', () => {
    const offMap = [point(1, 51.5, -0.12), point(2, 19.43, -99.13)]; // London, Mexico City
    const clusters = buildClusters([...spread, ...offMap]);
    expect(clusters.offMap.map((p) => p._id)).toEqual(['id-1', 'id-2']);
    expect(clusters.placed).toHaveLength(3);
    for (const p of clusters.placed) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });

  it('groups dense points into clusters whose counts add up to every placed point', () => {
    const clusters = buildClusters([...dense, ...spread]);
    const marks = marksAt(clusters, 1);
    expect(countOf(marks)).toBe(203);
    const big = marks.find((m) => m.kind === 'cluster');
    expect(big?.kind === 'cluster' && big.count).toBe(200);
    // the far-apart ones stay single points, at their own projected place
    const singles = marks.filter((m) => m.kind === 'point');
    expect(singles).toHaveLength(3);
    for (const mark of singles)
      if (mark.kind === 'point') expect([mark.x, mark.y]).toEqual([mark.point.x, mark.point.y]);
  });

  it('draws a cluster where its points are on the map (projected space, not the globe)', () => {
    const clusters = buildClusters(dense);
    const [mark] = marksAt(clusters, 1);
    const xs = clusters.placed.map((p) => p.x);
    const ys = clusters.placed.map((p) => p.y);
    expect(mark?.x).toBeGreaterThanOrEqual(Math.min(...xs) - 0.5);
    expect(mark?.x).toBeLessThanOrEqual(Math.max(...xs) + 0.5);
    expect(mark?.y).toBeGreaterThanOrEqual(Math.min(...ys) - 0.5);
    expect(mark?.y).toBeLessThanOrEqual(Math.max(...ys) + 0.5);
  });

  it('breaks a cluster apart when zoomed to its expansion factor', () => {
    const clusters = buildClusters(dense);
    const [mark] = marksAt(clusters, 1);
    if (mark?.kind !== 'cluster') throw new Error('expected a cluster');
    const k = expansionFactor(clusters, mark.id);
    expect(k).toBeGreaterThan(1);
    const zoomed = marksAt(clusters, k);
    expect(zoomed.length).toBeGreaterThan(1);
    expect(countOf(zoomed)).toBe(200);
  });

  it('shows every point on its own when zoomed far in on points that are apart', () => {
    const clusters = buildClusters(spread);
    expect(marksAt(clusters, 1).every((m) => m.kind === 'point')).toBe(true);
    expect(clusterZoom(1)).toBe(1);
    expect(clusterZoom(8)).toBe(4);
  });

  it('keeps the zoomed view inside the map', () => {
    expect(viewBoxAt(1, MAP_WIDTH / 2, MAP_HEIGHT / 2)).toBe(`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`);
    expect(viewBoxAt(4, 0, 0)).toBe(`0 0 ${MAP_WIDTH / 4} ${MAP_HEIGHT / 4}`);
    expect(viewBoxAt(4, MAP_WIDTH, MAP_HEIGHT)).toBe(
      `${MAP_WIDTH - MAP_WIDTH / 4} ${MAP_HEIGHT - MAP_HEIGHT / 4} ${MAP_WIDTH / 4} ${MAP_HEIGHT / 4}`,
    );
  });
});
