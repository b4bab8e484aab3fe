// Stations: search, open one, edit with its version (409 shows what changed meanwhile), history; a deleted one by its code.
import { api, ApiError } from '../api.js';
import { showIfDeleted } from './deletedStation.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { serviceLabel, services } from '../services.js';
import { enumLabel } from './strings.js';
import { busy, formatTime, problemBox, show } from './ui.js';

const $ = (id) => document.getElementById(id);
let meta = null;
let page = 1;

// The editable fields, as StationInput names them; the submitted coordinates are kept as they were written.
const textFields = ['name', 'address', 'adcode', 'openingHours', 'phone', 'hostOrganization'];

function options(select, values, selected, blank) {
  select.replaceChildren(...(blank ? [el('option', { value: '' }, blank)] : []),
    ...values.map((v) => el('option', { value: v, selected: v === selected }, enumLabel(v))));
  return select;
}

async function searchStations() {
  const query = { q: $('station-q').value.trim(), adcode: $('station-adcode').value.trim(), status: $('station-status').value, page, pageSize: 20 };
  const result = await busy($('station-search').querySelector('button'), $('station-list'), () => api('/api/v1/stations', { query }));
  if (!result) return;
  const rows = result.items.map((s) => [
    s.code,
    el('button', { type: 'button', className: 'link-button', onclick: () => openStation(s.code) }, s.name),
    s.adcode, enumLabel(s.status), formatTime(s.updatedAt),
  ]);
  const pager = el('div', { className: 'buttons' },
    // A broad search counts only so far: "1000+" rather than an exact count nobody needs.
    el('span', {}, t('totalFound', { n: `${result.total}${result.totalCapped ? '+' : ''}` })),
    page > 1 ? el('button', { type: 'button', onclick: () => { page -= 1; searchStations(); } }, t('prevPage')) : null,
    page * result.pageSize < result.total ? el('button', { type: 'button', onclick: () => { page += 1; searchStations(); } }, t('nextPage')) : null);
  show($('station-list'), el('div', { className: 'table-wrap' },
    table([t('code'), t('name'), t('adcode'), t('status'), t('updated')], rows, 'grid stations')), pager);
  // Deleted stations are in no list; searching one's exact code offers it for restoring, even when live stations
  // mention that code in their name or address.
  const code = (query.q || '').trim();
  if (/^[A-Za-z0-9_-]{1,32}$/.test(code) && !result.items.some((s) => s.code === code)) {
    await showIfDeleted(code, $('station-editor'), (saved, notice) => {
      renderEditor(saved);
      show($('edit-message'), el('p', { className: 'notice' }, notice));
    });
  }
}

async function openStation(code) {
  try {
    renderEditor(await api(`/api/v1/stations/${encodeURIComponent(code)}`));
  } catch (e) {
    show($('station-editor'), problemBox(e));
  }
}

function field(name, input) {
  input.id = `edit-${name}`;
  input.name = name;
  return [el('label', { htmlFor: input.id }, t(name)), input];
}

function renderEditor(station) {
  const f = {};
  const text = (name) => (f[name] = el('input', { value: station[name] ?? '' }));
  const checks = services().map((s) => el('label', { className: 'check' },
    el('input', { type: 'checkbox', value: s.code, checked: station.services.includes(s.code) }), serviceLabel(s.code)));
  const message = el('div', { ariaLive: 'polite' });
  const form = el('form', { className: 'form-grid' },
    ...textFields.flatMap((name) => field(name, text(name))),
    ...field('lng', f.lng = el('input', { value: station.submitted.lng, inputMode: 'decimal' })),
    ...field('lat', f.lat = el('input', { value: station.submitted.lat, inputMode: 'decimal' })),
    el('span', { className: 'help' }, `${t('coordsys')}: ${station.submitted.coordsys}`), el('span'),
    ...field('type', f.type = options(el('select'), meta.types, station.type)),
    ...field('areaM2', f.areaM2 = el('input', { value: station.areaM2 ?? '', inputMode: 'decimal' })),
    ...field('hostKind', f.hostKind = options(el('select'), meta.hostKinds, station.hostKind)),
    ...field('status', f.status = options(el('select'), meta.statuses, station.status)),
    el('label', { className: 'check' }, f.isPublic = el('input', { type: 'checkbox', checked: station.isPublic }), t('isPublic')),
    el('fieldset', { className: 'inline' }, el('legend', {}, t('services')), el('div', { className: 'services-edit' }, checks)),
    ...field('notes', f.notes = el('textarea', { value: station.notes ?? '' })),
    ...field('reason', f.reason = el('input', { required: false })),
    el('div', { className: 'buttons' },
      el('button', { className: 'primary', id: 'edit-save' }, t('save')),
      el('button', { type: 'button', id: 'edit-history', onclick: () => showHistory(station.code, historyBox) }, t('showHistory'))));
  const historyBox = el('div');

  const input = () => ({
    ...Object.fromEntries(textFields.map((k) => [k, f[k].value.trim() || null])),
    lng: Number(f.lng.value), lat: Number(f.lat.value), coordsys: station.submitted.coordsys,
    type: f.type.value, areaM2: f.areaM2.value ? Number(f.areaM2.value) : null,
    services: checks.map((c) => c.firstChild).filter((c) => c.checked).map((c) => c.value),
    hostKind: f.hostKind.value, isPublic: f.isPublic.checked, status: f.status.value,
    photos: station.photos, notes: f.notes.value.trim() || null,
    version: station.version, reason: f.reason.value.trim() || null,
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const mine = input();
    try {
      const saved = await api(`/api/v1/stations/${encodeURIComponent(station.code)}`, { method: 'PUT', json: mine });
      renderEditor(saved);
      show($('edit-message'), el('p', { className: 'notice' }, t('saved', { version: saved.version })));
      searchStations();
    } catch (error) {
      show(message, error instanceof ApiError && error.status === 409 && error.problem.current
        ? conflictBox(error, mine) : problemBox(error));
    }
  });

  show($('station-editor'), el('div', { className: 'editor' },
    el('h3', {}, t('editHeading', { code: station.code, version: station.version })),
    el('div', { id: 'edit-message' }), form, message, historyBox));
}

/** 409: the API sends the station as it is now; list what differs from the edit and offer to reload. */
function conflictBox(error, mine) {
  const current = error.problem.current;
  const now = { ...current, lng: current.submitted.lng, lat: current.submitted.lat };
  const differs = Object.keys(mine)
    .filter((k) => !['version', 'reason', 'coordsys', 'photos'].includes(k))
    .filter((k) => JSON.stringify(mine[k] ?? null) !== JSON.stringify(now[k] ?? null))
    .map((k) => [t(k), String(mine[k] ?? ''), String(now[k] ?? '')]);
  return el('div', { className: 'conflict', role: 'alert' },
    el('strong', {}, `${t('conflictTitle')} (${error.problem.title})`),
    el('p', {}, t('conflictBody', { version: current.version, by: current.updatedBy, at: formatTime(current.updatedAt) })),
    error.problem.detail ? el('p', {}, error.problem.detail) : null,
    table(['', t('yourValue'), t('currentValue')], differs),
    el('button', { type: 'button', onclick: () => renderEditor(current) }, t('loadCurrent')));
}

async function showHistory(code, box) {
  try {
    const items = await api(`/api/v1/stations/${encodeURIComponent(code)}/history`);
    show(box, el('h3', {}, t('history')), table([t('version'), t('changedAt'), t('changedBy'), t('kindOfChange'), t('reason')],
      items.map((h) => [String(h.version), formatTime(h.changedAt), h.changedBy, h.kind, h.reason ?? '']), 'grid history'));
  } catch (e) {
    show(box, problemBox(e));
  }
}

export function initStations(metaAnswer) {
  meta = metaAnswer;
  options($('station-status'), meta.statuses, '', t('anyStatus'));
  $('station-search').addEventListener('submit', (e) => {
    e.preventDefault();
    page = 1;
    searchStations();
  });
}
