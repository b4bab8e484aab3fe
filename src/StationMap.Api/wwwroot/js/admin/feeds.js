// Feeds: export a batch (profile, area, full/incremental), download past batches, the 上图率 per district,
// and a provider's result file.
import { api } from '../api.js';
import { el, saveBlob, table } from '../dom.js';
import { t } from '../i18n.js';
import { enumLabel } from './strings.js';
import { busy, formatTime, problemBox, show } from './ui.js';

const $ = (id) => document.getElementById(id);

function download(file) {
  return el('button', { type: 'button', className: 'download', onclick: () => api(file.url, { blob: true }).then(saveBlob).catch((e) => show($('export-result'), problemBox(e))) },
    `${file.name} (${file.rows})`);
}

function summaryLine(b) {
  return t('exported', { id: b.id, rows: b.rows, added: b.added, changed: b.changed, withdrawn: b.withdrawn, excluded: b.excluded });
}

async function loadBatches() {
  try {
    const batches = await api('/api/v1/exports', { query: { take: 20 } });
    show($('export-batches'), batches.length === 0 ? el('p', { className: 'help' }, t('noBatches')) : el('div', { className: 'table-wrap' },
      table([t('batch'), t('created'), t('profile'), t('scope'), t('kind'), t('rows'), t('files')],
        batches.map((b) => [String(b.id), formatTime(b.createdAt), b.profile, b.adcode, enumLabel(b.kind), String(b.rows), el('div', { className: 'buttons' }, b.files.map(download))]),
        'grid batches')));
  } catch (e) {
    show($('export-batches'), problemBox(e));
  }
}

function percent(rate) {
  if (rate === null || rate === undefined) return '—';
  // Early in a roll-out the rate is tiny: two decimals keep 1 of 2,000 from reading as 0.0%.
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 2 : 1)}%`;
}

function summaryTable(summary) {
  const providers = summary.total.providers.map((p) => p.provider);
  const name = (p) => t(p) === p ? p : t(p);
  const row = (d, label) => [label ?? `${d.name} ${d.adcode}`, String(d.stations), String(d.publicActive),
    ...providers.flatMap((p) => {
      const f = d.providers.find((x) => x.provider === p);
      return [String(f?.online ?? 0), el('span', { className: 'rate' }, percent(f?.onlineRate))];
    })];
  return el('div', { className: 'table-wrap' }, table(
    [t('district'), t('stations'), t('publicActive'), ...providers.flatMap((p) => [t('online', { p: name(p) }), t('rate', { p: name(p) })])],
    [...summary.districts.map((d) => row(d)), row(summary.total, `${t('total')} ${summary.total.name}`)],
    'grid summary'));
}

export function initFeeds(me) {
  $('export-adcode').value = me.orgAdcode;
  $('summary-adcode').value = me.orgAdcode;
  let loaded = false;
  // Profiles and batches need the publisher role: ask only when the tab is opened.
  $('tab-feeds').addEventListener('click', async () => {
    if (loaded) return;
    loaded = true;
    try {
      const profiles = await api('/api/v1/feeds/profiles');
      $('export-profile').replaceChildren(...profiles.map((p) => el('option', { value: p.id }, `${p.title} (${p.id})`)));
      await loadBatches();
    } catch (e) {
      loaded = false;
      show($('export-result'), problemBox(e));
    }
  });

  $('export-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { profile: $('export-profile').value, adcode: $('export-adcode').value.trim(), kind: new FormData(e.target).get('kind') };
    show($('export-result'), el('p', { className: 'help' }, t('exporting')));
    const batch = await busy($('export-run'), $('export-result'), () => api('/api/v1/exports', { method: 'POST', json: body }));
    if (!batch) return;
    show($('export-result'), el('div', { className: 'notice' }, el('p', {}, summaryLine(batch)), el('div', { className: 'buttons' }, batch.files.map(download))));
    loadBatches();
  });

  $('summary-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const summary = await busy(e.submitter ?? e.target.querySelector('button'), $('summary-result'),
      () => api('/api/v1/publication/summary', { query: { adcode: $('summary-adcode').value.trim() } }));
    if (summary) show($('summary-result'), summaryTable(summary));
  });

  $('results-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData();
    data.append('file', $('results-file').files[0]);
    const report = await busy(e.target.querySelector('button'), $('results-result'),
      () => api('/api/v1/publication/results', { method: 'POST', query: { provider: $('results-provider').value }, form: data }));
    if (!report) return;
    show($('results-result'),
      el('p', { className: 'notice' }, t('resultsDone', { rows: report.rows, matched: report.matched, updated: report.updated, unmatched: report.unmatched.length })),
      report.unmatched.length ? table([t('row'), t('code'), t('name'), t('reasonCol')], report.unmatched.map((u) => [String(u.row), u.code ?? '', u.name ?? '', u.reason]), 'grid unmatched') : null);
  });
}
