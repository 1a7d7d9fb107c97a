// The dashboard shell: session, role-aware navigation, language toggle and a
// history-API router (the Go handler falls back to index.html for page paths).
import './style.css';
import { h, replace, toast } from './dom.js';
import { get, post, cookie, ApiError } from './api.js';
import { t, getLang, setLang } from './i18n.js';
import { disposeAll } from './charts.js';
import { overviewPage } from './pages/overview.js';
import { loginPage } from './pages/login.js';
import { warningsPage } from './pages/warnings.js';
import { regionPage } from './pages/region.js';
import { pointPage } from './pages/point.js';
import { registryPage } from './pages/registry.js';
import { reportsPage } from './pages/reports.js';
import { modelsPage } from './pages/models.js';
import { userPage } from './pages/user.js';

const session = { me: null };

// Which roles see which pages; "public" is an anonymous visitor.
const canSee = {
  overview: ['public', 'admin', 'city', 'county', 'auditor'],
  warnings: ['admin', 'city', 'county', 'enterprise', 'auditor'],
  regions: ['admin', 'city', 'county', 'auditor'],
  registry: ['admin', 'city', 'county'],
  reports: ['admin', 'city', 'county', 'auditor'],
  models: ['admin', 'city', 'auditor'],
  mine: ['enterprise'],
  point: ['admin', 'city', 'county', 'enterprise', 'auditor'],
};

export function role() {
  return (session.me && session.me.role) || 'public';
}

export function me() {
  return session.me;
}

// mayWrite tells whether the account may change data (acknowledge, registry).
export function mayWrite() {
  return ['admin', 'city', 'county'].includes(role());
}

const routes = [
  { re: /^\/$/, page: 'overview', render: overviewPage },
  { re: /^\/overview$/, page: 'overview', render: overviewPage },
  { re: /^\/login$/, page: 'login', render: loginPage },
  { re: /^\/warnings$/, page: 'warnings', render: warningsPage },
  { re: /^\/regions(?:\/(\d{6}))?$/, page: 'regions', render: regionPage },
  { re: /^\/points\/(\d+)$/, page: 'point', render: pointPage },
  { re: /^\/registry(?:\/([a-z-]+))?$/, page: 'registry', render: registryPage },
  { re: /^\/reports$/, page: 'reports', render: reportsPage },
  { re: /^\/models$/, page: 'models', render: modelsPage },
  { re: /^\/users\/(\d+)$/, page: 'mine', render: userPage },
];

function landing() {
  const r = role();
  if (r === 'enterprise' && session.me.water_user) return '/users/' + session.me.water_user;
  return '/';
}

export function navigate(path, replaceState = false) {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

let cleanup = null;
let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  if (cleanup) {
    try {
      cleanup();
    } catch {
      // a page's cleanup must not stop navigation
    }
    cleanup = null;
  }
  disposeAll();
  renderNav();
  const main = document.getElementById('main');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  let route = null;
  let m = null;
  for (const r of routes) {
    m = path.match(r.re);
    if (m) {
      route = r;
      break;
    }
  }
  if (!route) {
    replace(main, h('section', { class: 'page' }, h('h1', null, '404'), h('p', null, path)));
    return;
  }
  if (route.page !== 'login' && !canSee[route.page].includes(role())) {
    if (role() === 'public') {
      navigate('/login?next=' + encodeURIComponent(location.pathname + location.search), true);
      return;
    }
    const l = landing();
    if (l !== path) {
      navigate(l, true);
      return;
    }
  }
  replace(main, h('p', { class: 'loading' }, t('loading')));
  const ctx = {
    params: m.slice(1),
    query: new URLSearchParams(location.search),
    isCurrent: () => seq === renderSeq,
    onLeave: (fn) => {
      const prev = cleanup;
      cleanup = () => {
        if (prev) prev();
        fn();
      };
    },
  };
  try {
    const view = await route.render(ctx);
    if (seq !== renderSeq) return;
    replace(main, view);
    document.title = (main.querySelector('h1')?.textContent || t('title')) + ' · ' + t('brand');
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e instanceof ApiError && e.status === 401) {
      session.me = null;
      navigate('/login?next=' + encodeURIComponent(location.pathname), true);
      return;
    }
    replace(
      main,
      h(
        'section',
        { class: 'page' },
        h('h1', null, t('error')),
        h('p', { class: 'error', role: 'alert' }, String(e.message || e)),
        h('button', { type: 'button', onclick: () => render() }, t('retry')),
      ),
    );
  }
}

function link(path, label, active) {
  return h('a', { href: path, 'data-link': true, 'aria-current': active ? 'page' : null }, label);
}

function renderNav() {
  document.documentElement.lang = getLang();
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.main'));
  const r = role();
  const p = location.pathname;
  const items = [];
  if (canSee.overview.includes(r)) items.push(link('/', t('nav.overview'), p === '/' || p === '/overview'));
  if (canSee.mine.includes(r) && session.me?.water_user)
    items.push(link('/users/' + session.me.water_user, t('nav.mine'), p.startsWith('/users/')));
  if (canSee.warnings.includes(r)) items.push(link('/warnings', t('nav.warnings'), p === '/warnings'));
  if (canSee.regions.includes(r)) items.push(link('/regions', t('nav.regions'), p.startsWith('/regions') || p.startsWith('/points')));
  if (canSee.registry.includes(r)) items.push(link('/registry', t('nav.registry'), p.startsWith('/registry')));
  if (canSee.reports.includes(r)) items.push(link('/reports', t('nav.reports'), p === '/reports'));
  if (canSee.models.includes(r)) items.push(link('/models', t('nav.models'), p === '/models'));
  replace(nav, h('ul', null, items.map((a) => h('li', null, a))));

  document.getElementById('brand-name').textContent = t('brand');
  const langBtn = document.getElementById('lang');
  langBtn.textContent = t('lang');
  langBtn.setAttribute('aria-label', t('lang.label'));
  const skip = document.querySelector('.skip');
  if (skip) skip.textContent = t('skip');

  const who = document.getElementById('who');
  if (session.me) {
    const name = session.me.display_name || session.me.username;
    replace(
      who,
      h('span', { class: 'user', 'data-role': r }, name + ' · ' + t('role.' + r)),
      h('button', { type: 'button', class: 'ghost', id: 'logout', onclick: logout }, t('nav.logout')),
    );
  } else {
    replace(who, link('/login', t('nav.login'), p === '/login'));
  }
}

async function logout() {
  try {
    await post('/api/v1/logout');
  } catch {
    // the session is dropped locally either way
  }
  session.me = null;
  navigate('/');
}

// loadMe asks the server who we are; 401 (or an absent endpoint) means anonymous.
export async function loadMe() {
  // Every session comes with the readable sishui_csrf cookie: without it the
  // visitor is anonymous, and asking /me would only earn a logged 401.
  if (!cookie('sishui_csrf')) {
    session.me = null;
    return null;
  }
  try {
    session.me = await get('/api/v1/me');
  } catch (e) {
    session.me = null;
    if (!(e instanceof ApiError)) throw e;
  }
  return session.me;
}

export async function afterLogin(next) {
  await loadMe();
  navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : landing(), true);
  if (session.me) toast((session.me.display_name || session.me.username) + ' · ' + t('role.' + role()));
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[data-link]');
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  ev.preventDefault();
  if (url.pathname + url.search !== location.pathname + location.search) navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => render());

document.getElementById('lang').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'zh-CN' : 'en');
  render();
});

setLang(getLang());
loadMe().then(render, render);
