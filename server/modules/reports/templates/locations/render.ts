import 'server-only';
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-10m.json';
import { MAP_HEIGHT, MAP_WIDTH, mapProjection } from '@/components/locations/map-clusters';
import { typeColor } from '@/components/locations/type-colors';
import { locationStatusLabels, locationTypes } from '@/server/modules/locations/catalog';
import {
  CONTENT_WIDTH,
  colors,
  createDocument,
  FONT,
  FONT_BOLD,
  finishDocument,
  PAGE,
  type PdfDoc,
} from '../../pdf/document';
import { formatInstant, formatInteger } from '../../pdf/format';
import { drawFrame } from '../../pdf/frame';
import { type Column, drawTable } from '../../pdf/table';
import type { RenderedPdf, RenderMeta } from '../../template';
import type { LocationsData, ReportLocation } from './schema';

export const LOCATIONS_TITLE = 'Business locations inventory';

const statusLabel = (status: string) => (locationStatusLabels as Record<string, string>)[status] ?? status;
const typeLabel = (type: string | undefined) =>
  type ? ((locationTypes as Record<string, string>)[type] ?? type) : 'No type';

const topology = states as unknown as Topology<{ states: GeometryCollection }>;
let outlines: { states: string[]; borders: string } | undefined;
/** The states as SVG path data in the dashboard map's 960 × 600 frame (AlbersUsa), computed once. */
function mapOutlines() {
  if (!outlines) {
    const path = geoPath(mapProjection());
    outlines = {
      states: feature(topology, topology.objects.states).features.map((f) => path(f) ?? ''),
      borders: path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '',
    };
  }
  return outlines;
}

function countBy(locations: readonly ReportLocation[], key: (l: ReportLocation) => string) {
  const counts = new Map<string, number>();
  for (const l of locations) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A small two-column count table: label, count. */
function countList(
  doc: PdfDoc,
  title: string,
  rows: [string, number][],
  x: number,
  y: number,
  width: number,
) {
  doc.font(FONT_BOLD).fontSize(8.5).fillColor(colors.text).text(title, x, y, { width });
  let yy = doc.y + 2;
  const shown = rows.slice(0, 10);
  for (const [name, count] of shown) {
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(colors.text)
      .text(name, x, yy, { width: width - 50, lineBreak: false, ellipsis: true });
    doc.text(formatInteger(count), x + width - 50, yy, { width: 50, align: 'right', lineBreak: false });
    yy += 11;
  }
  if (rows.length > shown.length) {
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(colors.muted)
      .text(`and ${rows.length - shown.length} more`, x, yy, { width, lineBreak: false });
    yy += 11;
  }
  if (rows.length === 0) {
    doc.font(FONT).fontSize(8).fillColor(colors.muted).text('None', x, yy, { width, lineBreak: false });
    yy += 11;
  }
  return yy;
}

/** The US map: states as vector paths, each located location a dot colored by its type. */
function drawMap(doc: PdfDoc, locations: readonly ReportLocation[], x: number, y: number, width: number) {
  const scale = width / MAP_WIDTH;
  const height = MAP_HEIGHT * scale;
  const { states: shapes, borders } = mapOutlines();
  doc.save();
  doc.rect(x, y, width, height).fill('#f8fafc');
  doc.rect(x, y, width, height).clip();
  doc.translate(x, y).scale(scale);
  for (const d of shapes) if (d) doc.path(d).fill('#e5e7eb');
  doc.path(borders).lineWidth(0.8).strokeColor('#ffffff').stroke();
  const projection = mapProjection();
  let offMap = 0;
  for (const l of locations) {
    if (l.latitude === undefined || l.longitude === undefined) continue;
    const xy = projection([l.longitude, l.latitude]);
    if (!xy) {
      offMap++;
      continue;
    }
    doc
      .circle(xy[0], xy[1], 4.5)
      .fillOpacity(0.85)
      .fill(typeColor(l.type ?? null));
  }
  doc.restore();
  doc.fillOpacity(1);
  return { height, offMap };
}

const columns: Column<ReportLocation>[] = [
  { header: '#', width: 22, align: 'right', cell: (_, i) => String(i + 1) },
  { header: 'Name', width: 102, cell: (l) => (l.code ? `${l.name}\n${l.code}` : l.name) },
  { header: 'Type', width: 70, cell: (l) => typeLabel(l.type) },
  { header: 'Basin', width: 62, cell: (l) => l.basin ?? '—' },
  { header: 'Status', width: 42, cell: (l) => statusLabel(l.status) },
  { header: 'Place', width: 78, cell: (l) => [l.city, l.state, l.country].filter(Boolean).join(', ') || '—' },
  {
    header: 'Coordinates',
    width: 62,
    align: 'right',
    cell: (l) =>
      l.latitude !== undefined && l.longitude !== undefined
        ? `${l.latitude.toFixed(4)}\n${l.longitude.toFixed(4)}`
        : '—',
  },
  { header: 'Direct', width: 46, cell: (l) => (l.isDirectConnection ? 'Yes' : 'No') },
  { header: 'Preferred suppliers', width: 84, cell: (l) => l.preferredSuppliers.join(', ') || '—' },
];

/** Page 1: the summary (counts by type, status, basin) and the map; then every location in a table. */
export async function renderLocations(data: LocationsData, meta: RenderMeta): Promise<RenderedPdf> {
  const doc = createDocument({
    title: `${LOCATIONS_TITLE} ${meta.statementNumber}`,
    subject: `Business locations of ${data.organizationName} / ${data.profileName}`,
    issuedAt: meta.issuedAt,
  });
  const left = PAGE.margin;
  doc
    .font(FONT_BOLD)
    .fontSize(18)
    .fillColor(colors.text)
    .text(LOCATIONS_TITLE, left, doc.y, { width: CONTENT_WIDTH });
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(colors.text)
    .text(`${data.organizationName} · ${data.profileName}`, left, doc.y + 2, { width: CONTENT_WIDTH });
  const sub = [
    `${meta.statementNumber}, issued ${formatInstant(meta.issuedAt)}`,
    data.generatedFor ? `for ${data.generatedFor}` : undefined,
  ].filter(Boolean);
  doc
    .font(FONT)
    .fontSize(8.5)
    .fillColor(colors.muted)
    .text(sub.join(' '), left, doc.y + 2, { width: CONTENT_WIDTH });
  doc.text(`Filters: ${data.filters || 'none (every location)'}`, left, doc.y + 1, { width: CONTENT_WIDTH });
  let y = doc.y + 12;

  const located = data.locations.filter((l) => l.latitude !== undefined && l.longitude !== undefined).length;
  doc.rect(left, y, CONTENT_WIDTH, 34).fill(colors.band);
  const third = CONTENT_WIDTH / 3;
  (
    [
      ['Locations', formatInteger(data.locations.length)],
      ['On the map', formatInteger(located)],
      ['Direct connections', formatInteger(data.locations.filter((l) => l.isDirectConnection).length)],
    ] as const
  ).forEach(([name, text], i) => {
    doc
      .font(FONT)
      .fontSize(7)
      .fillColor(colors.muted)
      .text(name.toUpperCase(), left + 10 + i * third, y + 6, { width: third - 20 });
    doc
      .font(FONT_BOLD)
      .fontSize(11)
      .fillColor(colors.text)
      .text(text, left + 10 + i * third, doc.y + 1, { width: third - 20 });
  });
  y += 46;

  const map = drawMap(doc, data.locations, left, y, CONTENT_WIDTH);
  y += map.height + 6;
  // legend: the types present
  const types = countBy(data.locations, (l) => l.type ?? '');
  let lx = left;
  doc.font(FONT).fontSize(7.5);
  for (const [type] of types) {
    const word = typeLabel(type || undefined);
    const w = doc.widthOfString(word) + 18;
    if (lx + w > left + CONTENT_WIDTH) {
      lx = left;
      y += 11;
    }
    doc.circle(lx + 4, y + 4, 3.5).fill(typeColor(type || null));
    doc.fillColor(colors.text).text(word, lx + 10, y, { lineBreak: false });
    lx += w;
  }
  y += 14;
  if (map.offMap > 0) {
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(colors.muted)
      .text(`${map.offMap} located outside the map (listed in the table).`, left, y, {
        width: CONTENT_WIDTH,
      });
    y = doc.y + 4;
  }

  const colWidth = (CONTENT_WIDTH - 32) / 3;
  const bottoms = [
    countList(
      doc,
      'By type',
      countBy(data.locations, (l) => typeLabel(l.type)),
      left,
      y,
      colWidth,
    ),
    countList(
      doc,
      'By status',
      countBy(data.locations, (l) => statusLabel(l.status)),
      left + colWidth + 16,
      y,
      colWidth,
    ),
    countList(
      doc,
      'By basin',
      countBy(data.locations, (l) => l.basin ?? 'No basin'),
      left + 2 * (colWidth + 16),
      y,
      colWidth,
    ),
  ];
  doc.x = left;
  doc.y = Math.max(...bottoms) + 10;

  doc.font(FONT_BOLD).fontSize(11).fillColor(colors.text).text('Locations', left, doc.y);
  doc.y += 4;
  if (data.locations.length === 0) {
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(colors.muted)
      .text('The profile has no locations under these filters.', left, doc.y);
  } else {
    drawTable(doc, columns, data.locations, { fontSize: 7 });
  }
  drawFrame(doc, {
    title: LOCATIONS_TITLE,
    number: meta.statementNumber,
    watermark: meta.preview ? 'PREVIEW' : undefined,
  });
  return finishDocument(doc);
}
