// Pieces shared by the pages: cards, tables, badges, selects and the year.
import { h } from '../dom.js';
import { t, tn } from '../i18n.js';
import { maybe, items } from '../api.js';

export function page(title, ...children) {
  return h('section', { class: 'page' }, h('h1', null, title), ...children);
}

export function panel(title, ...children) {
  const id = 'p-' + Math.random().toString(36).slice(2, 8);
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function card(label, value, sub, attrs) {
  return h(
    'div',
    Object.assign({ class: 'card' }, attrs || {}),
    h('div', { class: 'card-label' }, label),
    h('div', { class: 'card-value' }, value),
    sub ? h('div', { class: 'card-sub' }, sub) : null,
  );
}

export function nodata() {
  return h('p', { class: 'nodata' }, t('nodata'));
}

// table renders rows with columns [{label, cell: row => node|string, num?}].
export function table(columns, rows, attrs) {
  if (!rows || rows.length === 0) return nodata();
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs || null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h(
        'tbody',
        null,
        rows.map((r) => h('tr', null, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell(r))))),
      ),
    ),
  );
}

export function badge(prefix, value, extraClass) {
  return h('span', { class: 'badge ' + prefix + '-' + String(value).replace(/\s+/g, '_') + (extraClass ? ' ' + extraClass : '') }, tn(prefix, value));
}

export function thisYear() {
  // Beijing calendar year.
  return new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
}

export function yearOf(ctx) {
  const y = Number(ctx.query.get('year'));
  return Number.isInteger(y) && y > 1990 && y < 2200 ? y : thisYear();
}

export function select(label, name, options, value, onchange) {
  const id = 'sel-' + name;
  return h(
    'label',
    { class: 'inline', for: id },
    h('span', null, label),
    h(
      'select',
      { id, name, onchange },
      options.map(([v, l]) => h('option', { value: v, selected: String(v) === String(value) }, l)),
    ),
  );
}

let regionCache = null;

// regions loads the region vocabulary once per page load (public data).
export async function regions() {
  if (regionCache) return regionCache;
  const list = items(await maybe('/api/v1/regions'));
  regionCache = list;
  return list;
}

export function regionName(list, code) {
  const r = list.find((x) => x.code === code);
  if (!r) return code || '—';
  return document.documentElement.lang === 'en' && r.name_en ? r.name_en : r.name;
}

export function counties(list) {
  return list.filter((r) => r.level === 'county');
}

let vocabCache = null;

// vocab loads the source and sector vocabularies once per page load (public data).
export async function vocab() {
  if (vocabCache) return vocabCache;
  const [sources, sectors] = await Promise.all([maybe('/api/v1/sources'), maybe('/api/v1/sectors')]);
  vocabCache = { sources: items(sources), sectors: items(sectors) };
  return vocabCache;
}

// vocabName shows a code of a vocabulary by its name in the current language.
export function vocabName(list, code) {
  const x = (list || []).find((v) => v.code === code);
  if (!x) return code || '—';
  return document.documentElement.lang === 'en' && x.name_en ? x.name_en : x.name;
}
