// The session: who is logged in (GET /api/v1/me), what the role may see and change.
import { reactive } from 'vue';
import { get, post, cookie, ApiError } from './api.js';

export const session = reactive({ me: null, loaded: false });

// Which roles see which pages; "public" is an anonymous visitor.
export const canSee = {
  overview: ['public', 'admin', 'city', 'county', 'auditor'],
  warnings: ['admin', 'city', 'county', 'enterprise', 'auditor'],
  regions: ['admin', 'city', 'county', 'auditor'],
  registry: ['admin', 'city', 'county'],
  reports: ['admin', 'city', 'county', 'auditor'],
  models: ['admin', 'city', 'auditor'],
  scenarios: ['admin', 'city', 'county', 'auditor'],
  mine: ['enterprise'],
  point: ['admin', 'city', 'county', 'enterprise', 'auditor'],
  plan: ['admin', 'city', 'county', 'auditor'],
  frames: ['admin', 'city', 'county', 'auditor'],
  outbox: ['admin', 'city', 'county', 'auditor'],
  audit: ['admin', 'auditor'],
  accounts: ['admin'],
  tasks: ['admin', 'city', 'county', 'auditor', 'department'],
  entries: ['admin', 'city', 'county', 'auditor', 'department'],
  rights: ['admin', 'city', 'county', 'enterprise', 'auditor'],
  notices: ['public', 'admin', 'city', 'county', 'enterprise', 'auditor', 'department'],
  permits: ['admin', 'city', 'county', 'enterprise', 'auditor'],
  password: ['admin', 'city', 'county', 'enterprise', 'auditor', 'department'],
  billing: ['admin', 'city', 'county', 'enterprise', 'auditor'],
  dispatch: ['admin', 'city', 'county', 'auditor'],
  twin3d: ['admin', 'city', 'county', 'auditor'],
  login: ['public', 'admin', 'city', 'county', 'enterprise', 'auditor', 'department'],
};

export const role = () => (session.me && session.me.role) || 'public';
export const me = () => session.me;
export const may = (page) => (canSee[page] || []).includes(role());

// mayWrite tells whether the account may change data (acknowledge, registry).
export const mayWrite = () => ['admin', 'city', 'county'].includes(role());
// mayReport tells whether the account reports on the plan's tasks and enters statistics for review.
export const mayReport = () => ['admin', 'city', 'county', 'department'].includes(role());

export function landing() {
  if (role() === 'enterprise' && session.me.water_user) return '/users/' + session.me.water_user;
  if (role() === 'department') return '/plan/tasks';
  return '/';
}

let pending = null;

// loadMe asks the server who we are; 401 (or an absent endpoint) means anonymous.
export function loadMe(force) {
  if (pending && !force) return pending;
  pending = (async () => {
    // Every session comes with the readable sishui_csrf cookie: without it the
    // visitor is anonymous, and asking /me would only earn a logged 401.
    if (!cookie('sishui_csrf')) {
      session.me = null;
    } else {
      try {
        session.me = await get('/api/v1/me');
      } catch (e) {
        session.me = null;
        if (!(e instanceof ApiError)) throw e;
      }
    }
    session.loaded = true;
    return session.me;
  })();
  return pending;
}

export async function logout() {
  try {
    await post('/api/v1/logout');
  } catch {
    // the session is dropped locally either way
  }
  session.me = null;
}
