// A deleted station found by its code: its history, and 恢复 / Restore (POST …/restore with the version the delete left).
import { api, ApiError } from '../api.js';
import { addStrings, t } from '../i18n.js';
import { el, table } from '../dom.js';
import { formatTime, problemBox, show } from './ui.js';

addStrings({
  deletedHeading: ['已删除的站点 {code}', 'Deleted station {code}'],
  deletedBody: ['{by} 于 {at} 删除了此站点（版本 {version}）。恢复后站点以原编码重新出现在列表、附近查询、地图和发布数据中。',
    '{by} deleted this station at {at} (version {version}). Restored, it comes back under its code in lists, nearest, the map and the feeds.'],
  restoreReason: ['恢复原因', 'Reason for restoring'],
  restore: ['恢复', 'Restore'],
  restored: ['已恢复，当前版本 {version}。', 'Restored: now version {version}.'],
});

/**
 * Shows the deleted station with this exact code, if the key's area holds one; resolves false when there is none
 * (a live station, no such code, or outside the area all answer alike here).
 */
export async function showIfDeleted(code, box, onRestored) {
  let items;
  try {
    items = await api(`/api/v1/stations/${encodeURIComponent(code)}/history`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return false;
    show(box, problemBox(e));
    return true;
  }
  const last = items[items.length - 1];
  if (!last || last.kind !== 'deleted') return false;

  const reasonInput = el('input', { id: 'restore-reason', name: 'reason' });
  const message = el('div', { ariaLive: 'polite' });
  const button = el('button', { type: 'submit', className: 'primary', id: 'restore-station' }, t('restore'));
  const form = el('form', { className: 'form-grid' },
    el('label', { htmlFor: reasonInput.id }, t('restoreReason')), reasonInput,
    el('div', { className: 'buttons' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    try {
      const saved = await api(`/api/v1/stations/${encodeURIComponent(code)}/restore`,
        { method: 'POST', query: { version: last.version, reason: reasonInput.value.trim() } });
      onRestored(saved, t('restored', { version: saved.version }));
    } catch (error) {
      show(message, problemBox(error));
      button.disabled = false;
    }
  });

  show(box, el('div', { className: 'editor deleted-station' },
    el('h3', {}, t('deletedHeading', { code })),
    el('p', {}, t('deletedBody', { by: last.changedBy, at: formatTime(last.changedAt), version: last.version })),
    table([t('version'), t('changedAt'), t('changedBy'), t('kindOfChange'), t('reason')],
      items.map((h) => [String(h.version), formatTime(h.changedAt), h.changedBy, h.kind, h.reason ?? '']), 'grid history'),
    form, message));
  return true;
}
