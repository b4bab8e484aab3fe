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
const state = { origin: null, results: [], config: null };

function setStatus(text, isError = false) {
  $('status').textContent = text;
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
  setStatus(t('searching'));
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
    setStatus(answer.results.length ? t('found', { n: answer.results.length }) : t('none'));
  } catch (e) {
    if (id === searchId) setStatus(e instanceof ApiError ? e.message : String(e), true);
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
    setStatus(t(e.message), true);
  } finally {
    button.disabled = false;
    button.textContent = t('locate');
  }
}

applyTranslations();
bindLangSwitch($('lang'));
setStatus(t('start'));

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
    setStatus(state.origin ? t('found', { n: state.results.length }) : t('start'));
  });
  document.body.dataset.ready = 'true';
} catch (e) {
  setStatus(e.message, true);
}
