// Login: username and password to POST /api/v1/login; the server sets the
// session and CSRF cookies.
import { h } from '../dom.js';
import { post, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { page } from './common.js';
import { afterLogin, me } from '../main.js';

export async function loginPage(ctx) {
  const next = ctx.query.get('next') || '';
  const err = h('p', { class: 'error', id: 'login-error', role: 'alert', 'aria-live': 'assertive' });
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, 'aria-describedby': 'login-error' });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const btn = h('button', { type: 'submit', id: 'login-submit' }, t('login.submit'));
  const form = h(
    'form',
    {
      class: 'form narrow',
      id: 'login-form',
      'aria-label': t('login.title'),
      onsubmit: async (ev) => {
        ev.preventDefault();
        err.textContent = '';
        btn.disabled = true;
        try {
          await post('/api/v1/login', { username: user.value.trim(), password: pass.value });
          await afterLogin(next);
        } catch (e) {
          err.textContent = t('login.failed', { msg: e instanceof ApiError ? e.message : String(e) });
          pass.select();
        } finally {
          btn.disabled = false;
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'username' }, t('login.username')), user),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('login.password')), pass),
    err,
    h('div', { class: 'actions' }, btn),
    h('p', { class: 'muted small' }, t('login.hint')),
  );
  const who = me();
  return page(t('login.title'), who ? h('p', { class: 'muted' }, who.username) : h('p', { class: 'muted' }, t('login.anon')), form);
}
