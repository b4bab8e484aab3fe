// Overview map: every public station of the country from the vector tiles (/tiles/stations), coloured by whether
// it is online ("上图") with the chosen provider. Below zoom 10 the tiles carry counts per grid cell: a circle's
// size is the count and its colour the share online. The tiles are Web Mercator of WGS-84; on a GCJ-02/BD-09 base
// map they would sit a few hundred metres off, so there the map stops at zoom 9 (the offset is then under 2 px).
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

const $ = (id) => document.getElementById(id);
const ONLINE = '#15803d';
const OFFLINE = '#dc2626';
const CHINA = [35.5, 104];

/** Red (none online) through amber to green (all online). */
function shareColour(share) {
  return `hsl(${Math.round(120 * share)}, 75%, 40%)`;
}

function styleFor(provider) {
  return (p) => {
    if (p.count) {
      const share = (p[`online_${provider}`] || 0) / p.count;
      return { radius: Math.min(22, 3 + Math.sqrt(p.count) / 2), weight: 1, color: '#1f2933', fill: true, fillColor: shareColour(share), fillOpacity: 0.75 };
    }
    const online = (p.online || '').split(',').includes(provider);
    return { radius: 4, weight: 1, color: '#1f2933', fill: true, fillColor: online ? ONLINE : OFFLINE, fillOpacity: 0.85 };
  };
}

function legend() {
  const swatch = (kind) => el('span', { className: `swatch ${kind}` });
  return el('p', { className: 'help legend' },
    swatch('online'), ` ${t('overviewOnline')} `, swatch('offline'), ` ${t('overviewOffline')} · ${t('overviewCells')}`);
}

export async function initOverview() {
  const element = $('overview-map');
  const L = window.L;
  if (!L || !L.vectorGrid) {
    element.replaceChildren(el('p', { className: 'help' }, t('overviewNoMap')));
    return;
  }
  const config = await api('/api/v1/map-config');
  const wgs84 = config.tileCoordsys === 'wgs84';
  const map = L.map(element, { maxZoom: wgs84 ? config.maxZoom : 9 }).setView(CHINA, 4);
  L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom, subdomains: config.subdomains, attribution: config.attribution }).addTo(map);
  $('overview-legend').replaceChildren(legend());

  let layer = null;
  function draw() {
    const provider = $('overview-provider').value;
    if (layer) layer.remove();
    layer = L.vectorGrid.protobuf('/tiles/stations/{z}/{x}/{y}.mvt', {
      interactive: false,
      maxNativeZoom: 16,
      vectorTileLayerStyles: { stations: styleFor(provider) },
    });
    let loading = 0;
    layer.on('tileloadstart', () => { loading += 1; element.dataset.stationTiles = 'loading'; });
    layer.on('tileload tileerror', () => {
      loading = Math.max(0, loading - 1);
      if (loading === 0) element.dataset.stationTiles = 'loaded';
    });
    layer.addTo(map);
    element.dataset.provider = provider;
  }
  $('overview-provider').addEventListener('change', draw);
  draw();
}
