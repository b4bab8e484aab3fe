// 覆盖分析: ≥1/≥2 rates per district (table + bars), gap cells on a plain SVG map (0 red, 1 amber), the critical
// stations, and a siting run (suggested sites on the map, coverage curve). Every value goes in as text or an
// SVG attribute; no HTML strings, no inline handlers. The region is an adcode or an uploaded GeoJSON/KML file
// (read in the browser and sent as region / regionKml with the file's coordsys), or a polygon drawn by clicks on
// the map of a previous analysis (its SVG points turned back into WGS-84 by the map's own projection).
import { api } from '../api.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { showTileMap, showTileMapSites } from './coverageTiles.js';
import { busy, show } from './ui.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = { 0: '#d93025', 1: '#f29900', critical: '#1a237e', site: '#188038' };
const pct = (x) => `${(x * 100).toFixed(1)}%`;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children.filter(Boolean));
  return node;
}

function params() {
  return { adcode: $('coverage-adcode').value.trim(), radius: $('coverage-radius').value, cell: $('coverage-cell').value };
}

/** GeoJSON polygons of a geometry, Feature or FeatureCollection, as one Polygon/MultiPolygon; null when there are none. */
function polygonOf(json) {
  const geometries = json?.type === 'FeatureCollection' ? (json.features ?? []).map((f) => f?.geometry)
    : json?.type === 'Feature' ? [json.geometry] : [json];
  const polygons = geometries.flatMap((g) => g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : []);
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** The drawn polygon (WGS-84 vertices): drawing while true, closed once finished. */
const draw = { active: false, points: [], closed: false };
/** The current map's projection, kept so clicks on it turn back into lng/lat. */
let projection = null;

/** The uploaded region file or the finished drawn polygon as body fields, or null for the adcode. */
async function uploadedRegion() {
  const file = $('coverage-region-file').files[0];
  if (!file && draw.closed) {
    return { region: { type: 'Polygon', coordinates: [[...draw.points, draw.points[0]]] }, regionName: t('covDrawnName'), coordsys: 'wgs84' };
  }
  if (!file) return null;
  const text = await file.text();
  const coordsys = $('coverage-coordsys').value;
  if (/\.kml$/i.test(file.name) || text.trimStart().startsWith('<')) return { regionKml: text, regionFile: file.name, coordsys };
  let region = null;
  try { region = polygonOf(JSON.parse(text)); } catch { region = null; }
  if (!region) throw new Error(t('covRegionBad', { file: file.name }));
  return { region, regionName: file.name.replace(/\.(geo)?json$/i, ''), coordsys };
}

function bars(districts) {
  const rowH = 22, width = 520, label = 140, scale = width - label - 60;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${districts.length * rowH + 24}`, width, height: districts.length * rowH + 24, class: 'coverage-bars', role: 'img', 'aria-label': t('covBarsLabel') });
  districts.forEach((d, i) => {
    const y = i * rowH;
    chart.append(
      svg('text', { x: 0, y: y + 15, 'font-size': 12 }, d.name),
      svg('rect', { x: label, y: y + 3, width: Math.max(0, d.covered1 * scale), height: 8, fill: '#8ab4f8' }),
      svg('rect', { x: label, y: y + 11, width: Math.max(0, d.covered2 * scale), height: 8, fill: '#1967d2' }),
      svg('text', { x: label + d.covered1 * scale + 4, y: y + 15, 'font-size': 11 }, `${pct(d.covered1)} / ${pct(d.covered2)}`));
  });
  const y = districts.length * rowH + 16;
  chart.append(svg('rect', { x: label, y: y - 8, width: 10, height: 8, fill: '#8ab4f8' }), svg('text', { x: label + 14, y, 'font-size': 11 }, t('covAtLeast1')),
    svg('rect', { x: label + 110, y: y - 8, width: 10, height: 8, fill: '#1967d2' }), svg('text', { x: label + 124, y, 'font-size': 11 }, t('covAtLeast2')));
  return chart;
}

function summary(report) {
  const row = (d) => [`${d.name} ${d.adcode}`, (d.area / 1e6).toFixed(1), pct(d.covered1), pct(d.covered2), pct(d.cellsCovered1), pct(d.cellsCovered2),
    `${d.gap0.cells} · ${(d.gap0.area / 1e6).toFixed(1)}`, `${d.gap1.cells} · ${(d.gap1.area / 1e6).toFixed(1)}`];
  return el('div', { className: 'table-wrap' }, table(
    [t('district'), t('covArea'), t('covAtLeast1'), t('covAtLeast2'), t('covCells1'), t('covCells2'), t('covGap0'), t('covGap1')],
    [...report.districts.map(row), row({ ...report.region, name: `${t('total')} ${report.region.name}` })], 'grid coverage-table'));
}

function critical(report) {
  const rows = report.region.critical.map((c) => [c.code, c.name, String(Math.round(c.loss1 / 1e4) / 100), String(Math.round(c.loss2 / 1e4) / 100)]);
  return el('div', { className: 'table-wrap' }, table([t('covCode'), t('covName'), t('covLoss1'), t('covLoss2')], rows, 'grid coverage-critical'));
}

/** Equirectangular SVG map of the cells' extent; points drawn over the cells. */
function map(cells, report, sites = []) {
  const features = cells.features ?? [];
  const all = features.flatMap((f) => f.geometry.coordinates[0]);
  if (all.length === 0) return el('p', { className: 'help' }, t('covNoGaps'));
  const lngs = all.map((p) => p[0]), lats = all.map((p) => p[1]);
  const minX = Math.min(...lngs), maxX = Math.max(...lngs), minY = Math.min(...lats), maxY = Math.max(...lats);
  const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
  const w = 640, h = Math.max(200, Math.round(w * (maxY - minY) / ((maxX - minX) * k || 1)));
  const X = (lng) => ((lng - minX) / (maxX - minX || 1)) * w, Y = (lat) => h - ((lat - minY) / (maxY - minY || 1)) * h;
  projection = { X, Y, lng: (x) => minX + (x / w) * (maxX - minX), lat: (y) => minY + ((h - y) / h) * (maxY - minY) };
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, class: 'coverage-map', role: 'img', 'aria-label': t('covMapLabel') });
  for (const f of features) {
    const points = f.geometry.coordinates[0].map((p) => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' ');
    chart.append(svg('polygon', { points, fill: COLORS[f.properties.count] ?? '#ccc', 'fill-opacity': 0.55, 'data-count': f.properties.count }));
  }
  for (const c of report.region.critical) chart.append(svg('circle', { cx: X(c.lng), cy: Y(c.lat), r: 4, fill: COLORS.critical, class: 'critical-station' }, svg('title', {}, `${c.code} ${c.name}`)));
  for (const s of sites) chart.append(svg('circle', { cx: X(s.lng), cy: Y(s.lat), r: 6, fill: COLORS.site, stroke: '#fff', class: 'suggested-site' }, svg('title', {}, `#${s.rank} ${s.label ?? ''}`)));
  // The drawing never takes the pointer, so both clicks of a double-click land on the same element.
  chart.append(svg('g', { class: 'draw-layer', 'pointer-events': 'none' }));
  chart.addEventListener('click', (e) => addVertex(chart, e));
  chart.addEventListener('dblclick', (e) => { e.preventDefault(); if (draw.active) finishDrawing(true); });
  renderDrawing(chart);
  return chart;
}

/** A click while drawing adds a vertex where it landed, in the map's SVG units, then in lng/lat. */
function addVertex(chart, e) {
  if (!draw.active || !projection || e.detail > 1) return; // a double-click's second click closes, adds nothing
  const m = chart.getScreenCTM();
  if (!m) return;
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
  draw.points.push([projection.lng(p.x), projection.lat(p.y)]);
  renderDrawing(chart);
}

/** The drawn vertices and outline (closed once finished) on the given map. */
function renderDrawing(chart) {
  const layer = chart.querySelector('.draw-layer');
  if (!layer || !projection) return;
  const pts = draw.points.map(([lng, lat]) => [projection.X(lng), projection.Y(lat)]);
  const attrs = { points: pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' '), stroke: '#6a1b9a', 'stroke-width': 2 };
  layer.replaceChildren(
    draw.closed ? svg('polygon', { ...attrs, fill: '#6a1b9a', 'fill-opacity': 0.12, class: 'drawn-region', 'data-lnglat': JSON.stringify(draw.points) }) : svg('polyline', { ...attrs, fill: 'none', class: 'drawn-line' }),
    ...pts.map((p) => svg('circle', { cx: p[0], cy: p[1], r: 3, fill: '#6a1b9a', class: 'drawn-vertex' })));
  const status = $('coverage-draw-status');
  if (status) status.textContent = draw.closed ? t('covDrawClosed', { n: draw.points.length }) : draw.active ? t('covDrawHint', { n: draw.points.length }) : '';
}

/** Closes the polygon; a double-click's second click landed on the same spot, so that duplicate is dropped. */
function finishDrawing(fromDoubleClick = false) {
  if (fromDoubleClick && draw.points.length >= 2) {
    const [a, b] = draw.points.slice(-2);
    if (Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9) draw.points.pop();
  }
  if (draw.points.length < 3) { const s = $('coverage-draw-status'); if (s) s.textContent = t('covDrawTooFew'); return; }
  draw.active = false; draw.closed = true;
  syncDrawing();
}

function syncDrawing() {
  const chart = document.querySelector('#coverage-map .coverage-map');
  if (chart) { chart.classList.toggle('drawing', draw.active); renderDrawing(chart); }
  $('coverage-adcode').disabled = draw.closed || $('coverage-region-file').files.length > 0;
}

/** The 画区域 / 完成 / 清除 buttons under the map. */
function drawControls() {
  const button = (id, key, onClick) => {
    const b = el('button', { type: 'button', id }, t(key));
    b.addEventListener('click', onClick);
    return b;
  };
  return el('div', { className: 'buttons coverage-draw' },
    button('coverage-draw', 'covDraw', () => { draw.active = true; draw.closed = false; draw.points = []; syncDrawing(); }),
    button('coverage-draw-finish', 'covDrawFinish', () => finishDrawing()),
    button('coverage-draw-clear', 'covDrawClear', () => { draw.active = false; draw.closed = false; draw.points = []; syncDrawing(); }),
    el('span', { id: 'coverage-draw-status', className: 'help', role: 'status' }, ''));
}

function curve(result) {
  const w = 520, h = 220, pad = 36, n = result.curve.length - 1 || 1;
  const X = (i) => pad + (i / n) * (w - pad - 10), Y = (v) => h - pad - v * (h - pad - 10);
  const line = (key) => result.curve.map((c, i) => `${X(i).toFixed(1)},${Y(c[key]).toFixed(1)}`).join(' ');
  return svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, class: 'coverage-curve', role: 'img', 'aria-label': t('covCurveLabel') },
    svg('line', { x1: pad, y1: h - pad, x2: w - 10, y2: h - pad, stroke: '#555' }),
    svg('line', { x1: pad, y1: 10, x2: pad, y2: h - pad, stroke: '#555' }),
    svg('polyline', { points: line('covered1'), fill: 'none', stroke: '#8ab4f8', 'stroke-width': 2 }),
    svg('polyline', { points: line('covered2'), fill: 'none', stroke: '#1967d2', 'stroke-width': 2 }),
    svg('text', { x: pad, y: h - 10, 'font-size': 11 }, t('covCurveX')),
    svg('text', { x: 2, y: 12, 'font-size': 11 }, `${pct(result.curve.at(-1).covered2)} ≥2`));
}

let lastCells = null, lastReport = null;

let lastRegion = null;

async function run() {
  const p = params();
  const region = await uploadedRegion();
  const body = region && { ...region, radius: Number(p.radius), cell: Number(p.cell), outCoordsys: 'wgs84' };
  const report = region
    ? await api('/api/v1/coverage', { method: 'POST', json: body })
    : await api('/api/v1/coverage', { query: { ...p, outCoordsys: 'wgs84' } });
  const mapCell = report.districts.length > 1 ? Math.max(Number(p.cell), 1000) : p.cell;
  // The SVG map then shows coarser cells than analysed: the vector tiles show the analysed ones (stored regions only).
  const fineTiles = !region && Number(mapCell) !== Number(p.cell);
  const cells = region
    ? await api('/api/v1/coverage/cells', { method: 'POST', json: { ...body, cell: Number(mapCell), max: 1 } })
    : await api('/api/v1/coverage/cells', { query: { ...p, cell: mapCell, max: 1, outCoordsys: 'wgs84' } });
  lastCells = cells; lastReport = report; lastRegion = region;
  show($('coverage-result'),
    el('h3', {}, t('covRates')), summary(report), bars(report.districts),
    el('h3', {}, t('covMap')), el('p', { className: 'help' }, t('covLegend')), el('div', { id: 'coverage-map' }, map(cells, report)),
    drawControls(),
    ...(fineTiles ? [el('h3', {}, t('covTileMap')), el('p', { className: 'help' }, t('covTileMapHelp', { cell: p.cell })),
      el('div', { id: 'coverage-tiles', className: 'overview-map' })] : []),
    el('h3', {}, t('covCritical')), critical(report));
  // The tile map is extra: if it cannot load, the analysis above still stands and says why below it.
  if (fineTiles) await showTileMap($('coverage-tiles'), p, report).catch((e) => $('coverage-tiles').replaceChildren(el('p', { className: 'help' }, e.message)));
  $('siting-form').hidden = false;
  document.body.dataset.coverageReady = 'true';
}

async function siting() {
  const p = params();
  const where = lastRegion ?? { adcode: p.adcode };
  const result = await api('/api/v1/coverage/siting', { method: 'POST', json: { ...where, radius: Number(p.radius), cell: Number(p.cell), k: Number($('coverage-k').value), outCoordsys: 'wgs84' } });
  show($('coverage-map'), map(lastCells, lastReport, result.picks));
  showTileMapSites(result.picks);
  show($('siting-result'),
    el('div', { className: 'table-wrap' }, table([t('covRank'), t('covLng'), t('covLat'), t('covGain'), t('covAtLeast1'), t('covAtLeast2')],
      result.picks.map((s) => [String(s.rank), s.lng.toFixed(6), s.lat.toFixed(6), (s.gain / 1e6).toFixed(2), pct(s.covered1), pct(s.covered2)]), 'grid siting-picks')),
    curve(result));
  document.body.dataset.sitingReady = 'true';
}

export function initCoverage(me) {
  $('coverage-adcode').value = me.orgAdcode === '000000' ? '110000' : me.orgAdcode;
  // A chosen file replaces the adcode (which then need not be filled in).
  $('coverage-region-file').addEventListener('change', () => {
    $('coverage-adcode').disabled = draw.closed || $('coverage-region-file').files.length > 0;
  });
  $('coverage-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('coverage-run'), $('coverage-result'), run);
  });
  $('siting-form').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('siting-run'), $('siting-result'), siting);
  });
}

