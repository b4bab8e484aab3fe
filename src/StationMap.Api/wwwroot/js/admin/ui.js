// Console helpers: the API's refusal shown as the API wrote it (title, detail, field errors, import errors).
import { ApiError, problemErrors } from '../api.js';
import { el } from '../dom.js';

export function problemBox(error) {
  if (!(error instanceof ApiError)) return el('div', { className: 'problem', role: 'alert' }, el('strong', {}, String(error?.message ?? error)));
  const p = error.problem ?? {};
  const fieldErrors = problemErrors(p).map(([field, message]) => el('li', {}, `${field}: ${message}`));
  const fileErrors = (p.report?.errors ?? []).map((e) => el('li', {}, e.column ? `${e.column}: ${e.message}` : e.message));
  const items = [...fieldErrors, ...fileErrors];
  return el('div', { className: 'problem', role: 'alert' },
    el('strong', {}, p.title ?? `HTTP ${error.status}`),
    p.detail && p.detail !== p.title ? el('p', {}, p.detail) : null,
    items.length ? el('ul', {}, items) : null);
}

export function show(container, ...nodes) {
  container.replaceChildren(...nodes.filter(Boolean));
}

/** Runs an action with its button disabled; a refusal lands in the container as the API's problem. */
export async function busy(button, container, action) {
  button.disabled = true;
  try {
    return await action();
  } catch (e) {
    show(container, problemBox(e));
    return undefined;
  } finally {
    button.disabled = false;
  }
}

export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}
