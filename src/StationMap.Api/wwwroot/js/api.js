// One fetch wrapper for both pages. Every refusal becomes an ApiError carrying the API's own ProblemDetails,
// so the pages show the server's words (Chinese / English), never a generic "error".

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessage(problem, status));
    this.status = status;
    this.problem = problem;
  }
}

export function problemMessage(problem, status) {
  if (!problem) return `HTTP ${status}`;
  return [problem.title, problem.detail].filter(Boolean).join(' — ') || `HTTP ${status}`;
}

/** Field errors of a ValidationProblem as [field, message] pairs. */
export function problemErrors(problem) {
  const errors = problem?.errors;
  if (!errors || Array.isArray(errors)) return [];
  return Object.entries(errors).flatMap(([field, messages]) => [].concat(messages).map((m) => [field, m]));
}

let staffKey = null;

/** The console's key, sent with every request until cleared. */
export function useStaffKey(key) {
  staffKey = key || null;
}

/** The key as a request header, for requests made outside api() (vector tiles fetched by the map library). */
export function staffHeaders() {
  return staffKey ? { Authorization: `Bearer ${staffKey}` } : {};
}

function urlOf(path, query) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  return url;
}

function fileNameOf(response, fallback) {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/**
 * api('/api/v1/…', { method, query, json, form, blob }) → parsed JSON, or { blob, name } when blob is true.
 */
export async function api(path, { method = 'GET', query, json, form, blob = false } = {}) {
  const headers = {};
  if (staffKey) headers.Authorization = `Bearer ${staffKey}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(urlOf(path, query), { method, headers, body });
  } catch (e) {
    throw new ApiError(0, { title: '网络不可用 / network unavailable', detail: e.message });
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const problem = type.includes('json')
      ? await response.json()
      : { title: `HTTP ${response.status}`, detail: (await response.text()).slice(0, 300) };
    throw new ApiError(response.status, problem);
  }
  if (blob) return { blob: await response.blob(), name: fileNameOf(response, path.split('/').pop()) };
  return type.includes('json') ? response.json() : response.text();
}
