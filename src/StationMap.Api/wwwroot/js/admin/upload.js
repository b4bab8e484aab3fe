// Upload: dry run → report table (row, column, problem) and error file → commit only when valid or skip-invalid.
import { api } from '../api.js';
import { el, saveBlob, table } from '../dom.js';
import { t } from '../i18n.js';
import { busy, problemBox, show } from './ui.js';
import { progressView, runImportJob } from './importJob.js';

const $ = (id) => document.getElementById(id);
let checked = null; // { file, coordsys, skip, report } of the last dry run

function form(dryRun) {
  const data = new FormData();
  data.append('file', $('upload-file').files[0]);
  data.append('coordsys', $('upload-coordsys').value);
  data.append('dryRun', String(dryRun));
  data.append('skipInvalid', String($('upload-skip').checked));
  return data;
}

function counts(c) {
  const item = (key, n) => el('span', {}, el('strong', {}, String(n)), t(key));
  return el('div', { className: 'counts' }, item('countTotal', c.total), item('countInserted', c.inserted),
    item('countUpdated', c.updated), item('countUnchanged', c.unchanged), item('countRejected', c.rejected));
}

function problemTable(problems) {
  return el('div', { className: 'table-wrap' },
    table([t('row'), t('column'), t('problem')], problems.map((p) => [String(p.row || ''), p.column, p.message]), 'grid problems'));
}

function canCommit(report, skip) {
  if (report.counts.total === 0) return false;
  if (report.errors.length === 0) return true;
  return skip && report.counts.rejected < report.counts.total;
}

function renderReport(report, skip) {
  const n = report.errors.length;
  const verdict = report.committed
    ? el('p', { className: 'notice' }, t('committed'))
    : n === 0 ? el('p', { className: 'notice' }, t('dryRunClean'))
      : el('div', { className: 'problem', role: 'alert' }, el('strong', {}, t(skip ? 'dryRunSkip' : 'dryRunErrors', { n })));
  const errorFile = n > 0 && report.jobId
    ? el('button', { type: 'button', className: 'error-file', onclick: () => api(`/api/v1/imports/${report.jobId}/errors.xlsx`, { blob: true }).then(saveBlob) }, t('errorFile'))
    : null;
  show($('upload-result'),
    verdict,
    counts(report.counts),
    n > 0 ? problemTable(report.errors) : null,
    report.truncated ? el('p', { className: 'help' }, t('truncated')) : null,
    errorFile,
    report.warnings?.length ? el('h3', {}, t('warnings')) : null,
    report.warnings?.length ? problemTable(report.warnings) : null);
}

function invalidate() {
  $('upload-commit').disabled = true;
  if (checked) show($('upload-result'), el('p', { className: 'help' }, t('recheck')));
  checked = null;
}

export function initUpload() {
  for (const id of ['upload-file', 'upload-coordsys', 'upload-skip']) $(id).addEventListener('change', invalidate);

  $('upload-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('upload-commit').disabled = true;
    const progress = progressView();
    show($('upload-result'), el('p', { className: 'help' }, t('checking')), progress.view);
    const skip = $('upload-skip').checked;
    const report = await busy($('upload-check'), $('upload-result'), () => runImportJob(form(true), progress.update));
    if (!report) return;
    checked = { report, skip };
    renderReport(report, skip);
    $('upload-commit').disabled = !canCommit(report, skip);
  });

  $('upload-commit').addEventListener('click', async () => {
    if (!checked) return;
    const button = $('upload-commit');
    const progress = progressView();
    show($('upload-result'), el('p', { className: 'help' }, t('importing')), progress.view);
    const report = await busy(button, $('upload-result'), () => runImportJob(form(false), progress.update));
    button.disabled = true; // a committed file is not committed twice
    checked = null;
    if (report) renderReport(report, $('upload-skip').checked);
  });

  $('upload-template').addEventListener('click', () =>
    api('/api/v1/imports/template.xlsx', { blob: true }).then(saveBlob).catch((e) => show($('upload-result'), problemBox(e))));
}
