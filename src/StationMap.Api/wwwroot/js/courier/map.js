// Leaflet map. Every point handed to it is already in the tiles' coordinate system (config.tileCoordsys):
// WGS-84 for OpenStreetMap-style tiles, GCJ-02 for Amap tiles. Without Leaflet (script blocked) the page
// keeps working as a list.
// Markers are built as DOM nodes, never HTML strings: a station's code or name is data, shown as text.
import { el } from '../dom.js';

import { api } from '../api.js';
import { addStationLayer } from './tiles.js';

export function createMap(element, config, { onTap, onSelect, youLabel }) {
  const L = window.L;
  if (!L) {
    element.hidden = true;
    return { showUser() {}, showStations() {}, select() {} };
  }
  const map = L.map(element, { zoomControl: true, attributionControl: true })
    .setView([config.center.lat, config.center.lng], 13);
  L.tileLayer(config.tileUrl, {
    maxZoom: config.maxZoom,
    subdomains: config.subdomains,
    attribution: config.attribution,
  }).addTo(map);
  addStationLayer(map, element, config, api);
  map.on('click', (e) => onTap({ lng: e.latlng.lng, lat: e.latlng.lat, coordsys: config.tileCoordsys }));

  let user = null;
  const layer = L.layerGroup().addTo(map);
  const markers = new Map();

  function pin(result, index) {
    const node = el('div', { className: result.openNow === false ? 'pin closed' : 'pin' }, el('span', {}, String(index + 1)));
    node.dataset.code = result.code;
    return L.divIcon({
      className: '',
      html: node,
      iconSize: [28, 28],
      iconAnchor: [14, 28],
    });
  }

  return {
    showUser(point) {
      if (user) user.remove();
      user = L.marker([point.lat, point.lng], {
        icon: L.divIcon({ className: '', html: el('div', { className: 'me' }), iconSize: [18, 18] }),
        title: youLabel(),
        keyboard: false,
      }).addTo(map);
      // Kept on the element for debugging and the page tests: what was drawn, in which system.
      element.dataset.user = `${point.lng.toFixed(6)},${point.lat.toFixed(6)},${config.tileCoordsys}`;
    },
    showStations(results, focus) {
      layer.clearLayers();
      markers.clear();
      results.forEach((r, i) => {
        const m = L.marker([r.location.lat, r.location.lng], { icon: pin(r, i), title: r.name, alt: r.name })
          .on('click', () => onSelect(r.code, false))
          .addTo(layer);
        markers.set(r.code, m);
      });
      element.dataset.stations = results.map((r) => `${r.code}@${r.location.lng.toFixed(6)},${r.location.lat.toFixed(6)}`).join(';');
      const points = results.map((r) => [r.location.lat, r.location.lng]);
      if (focus) points.push([focus.lat, focus.lng]);
      if (points.length > 0) map.fitBounds(points, { padding: [30, 30], maxZoom: 16 });
    },
    select(code) {
      for (const [c, m] of markers) m.getElement()?.firstElementChild?.classList.toggle('selected', c === code);
      const m = markers.get(code);
      if (m) map.panTo(m.getLatLng());
    },
  };
}
