// Models: run the allocation model on the Liaocheng scenario and show demand,
// delivery and shortage by month (table and chart), and by demand node.
import { h, replace } from '../dom.js';
import { post, ApiError } from '../api.js';
import { t, tn, fmtVolume, fmtPct } from '../i18n.js';
import { chart } from '../charts.js';
import { page, panel, table, nodata, regions, regionName } from './common.js';

export async function modelsPage(ctx) {
  const out = h('div', { id: 'model-result' });
  const btn = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'run-model',
      onclick: async () => {
        btn.disabled = true;
        replace(out, h('p', { class: 'loading' }, t('m.running')));
        try {
          const [res, regs] = await Promise.all([post('/api/v1/models/allocate', { scenario: 'liaocheng' }), regions()]);
          if (ctx.isCurrent()) show(out, res, regs);
        } catch (e) {
          replace(out, h('p', { class: e instanceof ApiError && e.absent ? 'nodata' : 'error', role: 'alert' }, e instanceof ApiError && e.absent ? t('m.unavailable') : String(e.message || e)));
        } finally {
          btn.disabled = false;
        }
      },
    },
    t('m.run'),
  );
  return page(t('m.title'), h('div', { class: 'toolbar' }, btn), out);
}

// The scenario names counties in pinyin; the dashboard shows them by code.
const modelRegion = {
  dongchangfu: '371502',
  chiping: '371503',
  yanggu: '371521',
  shenxian: '371522',
  donge: '371524',
  guanxian: '371525',
  gaotang: '371526',
  linqing: '371581',
};

const sum = (list, k) => (list || []).reduce((a, x) => a + (Number(x[k]) || 0), 0);

function show(out, res, regs) {
  const periods = (res && res.periods) || [];
  if (!periods.length) {
    replace(out, nodata());
    return;
  }
  const rows = periods.map((p) => ({
    month: p.month || String(p.period),
    demand: sum(p.demands, 'demand_m3'),
    delivered: sum(p.demands, 'delivered_m3'),
    shortage: sum(p.demands, 'shortage_m3'),
    binding: p.binding || [],
  }));
  const chartEl = h('div', { class: 'chart', id: 'model-chart', role: 'img', 'aria-label': t('m.shortage') });
  const byNode = new Map();
  for (const p of periods)
    for (const d of p.demands || []) {
      const k = d.name;
      const x = byNode.get(k) || { name: d.name, region: d.region, sector: d.sector, priority: d.priority, demand: 0, delivered: 0, shortage: 0 };
      x.demand += d.demand_m3 || 0;
      x.delivered += d.delivered_m3 || 0;
      x.shortage += d.shortage_m3 || 0;
      byNode.set(k, x);
    }
  replace(
    out,
    h(
      'div',
      { class: 'grid2' },
      panel(
        t('m.monthly'),
        table(
          [
            { label: t('m.month'), cell: (r) => r.month },
            { label: t('m.demand'), num: true, cell: (r) => fmtVolume(r.demand) },
            { label: t('m.delivered'), num: true, cell: (r) => fmtVolume(r.delivered) },
            { label: t('m.shortage'), num: true, cell: (r) => fmtVolume(r.shortage) },
            { label: t('m.coverage'), num: true, cell: (r) => fmtPct(r.demand ? r.delivered / r.demand : 1) },
            { label: t('m.binding'), num: true, cell: (r) => h('span', { title: r.binding.join('\n') }, String(r.binding.length)) },
          ],
          rows,
          { id: 'model-periods' },
        ),
      ),
      panel(t('m.chart'), chartEl),
    ),
    panel(
      t('m.byNode'),
      table(
        [
          { label: t('f.region'), cell: (r) => (modelRegion[r.region] ? regionName(regs, modelRegion[r.region]) : r.region || '') },
          { label: t('f.sector'), cell: (r) => tn('msector', r.sector) },
          { label: 'P', num: true, cell: (r) => r.priority ?? '' },
          { label: t('m.demand'), num: true, cell: (r) => fmtVolume(r.demand) },
          { label: t('m.shortage'), num: true, cell: (r) => fmtVolume(r.shortage) },
          { label: t('m.coverage'), num: true, cell: (r) => fmtPct(r.demand ? r.delivered / r.demand : 1) },
        ],
        [...byNode.values()].sort((a, b) => b.shortage - a.shortage),
        { id: 'model-nodes' },
      ),
    ),
  );
  requestAnimationFrame(() => {
    const c = chart(chartEl);
    c.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: { type: 'value', name: '万m³' },
      series: [
        { type: 'bar', stack: 'd', name: t('m.delivered'), data: rows.map((r) => r.delivered / 1e4), itemStyle: { color: '#2f6fb0' } },
        { type: 'bar', stack: 'd', name: t('m.shortage'), data: rows.map((r) => r.shortage / 1e4), itemStyle: { color: '#d64545' } },
      ],
    });
  });
}
