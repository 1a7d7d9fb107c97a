// A water user's page: the user, their permits with this year's use, and their
// points. Enterprise accounts land here and see only their own user.
import { h } from '../dom.js';
import { get, maybe, items } from '../api.js';
import { t, tn, fmtVolume, fmtDate, fmtPct } from '../i18n.js';
import { chart } from '../charts.js';
import { page, panel, table, badge, regions, regionName, thisYear, vocab, vocabName } from './common.js';
import { me } from '../main.js';

export async function userPage(ctx) {
  const id = ctx.params[0];
  const year = thisYear();
  // /api/v1/use is scoped to the caller's own water user for enterprise
  // accounts only; for staff it would answer the whole region, so the use
  // panels are shown to the enterprise itself.
  const own = me() && me().role === 'enterprise' && String(me().water_user) === String(id);
  const [u, regs, permits, points, use, monthly, v] = await Promise.all([
    get('/api/v1/water-users/' + id),
    regions(),
    maybe('/api/v1/permits', { user_id: id, limit: 200 }),
    maybe('/api/v1/points', { user_id: id, limit: 500 }),
    own ? maybe('/api/v1/use', { year, by: 'source' }) : null,
    own ? maybe('/api/v1/use', { year, by: 'month' }) : null,
    vocab(),
  ]);
  const info = h(
    'dl',
    { class: 'facts' },
    h('dt', null, t('f.credit_code')),
    h('dd', null, u.credit_code),
    h('dt', null, t('f.region')),
    h('dd', null, regionName(regs, u.region)),
    h('dt', null, t('f.sector')),
    h('dd', null, vocabName(v.sectors, u.sector)),
    u.address ? [h('dt', null, t('f.address')), h('dd', null, u.address)] : null,
    u.contact ? [h('dt', null, t('f.contact')), h('dd', null, u.contact + (u.phone ? ' · ' + u.phone : ''))] : null,
  );
  const useRows = items(use).filter((r) => r.volume_m3 > 0);
  const permitted = new Map();
  for (const p of items(permits)) if (p.status === 'active') permitted.set(p.source, (permitted.get(p.source) || 0) + (p.annual_m3 || 0));
  const months = items(monthly);
  const chartEl = h('div', { class: 'chart', id: 'user-use-chart', role: 'img', 'aria-label': t('e.use') });
  if (months.length) {
    queueMicrotask(() =>
      requestAnimationFrame(() => {
        if (!ctx.isCurrent()) return;
        chart(chartEl).setOption({
          aria: { enabled: true },
          animation: false,
          tooltip: { trigger: 'axis', valueFormatter: (x) => fmtVolume(x) },
          grid: { left: 72, right: 16, top: 24, bottom: 28 },
          xAxis: { type: 'category', data: months.map((r) => String(r.period).slice(5)) },
          yAxis: { type: 'value', name: 'm³' },
          series: [{ type: 'bar', name: t('e.use'), data: months.map((r) => r.volume_m3), itemStyle: { color: '#2f6fb0' } }],
        });
      }),
    );
  }
  return page(
    u.name,
    panel(t('e.title'), info),
    panel(
      t('r.permits'),
      table(
        [
          { label: t('f.number'), cell: (p) => p.number },
          { label: t('f.source'), cell: (p) => vocabName(v.sources, p.source) },
          { label: t('f.sector'), cell: (p) => vocabName(v.sectors, p.sector) },
          { label: t('f.annual_m3'), num: true, cell: (p) => fmtVolume(p.annual_m3) },
          { label: t('f.valid_from'), cell: (p) => fmtDate(p.valid_from) },
          { label: t('f.valid_to'), cell: (p) => fmtDate(p.valid_to) },
          { label: t('f.status'), cell: (p) => badge('permit', p.status) },
        ],
        items(permits),
        { id: 'user-permits' },
      ),
    ),
    useRows.length
      ? panel(
          t('e.use') + ' · ' + year,
          table(
            [
              { label: t('f.source'), cell: (r) => vocabName(v.sources, r.source) },
              { label: t('e.use'), num: true, cell: (r) => fmtVolume(r.volume_m3) },
              { label: t('f.annual_m3'), num: true, cell: (r) => (permitted.get(r.source) ? fmtVolume(permitted.get(r.source)) : '—') },
              { label: t('ov.share'), num: true, cell: (r) => (permitted.get(r.source) ? fmtPct(r.volume_m3 / permitted.get(r.source)) : '—') },
            ],
            useRows,
            { id: 'user-use' },
          ),
          months.length ? chartEl : null,
        )
      : null,
    panel(
      t('r.points'),
      table(
        [
          { label: t('f.code'), cell: (p) => h('a', { href: '/points/' + p.id, 'data-link': true }, p.code) },
          { label: t('f.name'), cell: (p) => p.name },
          { label: t('f.kind'), cell: (p) => tn('pkind', p.kind) },
        ],
        items(points),
        { id: 'user-points' },
      ),
    ),
  );
}
