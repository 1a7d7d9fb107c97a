// postBytes sends a file's bytes as the request body (an xlsx upload), with
// the session's CSRF header; errors are ApiError like api.js's.
import { ApiError, cookie } from './api.js';

export async function postBytes(path, file) {
  const headers = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
  const c = cookie('sishui_csrf');
  if (c) headers['X-CSRF-Token'] = c;
  const r = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: await file.arrayBuffer() });
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!r.ok) {
    const e = (data && data.error) || {};
    throw new ApiError(r.status, e.code || 'http_' + r.status, e.message || r.statusText, e.field);
  }
  return data;
}
