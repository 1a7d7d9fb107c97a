// A water user's page: the user, their permits with this year's use, and their
// points. Enterprise accounts land here and see only their own user.
import { h } from '../dom.js';
import { get, maybe, items } from '../api.js';
import { t, fmtVolume, fmtDate } from '../i18n.js';
import { page, panel, table, badge, regions, regionName, thisYear } from './common.js';

export async function userPage(ctx) {
  const id = ctx.params[0];
  const year = thisYear();
  const [u, regs, permits, points, use] = await Promise.all([
    get('/api/v1/water-users/' + id),
    regions(),
    maybe('/api/v1/permits', { user_id: id, limit: 200 }),
    maybe('/api/v1/points', { user_id: id, limit: 500 }),
    maybe('/api/v1/use', { user_id: id, year, by: 'source' }),
  ]);
  const info = h(
    'dl',
    { class: 'facts' },
    h('dt', null, t('f.credit_code')),
    h('dd', null, u.credit_code),
    h('dt', null, t('f.region')),
    h('dd', null, regionName(regs, u.region)),
    h('dt', null, t('f.sector')),
    h('dd', null, u.sector),
    u.address ? [h('dt', null, t('f.address')), h('dd', null, u.address)] : null,
    u.contact ? [h('dt', null, t('f.contact')), h('dd', null, u.contact + (u.phone ? ' · ' + u.phone : ''))] : null,
  );
  const useRows = items(use);
  return page(
    u.name,
    panel(t('e.title'), info),
    panel(
      t('r.permits'),
      table(
        [
          { label: t('f.number'), cell: (p) => p.number },
          { label: t('f.source'), cell: (p) => p.source },
          { label: t('f.sector'), cell: (p) => p.sector },
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
              { label: t('f.source'), cell: (r) => r.source || '—' },
              { label: t('e.use'), num: true, cell: (r) => fmtVolume(r.volume_m3) },
            ],
            useRows,
          ),
        )
      : null,
    panel(
      t('r.points'),
      table(
        [
          { label: t('f.code'), cell: (p) => h('a', { href: '/points/' + p.id, 'data-link': true }, p.code) },
          { label: t('f.name'), cell: (p) => p.name },
          { label: t('f.kind'), cell: (p) => p.kind },
        ],
        items(points),
        { id: 'user-points' },
      ),
    ),
  );
}
