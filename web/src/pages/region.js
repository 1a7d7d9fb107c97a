// Region drill-down: summary, monthly use by source with the cap, use by
// source × sector, the region's permits and its points.
import { h } from '../dom.js';
import { maybe, items } from '../api.js';
import { t, tn, fmtVolume, fmtPct, fmtNum, fmtTime } from '../i18n.js';
import { chart, palette, statusColor } from '../charts.js';
import { page, panel, card, table, badge, yearOf, regions, regionName, counties, select, nodata } from './common.js';
import { navigate, me } from '../main.js';
import { shareClass } from './overview.js';

export async function regionPage(ctx) {
  const regs = await regions();
  let code = ctx.params[0];
  if (!code) {
    const mine = me() && me().region;
    code = mine || (counties(regs)[0] && counties(regs)[0].code);
    if (!code) return page(t('r.title'), nodata());
    navigate('/regions/' + code, true);
    return h('div');
  }
  const year = yearOf(ctx);
  const [sum, use, permits, pts, statuses] = await Promise.all([
    maybe('/api/v1/regions/' + code + '/summary', { year }),
    maybe('/api/v1/use', { region: code, year, by: 'month' }),
    maybe('/api/v1/permits', { region: code, limit: 200 }),
    maybe('/api/v1/points', { region: code, limit: 200 }),
    maybe('/api/v1/points/status', { region: code }),
  ]);
  const name = regionName(regs, code);
  const pick = select(
    t('r.pick'),
    'region',
    counties(regs).map((r) => [r.code, regionName(regs, r.code)]),
    code,
    (e) => navigate('/regions/' + e.target.value + '?year=' + year),
  );
  const years = [];
  for (let y = year + 1; y >= year - 5; y--) years.push([y, String(y)]);
  const ysel = select(t('year'), 'year', years, year, (e) => navigate('/regions/' + code + '?year=' + e.target.value));

  const cards = sum
    ? h(
        'div',
        { class: 'cards' },
        card(t('ov.use'), fmtVolume(sum.use_m3), t('ov.cap') + ' ' + fmtVolume(sum.cap_m3)),
        card(t('ov.share'), fmtPct(sum.use_share), t('ov.projected') + ' ' + fmtVolume(sum.projected_m3), { class: 'card ' + shareClass(sum.use_share) }),
        card(t('ov.groundwater'), fmtVolume(sum.groundwater_use_m3), t('ov.cap') + ' ' + fmtVolume(sum.groundwater_cap_m3)),
        card(t('ov.grade'), sum.grade && sum.grade.code ? tn('grade', sum.grade.code) : '—'),
        card(t('ov.pointsReporting'), fmtNum(sum.points_reporting) + ' / ' + fmtNum(sum.points), t('ov.completeness') + ' ' + fmtPct(sum.completeness)),
        card(t('ov.alerts'), fmtNum(sum.open_alerts)),
      )
    : h('div', { class: 'cards' }, card(t('ov.use'), t('nodata')));

  const rows = items(use);
  const chartEl = h('div', { class: 'chart', id: 'use-chart', role: 'img', 'aria-label': t('r.useByMonth') });
  const usePanel = panel(t('r.useByMonth'), rows.length ? chartEl : nodata());
  const pivotPanel = panel(t('r.pivot'), pivot(rows));

  const statusById = new Map(items(statuses).map((s) => [s.id, s]));
  const pointPanel = panel(
    t('r.points'),
    table(
      [
        { label: t('f.code'), cell: (p) => h('a', { href: '/points/' + p.id, 'data-link': true }, p.code) },
        { label: t('f.name'), cell: (p) => p.name },
        { label: t('f.kind'), cell: (p) => p.kind },
        {
          label: t('ov.status'),
          cell: (p) => {
            const s = statusById.get(p.id);
            return s ? h('span', { class: 'dot', style: { color: statusColor[s.status] } }, '● ' + tn('status', s.status)) : '—';
          },
        },
        { label: t('p.time'), cell: (p) => (statusById.get(p.id) ? fmtTime(statusById.get(p.id).last_seen) : '—') },
      ],
      items(pts),
      { id: 'region-points' },
    ),
  );
  const permitPanel = panel(
    t('r.permits'),
    table(
      [
        { label: t('f.number'), cell: (p) => p.number },
        { label: t('f.user_id'), cell: (p) => h('a', { href: '/users/' + p.user_id, 'data-link': true }, String(p.user_id)) },
        { label: t('f.source'), cell: (p) => p.source },
        { label: t('f.sector'), cell: (p) => p.sector },
        { label: t('f.annual_m3'), num: true, cell: (p) => fmtVolume(p.annual_m3) },
        { label: t('f.status'), cell: (p) => badge('permit', p.status) },
      ],
      items(permits),
      { id: 'region-permits' },
    ),
  );

  const view = page(name + ' · ' + year, h('div', { class: 'toolbar' }, pick, ysel), cards, h('div', { class: 'grid2' }, usePanel, pivotPanel), permitPanel, pointPanel);
  if (rows.length) queueMicrotask(() => requestAnimationFrame(() => drawUse(chartEl, rows, sum)));
  return view;
}

function drawUse(el, rows, sum) {
  const months = [...new Set(rows.map((r) => String(r.period)))].sort();
  const sources = [...new Set(rows.map((r) => r.source || '—'))];
  const series = sources.map((s, i) => ({
    type: 'bar',
    name: s,
    stack: 'use',
    itemStyle: { color: palette[i % palette.length] },
    data: months.map((m) => rows.filter((r) => String(r.period) === m && (r.source || '—') === s).reduce((a, r) => a + (r.volume_m3 || 0), 0) / 1e4),
  }));
  let cum = 0;
  const cumulative = months.map((m) => {
    cum += rows.filter((r) => String(r.period) === m).reduce((a, r) => a + (r.volume_m3 || 0), 0);
    return cum / 1e4;
  });
  series.push({
    type: 'line',
    name: t('r.cumulative'),
    yAxisIndex: 1,
    data: cumulative,
    itemStyle: { color: '#333' },
    markLine: sum && sum.cap_m3 ? { symbol: 'none', data: [{ yAxis: sum.cap_m3 / 1e4, name: t('ov.cap') }], label: { formatter: t('ov.cap') } } : undefined,
  });
  const c = chart(el);
  c.setOption({
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 64, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: '万m³' },
      { type: 'value', name: '万m³', splitLine: { show: false } },
    ],
    series,
  });
}

function pivot(rows) {
  if (!rows.length) return nodata();
  const sources = [...new Set(rows.map((r) => r.source || '—'))].sort();
  const sectors = [...new Set(rows.map((r) => r.sector || '—'))].sort();
  const cell = (s, k) => rows.filter((r) => (r.source || '—') === s && (r.sector || '—') === k).reduce((a, r) => a + (r.volume_m3 || 0), 0);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'pivot' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('f.source') + ' \\ ' + t('f.sector')), sectors.map((k) => h('th', { scope: 'col', class: 'num' }, k)), h('th', { scope: 'col', class: 'num' }, t('r.total')))),
      h(
        'tbody',
        null,
        sources.map((s) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, s),
            sectors.map((k) => h('td', { class: 'num' }, fmtVolume(cell(s, k)))),
            h('td', { class: 'num' }, fmtVolume(sectors.reduce((a, k) => a + cell(s, k), 0))),
          ),
        ),
      ),
    ),
  );
}
