// Courier page: locate (or tap the map) → ask the API for the nearest stations → list + map + navigation.
import { api, ApiError } from '../api.js';
import { applyTranslations, bindLangSwitch, onLangChange, t } from '../i18n.js';
import { loadMeta } from '../services.js';
import './strings.js';
import { renderFilters } from './filters.js';
import { markSelected, renderDetail, renderList } from './list.js';
import { locateMe } from './locate.js';
import { createMap } from './map.js';

const $ = (id) => document.getElementById(id);
const state = { origin: null, results: [], config: null, status: null };

/**
 * The status line, kept as what it says rather than its words, so that switching language re-says it: a courier
 * who cannot read the Chinese error switches to English to understand it. `key` is a string key with its values;
 * `text` is the server's own words (already Chinese and English).
 */
function setStatus({ key, values, text }, isError = false) {
  state.status = { key, values, text, isError };
  $('status').textContent = text ?? t(key, values);
  $('status').classList.toggle('error', isError);
}

/** The user's point in the tiles' system: the API converts (one implementation, on the server). */
async function inTileSystem(point) {
  const to = state.config.tileCoordsys;
  if (point.coordsys === to) return point;
  const answer = await api('/api/v1/convert', { query: { from: point.coordsys, to, points: `${point.lng},${point.lat}` } });
  return { ...answer.points[0], coordsys: to };
}

let searchId = 0;

async function search() {
  if (!state.origin) return;
  const id = ++searchId;
  const { origin } = state;
  setStatus({ key: 'searching' });
  try {
    const [answer, drawn] = await Promise.all([
      api('/api/v1/stations/nearest', {
        query: {
          lng: origin.lng, lat: origin.lat, coordsys: origin.coordsys,
          outCoordsys: state.config.tileCoordsys, limit: 10, ...filters.value(),
        },
      }),
      inTileSystem(origin),
    ]);
    if (id !== searchId) return; // a newer search already answered
    state.results = answer.results;
    map.showUser(drawn);
    map.showStations(answer.results, drawn);
    renderList($('results'), answer.results, select);
    setStatus(answer.results.length ? { key: 'found', values: { n: answer.results.length } } : { key: 'none' });
  } catch (e) {
    if (id === searchId) setStatus({ text: e instanceof ApiError ? e.message : String(e) }, true);
  }
}

function select(code, openDetail) {
  const result = state.results.find((r) => r.code === code);
  if (!result) return;
  markSelected($('results'), code);
  map.select(code);
  if (openDetail) {
    renderDetail($('detail-body'), result);
    $('detail').showModal();
  }
}

async function locate() {
  const button = $('locate');
  button.disabled = true;
  button.textContent = t('locating');
  try {
    state.origin = await locateMe();
    await search();
  } catch (e) {
    setStatus({ key: e.message }, true);
  } finally {
    button.disabled = false;
    button.textContent = t('locate');
  }
}

applyTranslations();
bindLangSwitch($('lang'));
setStatus({ key: 'start' });

let map;
let filters;
try {
  [state.config] = await Promise.all([api('/api/v1/map-config'), loadMeta()]);
  map = createMap($('map'), state.config, {
    onTap: (point) => { state.origin = point; search(); },
    onSelect: select,
    youLabel: () => t('you'),
  });
  filters = renderFilters($('service-filters'), $('open-now'), $('accessible-only'), search);
  $('locate').addEventListener('click', locate);
  onLangChange(() => {
    filters.redraw();
    renderList($('results'), state.results, select);
    setStatus(state.status, state.status.isError);
  });
  document.body.dataset.ready = 'true';
} catch (e) {
  setStatus({ text: e.message }, true);
}
