// Permit documents: a file goes up as the raw request body (≤ 20 MB), named
// in the query, with the session's CSRF token.
import { cookie, ApiError } from './api.js';

export const maxAttachmentBytes = 20 << 20;

export async function uploadAttachment(applicationId, file) {
  if (file.size > maxAttachmentBytes) throw new ApiError(400, 'invalid', 'larger than 20 MB', 'data');
  const r = await fetch('/api/v1/permit-applications/' + applicationId + '/attachments?name=' + encodeURIComponent(file.name), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-CSRF-Token': cookie('sishui_csrf'), Accept: 'application/json' },
    body: file,
  });
  const data = await r.json().catch(() => null);
  if (!r.ok) {
    const e = (data && data.error) || {};
    throw new ApiError(r.status, e.code || 'http_' + r.status, e.message || r.statusText, e.field);
  }
  return data;
}
