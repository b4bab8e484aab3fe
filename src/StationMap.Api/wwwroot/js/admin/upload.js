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
  data.append('overwriteNewer', String(!$('upload-overwrite-label').hidden && $('upload-overwrite').checked));
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

/** Rows based on an older version than the stored station: who changed it, when, and which fields. */
function conflictList(conflicts) {
  const when = (at) => (at ? new Date(at).toLocaleString('zh-CN', { hour12: false }) : '');
  return el('div', { className: 'conflicts' },
    el('h3', {}, t('conflictsHeading')),
    conflicts.some((c) => !c.overwritten) ? el('p', { className: 'help' }, t('conflictsHelp')) : null,
    el('div', { className: 'table-wrap' },
      table([t('row'), t('code'), t('conflictVersions'), t('conflictBy'), t('conflictAt'), t('conflictFields')],
        conflicts.map((c) => [String(c.row), c.code, `${c.fileVersion} → ${c.storedVersion}`, c.changedBy ?? '', when(c.changedAt), (c.fields ?? []).join(', ')]),
        'grid conflicts')));
}

/** The overwrite checkbox appears once a dry run reports conflicts (and stays while they are being confirmed). */
function offerOverwrite(report) {
  const has = (report.conflicts?.length ?? 0) > 0;
  $('upload-overwrite-label').hidden = !has;
  if (!has) $('upload-overwrite').checked = false;
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
    report.conflicts?.length ? conflictList(report.conflicts) : null,
    report.warnings?.length ? el('h3', {}, t('warnings')) : null,
    report.warnings?.length ? problemTable(report.warnings) : null);
}

function invalidate() {
  $('upload-commit').disabled = true;
  if (checked) show($('upload-result'), el('p', { className: 'help' }, t('recheck')));
  checked = null;
}

export function initUpload() {
  for (const id of ['upload-file', 'upload-coordsys', 'upload-skip', 'upload-overwrite']) $(id).addEventListener('change', invalidate);
  // A confirmation is about the conflicts of one file: another file starts unconfirmed.
  $('upload-file').addEventListener('change', () => offerOverwrite({}));

  $('upload-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('upload-commit').disabled = true;
    const progress = progressView();
    show($('upload-result'), el('p', { className: 'help' }, t('checking')), progress.view);
    const skip = $('upload-skip').checked;
    const report = await busy($('upload-check'), $('upload-result'), () => runImportJob(form(true), progress.update));
    if (!report) return;
    checked = { report, skip };
    offerOverwrite(report);
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
