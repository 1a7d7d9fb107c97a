// Region drill-down: summary, monthly use by source with the cap, use by
// source × sector, the region's permits and its points.
import { h } from '../dom.js';
import { maybe, items } from '../api.js';
import { t, tn, fmtVolume, fmtPct, fmtNum, fmtTime } from '../i18n.js';
import { chart, statusColor } from '../charts.js';
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
  const [sum, use, bySource, bySector, permits, pts, statuses, users, sources, sectors] = await Promise.all([
    maybe('/api/v1/regions/' + code + '/summary', { year }),
    maybe('/api/v1/use', { region: code, year, by: 'month' }),
    maybe('/api/v1/use', { region: code, year, by: 'source' }),
    maybe('/api/v1/use', { region: code, year, by: 'sector' }),
    maybe('/api/v1/permits', { region: code, limit: 500 }),
    maybe('/api/v1/points', { region: code, limit: 500 }),
    maybe('/api/v1/points/status', { region: code }),
    maybe('/api/v1/water-users', { region: code, limit: 1000 }),
    maybe('/api/v1/sources'),
    maybe('/api/v1/sectors'),
  ]);
  const userName = new Map(items(users).map((u) => [u.id, u.name]));
  const vocabName = (list, c) => {
    const x = items(list).find((v) => v.code === c);
    if (!x) return c || '—';
    return document.documentElement.lang === 'en' && x.name_en ? x.name_en : x.name;
  };
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
  const shareTable = (list, key, id) => {
    const rs = items(list).filter((r) => r.volume_m3 > 0);
    const total = rs.reduce((a, r) => a + r.volume_m3, 0);
    return table(
      [
        { label: key === 'source' ? t('f.source') : t('f.sector'), cell: (r) => vocabName(key === 'source' ? sources : sectors, r[key]) },
        { label: t('ov.use'), num: true, cell: (r) => fmtVolume(r.volume_m3) },
        { label: t('r.share'), num: true, cell: (r) => fmtPct(total ? r.volume_m3 / total : null) },
        { label: t('r.measured'), num: true, cell: (r) => fmtPct(r.volume_m3 ? r.measured_m3 / r.volume_m3 : null) },
      ],
      rs.sort((a, b) => b.volume_m3 - a.volume_m3),
      { id },
    );
  };
  const pivotPanel = panel(t('r.pivot'), h('div', { class: 'split' }, shareTable(bySource, 'source', 'use-by-source'), shareTable(bySector, 'sector', 'use-by-sector')));

  const statusById = new Map(items(statuses).map((s) => [s.id, s]));
  const pointPanel = panel(
    t('r.points'),
    table(
      [
        { label: t('f.code'), cell: (p) => h('a', { href: '/points/' + p.id, 'data-link': true }, p.code) },
        { label: t('f.name'), cell: (p) => p.name },
        { label: t('f.kind'), cell: (p) => tn('pkind', p.kind) },
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
        { label: t('f.user_id'), cell: (p) => h('a', { href: '/users/' + p.user_id, 'data-link': true }, userName.get(p.user_id) || String(p.user_id)) },
        { label: t('f.source'), cell: (p) => vocabName(sources, p.source) },
        { label: t('f.sector'), cell: (p) => vocabName(sectors, p.sector) },
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

// drawUse stacks each month's use by how it is known (metered, estimated for
// gaps, entered for unmetered use) with the cumulative use against the cap.
function drawUse(el, rows, sum) {
  const thisMonth = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7);
  const months = rows.map((r) => String(r.period)).sort();
  const byMonth = new Map(rows.map((r) => [String(r.period), r]));
  const parts = [
    ['measured_m3', t('r.basisMeasured'), '#2f6fb0'],
    ['estimated_m3', t('r.basisEstimated'), '#e6a23c'],
    ['entered_m3', t('r.basisEntered'), '#8bbf5a'],
  ];
  const series = parts.map(([k, name, color]) => ({
    type: 'bar',
    name,
    stack: 'use',
    itemStyle: { color },
    data: months.map((m) => ((byMonth.get(m) || {})[k] || 0) / 1e4),
  }));
  let cum = 0;
  const cumulative = months.map((m) => {
    cum += (byMonth.get(m) || {}).volume_m3 || 0;
    return m <= thisMonth ? Math.round(cum) / 1e4 : null;
  });
  series.push({
    type: 'line',
    name: t('r.cumulative'),
    yAxisIndex: 1,
    data: cumulative,
    itemStyle: { color: '#333' },
    markLine:
      sum && sum.cap_m3
        ? { symbol: 'none', lineStyle: { color: '#d64545', type: 'dashed' }, data: [{ yAxis: sum.cap_m3 / 1e4 }], label: { formatter: t('ov.cap'), position: 'insideEndTop' } }
        : undefined,
  });
  const c = chart(el);
  c.setOption({
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : fmtVolume(v * 1e4)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 64, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((m) => m.slice(5)) },
    yAxis: [
      { type: 'value', name: '万m³' },
      { type: 'value', name: t('r.cumulative'), splitLine: { show: false }, max: (v) => Math.max(v.max, sum && sum.cap_m3 ? sum.cap_m3 / 1e4 : 0) * 1.05 },
    ],
    series,
  });
}
