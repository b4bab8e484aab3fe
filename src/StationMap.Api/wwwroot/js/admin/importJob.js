// An import runs as a job on the server: post the file, then poll the job and show its progress (text only, no HTML).
import { api, ApiError } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A progress bar with a line of text under it; update(job) redraws both from the job resource. */
export function progressView() {
  const bar = el('progress', { className: 'import-progress', max: 1, value: 0 });
  const text = el('p', { className: 'help import-progress-text', role: 'status' });
  const view = el('div', {}, bar, text);
  const update = (job) => {
    const p = job.progress ?? {};
    if (job.status === 'queued') {
      bar.removeAttribute('value');
      text.textContent = t('jobQueued', { n: job.queuePosition || 1 });
    } else {
      bar.max = Math.max(1, p.rowsRead ?? 0);
      bar.value = p.stage === 'read' ? 0 : (p.rowsValidated ?? 0);
      text.textContent = t('jobProgress', { read: p.rowsRead ?? 0, valid: p.rowsValidated ?? 0, written: p.rowsWritten ?? 0 });
    }
  };
  return { view, update };
}

/** Posts the form as a job and polls it until done; resolves with the report, or throws the job's problem as an ApiError. */
export async function runImportJob(form, onUpdate) {
  let job = await api('/api/v1/imports', { method: 'POST', form });
  onUpdate(job);
  while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
    await delay(300);
    job = await api(`/api/v1/imports/${job.id}`);
    onUpdate(job);
  }
  if (job.problem) throw new ApiError(job.problem.status, job.problem);
  return job.report;
}
