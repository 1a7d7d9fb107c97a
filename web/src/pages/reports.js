// Reports: pick monthly or annual, a region and a period; preview the JSON and
// download CSV or xlsx from the same endpoint.
import { h, replace } from '../dom.js';
import { get, qs, ApiError } from '../api.js';
import { t, fmtNum, fmtVolume, fmtTime } from '../i18n.js';
import { page, panel, select, regions, regionName, counties, thisYear, nodata } from './common.js';
import { me } from '../main.js';

export async function reportsPage(ctx) {
  const regs = await regions();
  const now = new Date(Date.now() + 8 * 3600e3);
  const state = {
    kind: ctx.query.get('kind') === 'annual' ? 'annual' : 'monthly',
    region: ctx.query.get('region') || (me() && me().region) || (regs.find((r) => r.level === 'city') || {}).code || '',
    year: Number(ctx.query.get('year')) || thisYear(),
    month: Number(ctx.query.get('month')) || now.getUTCMonth() + 1,
  };
  const preview = h('div', { id: 'report-preview' });
  const links = h('div', { class: 'actions', id: 'report-links' });

  const url = (format) =>
    '/api/v1/reports/' + state.kind + qs({ region: state.region, year: state.year, month: state.kind === 'monthly' ? state.month : '', format });

  function updateLinks() {
    replace(
      links,
      h('a', { class: 'button', id: 'dl-csv', href: url('csv'), download: `sishui-${state.kind}-${state.region}-${state.year}${state.kind === 'monthly' ? '-' + state.month : ''}.csv` }, t('rep.csv')),
      h('a', { class: 'button', id: 'dl-xlsx', href: url('xlsx'), download: `sishui-${state.kind}-${state.region}-${state.year}${state.kind === 'monthly' ? '-' + state.month : ''}.xlsx` }, t('rep.xlsx')),
    );
  }

  async function load() {
    updateLinks();
    replace(preview, h('p', { class: 'loading' }, t('loading')));
    try {
      const data = await get(url('json'));
      if (!ctx.isCurrent()) return;
      replace(preview, render(data));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(preview, e.absent ? nodata() : h('p', { class: 'error', role: 'alert' }, e.message));
    }
  }

  const regionOpts = [...regs.filter((r) => r.level === 'city'), ...counties(regs)].map((r) => [r.code, regionName(regs, r.code)]);
  const years = [];
  for (let y = thisYear(); y >= thisYear() - 6; y--) years.push([y, String(y)]);
  const monthSel = select(t('month'), 'month', Array.from({ length: 12 }, (_, i) => [i + 1, String(i + 1)]), state.month, (e) => {
    state.month = Number(e.target.value);
    load();
  });
  const controls = h(
    'div',
    { class: 'toolbar' },
    select(
      t('rep.kind'),
      'kind',
      [
        ['monthly', t('rep.monthly')],
        ['annual', t('rep.annual')],
      ],
      state.kind,
      (e) => {
        state.kind = e.target.value;
        monthSel.hidden = state.kind !== 'monthly';
        load();
      },
    ),
    select(t('region'), 'region', regionOpts, state.region, (e) => {
      state.region = e.target.value;
      load();
    }),
    select(t('year'), 'year', years, state.year, (e) => {
      state.year = Number(e.target.value);
      load();
    }),
    monthSel,
  );
  monthSel.hidden = state.kind !== 'monthly';
  queueMicrotask(() => load().catch(() => replace(preview, nodata())));
  return page(t('rep.title'), controls, links, panel(t('rep.preview'), preview));
}

// render shows a report ({kind, region_name, year, month, tables: [{name,
// title, columns: [{key, header, unit}], rows: [[…]]}]}) as titled tables,
// the way the CSV and xlsx lay it out; anything else generically.
function render(v) {
  if (!v || !Array.isArray(v.tables)) return renderAny(v);
  const en = document.documentElement.lang === 'en';
  const heading = [v.region_name || v.region, v.year ? String(v.year) + (en ? '' : '年') : '', v.month ? String(v.month) + (en ? '' : '月') : '']
    .filter(Boolean)
    .join(en ? ' · ' : ' ');
  return h(
    'div',
    { class: 'report-block' },
    h('p', { class: 'muted small' }, heading, v.generated ? ' · ' + t('rep.generated') + ' ' + fmtTime(v.generated) : ''),
    v.tables.map((tb) =>
      h(
        'section',
        { class: 'report-table', 'data-table': tb.name },
        h('h3', null, en ? tb.name.replace(/_/g, ' ') : tb.title || tb.name),
        !tb.rows || !tb.rows.length
          ? nodata()
          : h(
              'div',
              { class: 'table-wrap' },
              h(
                'table',
                { class: 'report' },
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    tb.columns.map((c) =>
                      h('th', { scope: 'col', title: c.key }, (en ? c.key.replace(/_/g, ' ') : c.header) + (c.unit ? '（' + c.unit + '）' : '')),
                    ),
                  ),
                ),
                h(
                  'tbody',
                  null,
                  tb.rows.map((r) =>
                    h(
                      'tr',
                      null,
                      tb.columns.map((c, i) => h('td', { class: typeof r[i] === 'number' ? 'num' : null }, cell(r[i], c))),
                    ),
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}

function cell(x, col) {
  if (typeof x === 'number') {
    if (col.unit === 'm³') return fmtNum(Math.round(x), 0);
    return fmtNum(x, 3);
  }
  if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(x)) return fmtTime(x);
  return scalar(x);
}

// renderAny shows any JSON: objects as fact lists, arrays of objects as tables.
function renderAny(v, depth = 0) {
  if (v === null || v === undefined) return nodata();
  if (Array.isArray(v)) {
    if (!v.length) return nodata();
    if (typeof v[0] !== 'object' || v[0] === null) return h('span', null, v.map(scalar).join(', '));
    const cols = [...new Set(v.flatMap((r) => Object.keys(r)))].filter((k) => v.some((r) => r[k] === null || typeof r[k] !== 'object'));
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'report' },
        h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, v.map((r) => h('tr', null, cols.map((c) => h('td', { class: typeof r[c] === 'number' ? 'num' : null }, scalar(r[c], c)))))),
      ),
    );
  }
  if (typeof v === 'object') {
    const scalars = Object.entries(v).filter(([, x]) => x === null || typeof x !== 'object');
    const nested = Object.entries(v).filter(([, x]) => x !== null && typeof x === 'object');
    return h(
      'div',
      { class: 'report-block' },
      scalars.length ? h('dl', { class: 'facts' }, scalars.map(([k, x]) => [h('dt', null, k), h('dd', null, scalar(x, k))])) : null,
      nested.map(([k, x]) => h('div', null, h(depth ? 'h4' : 'h3', null, k), renderAny(x, depth + 1))),
    );
  }
  return h('span', null, scalar(v));
}

function scalar(x, key) {
  if (typeof x === 'number') return key && /_m3$/.test(key) ? fmtVolume(x) : fmtNum(x, 3);
  if (typeof x === 'boolean') return x ? '✓' : '✗';
  return x === null || x === undefined ? '—' : String(x);
}
