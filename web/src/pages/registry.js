// Registry management: lists and forms for water users, permits and points.
// Forms leave validation to the server and show its message next to the field
// it names; a 409 (e.g. 限批, a capped region refusing new permits) is shown
// with its reason above the form.
import { h, replace, toast, nextId } from '../dom.js';
import { get, post, put, maybe, items, ApiError } from '../api.js';
import { t, fmtVolume, fmtDate, tn } from '../i18n.js';
import { page, panel, table, regions, regionName, badge } from './common.js';
import { navigate, mayWrite } from '../main.js';

const PAGE = 50;

const kinds = ['withdrawal', 'river', 'well', 'reservoir', 'rain', 'reclaimed', 'geothermal', 'electricity'];
const protocols = ['sl651', 'szy206', 'http', 'mqtt', 'manual'];
const permitStatuses = ['pending', 'active', 'suspended', 'expired', 'revoked'];

function label(list, code) {
  const r = list.find((x) => x.code === code);
  if (!r) return code || '';
  return document.documentElement.lang === 'en' && r.name_en ? r.name_en : r.name;
}

async function vocab(kind) {
  const [regs, sectors, sources, users] = await Promise.all([
    regions(),
    maybe('/api/v1/sectors'),
    maybe('/api/v1/sources'),
    // Permit lists name their water users (one page of names, not the records).
    kind === 'permits' ? maybe('/api/v1/water-users', { limit: 1000 }) : null,
  ]);
  return { regs, sectors: items(sectors), sources: items(sources), users: new Map(items(users).map((u) => [u.id, u.name])) };
}

const regionOpts = (v) => v.regs.filter((r) => r.level === 'county' || r.level === 'zone').map((r) => [r.code, r.code + ' ' + label(v.regs, r.code)]);
const codeOpts = (list) => list.map((x) => [x.code, label(list, x.code)]);

// Each kind: its API path, list columns and form fields.
function kindsOf(v) {
  return {
    'water-users': {
      title: t('reg.users'),
      path: '/api/v1/water-users',
      columns: [
        { label: 'ID', num: true, cell: (r) => r.id },
        { label: t('f.name'), cell: (r) => h('a', { href: '/users/' + r.id, 'data-link': true }, r.name) },
        { label: t('f.credit_code'), cell: (r) => r.credit_code },
        { label: t('f.region'), cell: (r) => regionName(v.regs, r.region) },
        { label: t('f.sector'), cell: (r) => label(v.sectors, r.sector) },
      ],
      fields: () => [
        { name: 'name', required: true },
        { name: 'credit_code', required: true, attrs: { maxlength: 18, autocapitalize: 'characters', spellcheck: 'false' } },
        { name: 'region', type: 'select', options: regionOpts(v), required: true },
        { name: 'sector', type: 'select', options: codeOpts(v.sectors), required: true },
        { name: 'address' },
        { name: 'lon', type: 'number', step: 'any' },
        { name: 'lat', type: 'number', step: 'any' },
        { name: 'contact' },
        { name: 'phone', attrs: { type: 'tel' } },
        { name: 'note', type: 'textarea' },
      ],
    },
    permits: {
      title: t('reg.permits'),
      path: '/api/v1/permits',
      columns: [
        { label: t('f.number'), cell: (r) => r.number },
        { label: t('f.user_id'), cell: (r) => h('a', { href: '/users/' + r.user_id, 'data-link': true }, (v.users && v.users.get(r.user_id)) || String(r.user_id)) },
        { label: t('f.region'), cell: (r) => regionName(v.regs, r.region) },
        { label: t('f.source'), cell: (r) => label(v.sources, r.source) },
        { label: t('f.sector'), cell: (r) => label(v.sectors, r.sector) },
        { label: t('f.annual_m3'), num: true, cell: (r) => fmtVolume(r.annual_m3) },
        { label: t('f.valid_to'), cell: (r) => fmtDate(r.valid_to) },
        { label: t('f.status'), cell: (r) => badge('permit', r.status) },
      ],
      fields: async () => {
        const users = items(await maybe('/api/v1/water-users', { limit: 1000 }));
        return [
          { name: 'number', required: true },
          { name: 'user_id', type: 'select', int: true, options: users.map((u) => [u.id, u.id + ' ' + u.name]), required: true },
          { name: 'region', type: 'select', options: regionOpts(v), required: true },
          { name: 'source', type: 'select', options: codeOpts(v.sources), required: true },
          { name: 'sector', type: 'select', options: codeOpts(v.sectors), required: true },
          { name: 'purpose' },
          { name: 'intake_name' },
          { name: 'annual_m3', type: 'number', int: true, step: '1' },
          { name: 'valid_from', type: 'date' },
          { name: 'valid_to', type: 'date' },
          { name: 'status', type: 'select', options: permitStatuses.map((s) => [s, tn('permit', s)]), value: 'active' },
          { name: 'lon', type: 'number', step: 'any' },
          { name: 'lat', type: 'number', step: 'any' },
          { name: 'note', type: 'textarea' },
        ];
      },
    },
    points: {
      title: t('reg.points'),
      path: '/api/v1/points',
      columns: [
        { label: t('f.code'), cell: (r) => h('a', { href: '/points/' + r.id, 'data-link': true }, r.code) },
        { label: t('f.name'), cell: (r) => r.name },
        { label: t('f.kind'), cell: (r) => r.kind },
        { label: t('f.protocol'), cell: (r) => r.protocol },
        { label: t('f.region'), cell: (r) => regionName(v.regs, r.region) },
        { label: t('f.permit_id'), num: true, cell: (r) => r.permit_id || '' },
      ],
      fields: async () => {
        const [permits, sections] = await Promise.all([maybe('/api/v1/permits', { limit: 1000 }), maybe('/api/v1/sections')]);
        return [
          { name: 'code', required: true, attrs: { spellcheck: 'false' } },
          { name: 'name', required: true },
          { name: 'kind', type: 'select', options: kinds.map((k) => [k, k]), required: true },
          { name: 'protocol', type: 'select', options: protocols.map((k) => [k, k]), required: true },
          { name: 'region', type: 'select', options: regionOpts(v), required: true },
          { name: 'permit_id', type: 'select', int: true, options: items(permits).map((p) => [p.id, p.number]) },
          { name: 'section_id', type: 'select', int: true, options: items(sections).map((s) => [s.id, s.name]) },
          { name: 'source', type: 'select', options: codeOpts(v.sources) },
          { name: 'multiplier', type: 'number', step: 'any', value: 1 },
          { name: 'interval_seconds', type: 'number', int: true, step: '1', value: 3600 },
          { name: 'lon', type: 'number', step: 'any' },
          { name: 'lat', type: 'number', step: 'any' },
          { name: 'note', type: 'textarea' },
        ];
      },
    },
  };
}

export async function registryPage(ctx) {
  const kind = ctx.params[0] || 'water-users';
  const v = await vocab(kind);
  const all = kindsOf(v);
  const k = all[kind];
  if (!k) {
    navigate('/registry', true);
    return h('div');
  }
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': t('reg.title') },
    Object.entries(all).map(([key, x]) => h('a', { href: '/registry/' + key, 'data-link': true, 'aria-current': key === kind ? 'page' : null }, x.title)),
  );
  const q = ctx.query.get('q') || '';
  const offset = Math.max(0, Number(ctx.query.get('offset')) || 0);
  const list = await get(k.path, { q, offset, limit: PAGE });
  const total = list && typeof list.total === 'number' ? list.total : items(list).length;
  const formSlot = h('div', { id: 'form-slot' });

  const columns = k.columns.slice();
  if (mayWrite()) {
    columns.push({
      label: t('actions'),
      cell: (r) =>
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-edit': r.id,
            onclick: async () => {
              const full = await get(k.path + '/' + r.id);
              await openForm(k, formSlot, full);
            },
          },
          t('edit'),
        ),
    });
  }

  const search = h(
    'form',
    {
      class: 'toolbar',
      role: 'search',
      onsubmit: (ev) => {
        ev.preventDefault();
        const val = ev.target.elements.q.value.trim();
        navigate('/registry/' + kind + (val ? '?q=' + encodeURIComponent(val) : ''));
      },
    },
    h('label', { for: 'q', class: 'inline' }, h('span', null, t('search')), h('input', { id: 'q', name: 'q', type: 'search', value: q })),
    h('button', { type: 'submit' }, t('search')),
    mayWrite() ? h('button', { type: 'button', id: 'new-' + kind, class: 'primary', onclick: () => openForm(k, formSlot, null) }, t('create') + ' · ' + k.title) : null,
  );

  const pager = h(
    'div',
    { class: 'pager' },
    h('span', { class: 'muted' }, `${total ? offset + 1 : 0}–${Math.min(offset + PAGE, total)} / ${total}`),
    offset > 0 ? h('a', { href: `/registry/${kind}?q=${encodeURIComponent(q)}&offset=${Math.max(0, offset - PAGE)}`, 'data-link': true }, t('prev')) : null,
    offset + PAGE < total ? h('a', { href: `/registry/${kind}?q=${encodeURIComponent(q)}&offset=${offset + PAGE}`, 'data-link': true }, t('next')) : null,
  );

  return page(t('reg.title'), tabs, search, formSlot, panel(k.title, table(columns, items(list), { id: 'list-' + kind }), pager));
}

function dateValue(s) {
  if (!s) return '';
  return String(s).slice(0, 10);
}

async function openForm(k, slot, record) {
  const fields = await k.fields();
  const formErr = h('div', { class: 'form-error', id: 'form-error', role: 'alert' });
  const inputs = new Map();
  const rows = fields.map((f) => {
    const id = nextId('f-' + f.name);
    const errId = 'err-' + f.name;
    let input;
    const current = record ? record[f.name] : f.value;
    if (f.type === 'select') {
      const opts = [['', '—'], ...f.options];
      input = h(
        'select',
        { id, name: f.name, 'aria-describedby': errId },
        opts.map(([val, lab]) => h('option', { value: val, selected: current !== undefined && current !== null && String(current) === String(val) }, lab)),
      );
    } else if (f.type === 'textarea') {
      input = h('textarea', { id, name: f.name, rows: 2, 'aria-describedby': errId, value: current ?? '' });
    } else {
      input = h(
        'input',
        Object.assign(
          {
            id,
            name: f.name,
            type: f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text',
            step: f.step,
            'aria-describedby': errId,
            value: f.type === 'date' ? dateValue(current) : current === undefined || current === null || current === 0 ? (f.value ?? '') : current,
          },
          f.attrs || {},
        ),
      );
    }
    inputs.set(f.name, { f, input });
    return h(
      'div',
      { class: 'field' + (f.type === 'textarea' ? ' wide' : ''), 'data-field': f.name },
      h('label', { for: id }, t('f.' + f.name), f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      input,
      h('p', { class: 'field-error', id: errId, 'aria-live': 'polite' }),
    );
  });

  const save = h('button', { type: 'submit', class: 'primary', id: 'save' }, t('save'));
  const form = h(
    'form',
    {
      class: 'form grid-form',
      id: 'registry-form',
      novalidate: true,
      onsubmit: async (ev) => {
        ev.preventDefault();
        formErr.textContent = '';
        formErr.className = 'form-error';
        for (const { input } of inputs.values()) {
          input.removeAttribute('aria-invalid');
          document.getElementById(input.getAttribute('aria-describedby')).textContent = '';
        }
        const body = Object.assign({}, record || {});
        for (const [name, { f, input }] of inputs) {
          const raw = input.value.trim();
          if (raw === '') {
            delete body[name];
            continue;
          }
          if (f.type === 'number' || f.int) {
            const n = Number(raw);
            body[name] = Number.isFinite(n) ? n : raw;
          } else if (f.type === 'date') {
            body[name] = raw + 'T00:00:00Z';
          } else {
            body[name] = raw;
          }
        }
        delete body.created_at;
        delete body.updated_at;
        save.disabled = true;
        try {
          const saved = record ? await put(k.path + '/' + record.id, body) : await post(k.path, body);
          toast(t('reg.created') + ' · ' + (saved.name || saved.number || saved.code || saved.id), 'ok');
          replace(slot);
          navigate(location.pathname + location.search, true);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const target = inputs.get(e.field);
          if (e.status === 400 && target) {
            target.input.setAttribute('aria-invalid', 'true');
            // The message names the field already ("create permit: annual_m3: …"); next to the field the rest says it.
            const i = e.message.lastIndexOf(e.field + ': ');
            document.getElementById('err-' + e.field).textContent = i >= 0 ? e.message.slice(i + e.field.length + 2) : e.message;
            formErr.textContent = t('reg.formErrors');
            target.input.focus();
          } else if (e.status === 409) {
            formErr.className = 'form-error refusal';
            formErr.textContent = t('reg.refused', { msg: e.message });
          } else {
            formErr.textContent = (e.field ? e.field + ': ' : '') + e.message;
          }
        } finally {
          save.disabled = false;
        }
      },
    },
    formErr,
    h('div', { class: 'fields' }, rows),
    h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => replace(slot) }, t('cancel'))),
  );
  replace(slot, panel((record ? t('edit') : t('create')) + ' · ' + k.title + (record ? ' #' + record.id : ''), form));
  slot.scrollIntoView({ block: 'start' });
  const first = form.querySelector('input,select');
  if (first) first.focus();
}
