// Every station near the map view, not only the last query's ten. On a WGS-84 base map the station vector tiles
// (/tiles/stations, Web Mercator of WGS-84) line up with the base map and are drawn as they are. On a GCJ-02 or
// BD-09 base map they would sit a few hundred metres off, so the page asks the station list for the view's box in
// the base map's own system instead (the server converts). Drawn as small dots under the numbered pins, from
// street level (zoom 14) on: further out a phone screen would be a carpet of dots (the console has the overview).

const MIN_ZOOM = 14;
const DOT = { radius: 4, weight: 1, color: '#7f1d1d', fillColor: '#f87171', fillOpacity: 0.8, fill: true };

function clusterStyle(properties) {
  const n = properties.count || 0;
  return { ...DOT, radius: Math.min(18, 4 + Math.sqrt(n) / 2), fillOpacity: 0.5 };
}

function vectorTiles(L, map, element) {
  const layer = L.vectorGrid.protobuf('/tiles/stations/{z}/{x}/{y}.mvt', {
    interactive: false, // VectorGrid's click handling predates Leaflet 1.8; the pins carry the interaction
    minZoom: MIN_ZOOM,
    maxNativeZoom: 16,
    vectorTileLayerStyles: { stations: (properties) => (properties.count ? clusterStyle(properties) : DOT) },
  });
  let loading = 0;
  layer.on('tileloadstart', () => { loading += 1; });
  layer.on('tileload tileerror', () => {
    loading = Math.max(0, loading - 1);
    element.dataset.stationTiles = loading === 0 ? 'loaded' : 'loading';
  });
  layer.addTo(map);
  element.dataset.stationLayer = 'tiles';
}

function listByView(L, map, element, config, api) {
  const layer = L.layerGroup().addTo(map);
  let request = 0;
  async function refresh() {
    if (map.getZoom() < MIN_ZOOM) { layer.clearLayers(); return; }
    const id = ++request;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
    try {
      const page = await api('/api/v1/stations', { query: { bbox, coordsys: config.tileCoordsys, status: 'active', pageSize: 500 } });
      if (id !== request) return;
      layer.clearLayers();
      for (const s of page.items) {
        L.circleMarker([s.location.lat, s.location.lng], { ...DOT, interactive: false }).addTo(layer);
      }
      element.dataset.stationTiles = 'loaded';
      element.dataset.viewStations = String(layer.getLayers().length);
    } catch {
      // The nearest list still works; the dots are a bonus.
    }
  }
  map.on('moveend', refresh);
  refresh();
  element.dataset.stationLayer = 'list';
}

/** Adds the "all stations" layer to a Leaflet map whose base tiles are in config.tileCoordsys. */
export function addStationLayer(map, element, config, api) {
  const L = window.L;
  if (config.tileCoordsys === 'wgs84' && L.vectorGrid) vectorTiles(L, map, element);
  else listByView(L, map, element, config, api);
}
