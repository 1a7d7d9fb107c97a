// The JSON API client: same origin, session cookie, CSRF header on writes, and
// errors as ApiError carrying the server's code, message and field.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || '';
  }
  // absent reports an endpoint that is not there (yet) or not for this account.
  get absent() {
    return this.status === 404 || this.status === 405 || this.status === 501 || this.status === 401 || this.status === 403;
  }
}

export function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

export function qs(params) {
  if (!params) return '';
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  }
  const s = u.toString();
  return s ? '?' + s : '';
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const c = cookie('sishui_csrf');
    if (c) headers['X-CSRF-Token'] = c;
  }
  let r;
  try {
    r = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', String(e && e.message ? e.message : e));
  }
  if (r.status === 204) return null;
  const text = await r.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!r.ok) {
    const e = (data && data.error) || {};
    throw new ApiError(r.status, e.code || 'http_' + r.status, e.message || r.statusText || 'HTTP ' + r.status, e.field);
  }
  return data;
}

export const get = (path, params) => api('GET', path + qs(params));
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);

// maybe fetches and answers null when the endpoint is absent or refuses this
// account, so pages can show "no data" instead of failing.
export async function maybe(path, params) {
  try {
    return await get(path, params);
  } catch (e) {
    if (e instanceof ApiError && (e.absent || e.status === 400)) return null;
    throw e;
  }
}

// items unwraps a paginated list ({items,total}) or a bare array.
export function items(v) {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  if (Array.isArray(v.items)) return v.items;
  return [];
}
export const del = (path) => api('DELETE', path);
