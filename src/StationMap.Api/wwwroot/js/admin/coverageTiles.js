// The gap cells at their true size for a region of several districts, where the SVG map shows 1 km cells to keep
// its GeoJSON small: a Leaflet map of the /tiles/coverage vector tiles (described by their TileJSON), fetched with
// the console's key. Tiles are Web Mercator of WGS-84, so a base map is drawn only when it is WGS-84 too (a GCJ-02
// one would sit a few hundred metres off); the district outlines (/tiles/districts) give the bearings either way.
// Names go into tooltips as text nodes, never as HTML.
import { api, staffHeaders } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

const COLORS = { 0: '#d93025', 1: '#f29900', critical: '#1a237e', site: '#188038' };
let map = null;
let sites = null;

function marker(L, lng, lat, colour, className, text) {
  return L.circleMarker([lat, lng], { radius: className === 'suggested-site' ? 6 : 4, color: '#fff', weight: 1, fillColor: colour, fillOpacity: 1, className })
    .bindTooltip(el('span', {}, text));
}

/** Draws the tile map of a stored region into element (replacing an earlier one). */
export async function showTileMap(element, { adcode, radius, cell }, report) {
  const L = window.L;
  if (map) { map.remove(); map = null; }
  if (!L || !L.vectorGrid) {
    element.replaceChildren(el('p', { className: 'help' }, t('overviewNoMap')));
    return;
  }
  const [tilejson, config] = await Promise.all([
    api(`/tiles/coverage/${encodeURIComponent(adcode)}.json`, { query: { radius, cell, max: 1 } }),
    api('/api/v1/map-config'),
  ]);
  map = L.map(element, { minZoom: tilejson.minzoom, maxZoom: 16 });
  if (config.tileCoordsys === 'wgs84') {
    L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom, subdomains: config.subdomains, attribution: config.attribution }).addTo(map);
  }
  L.vectorGrid.protobuf('/tiles/districts/{z}/{x}/{y}.mvt', {
    interactive: false, maxNativeZoom: 16, vectorTileLayerStyles: { districts: { weight: 1, color: '#555', fill: false } },
  }).addTo(map);
  // The key goes with every tile request: keep the template's path and query on this page's own origin, whatever
  // host a proxy put in the TileJSON.
  const cells = L.vectorGrid.protobuf(tilejson.tiles[0].replace(/^[a-z]+:\/\/[^/]+/i, ''), {
    interactive: false,
    minZoom: tilejson.minzoom,
    maxNativeZoom: 16,
    fetchOptions: { headers: staffHeaders() },
    vectorTileLayerStyles: { coverage: (p) => ({ weight: 0, fill: true, fillColor: COLORS[p.count] ?? '#ccc', fillOpacity: 0.55 }) },
  });
  let loading = 0;
  cells.on('tileloadstart', () => { loading += 1; element.dataset.coverageTiles = 'loading'; });
  cells.on('tileload tileerror', () => {
    loading = Math.max(0, loading - 1);
    if (loading === 0) element.dataset.coverageTiles = 'loaded';
  });
  cells.addTo(map);
  for (const c of report.region.critical) marker(L, c.lng, c.lat, COLORS.critical, 'critical-station', `${c.code} ${c.name}`).addTo(map);
  sites = L.layerGroup().addTo(map);
  const [west, south, east, north] = tilejson.bounds;
  map.fitBounds([[south, west], [north, east]]);
}

/** The suggested sites (WGS-84) on the tile map, if one is shown. */
export function showTileMapSites(picks) {
  const L = window.L;
  if (!map || !sites || !L) return;
  sites.clearLayers();
  for (const s of picks) marker(L, s.lng, s.lat, COLORS.site, 'suggested-site', `#${s.rank} ${s.label ?? ''}`).addTo(sites);
}
