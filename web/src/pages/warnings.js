// Warnings: the current list with filters, live updates over server-sent
// events, acknowledgement with a comment, and the history of resolved ones.
import { h, replace, toast } from '../dom.js';
import { post, maybe, items, ApiError } from '../api.js';
import { t, tn, fmtTime, fmtNum } from '../i18n.js';
import { page, panel, badge, select, regions, regionName, counties, nodata } from './common.js';
import { navigate, mayWrite } from '../main.js';

const levels = ['blue', 'yellow', 'orange', 'red'];
const levelRank = { blue: 1, yellow: 2, orange: 3, red: 4 };

export async function warningsPage(ctx) {
  const q = ctx.query;
  const history = q.get('view') === 'history';
  const filter = {
    level: q.get('level') || '',
    kind: q.get('kind') || '',
    region: q.get('region') || '',
    state: history ? 'resolved' : q.get('state') || '',
  };
  const [regs, list] = await Promise.all([regions(), maybe('/api/v1/alerts', filter)]);
  let alerts = items(list);
  if (!history) alerts = alerts.filter((a) => a.state !== 'resolved');

  const setQ = (k, v) => {
    const u = new URLSearchParams(location.search);
    if (v) u.set(k, v);
    else u.delete(k);
    navigate('/warnings' + (u.toString() ? '?' + u : ''), true);
  };
  const kindsSeen = [...new Set(alerts.map((a) => a.kind).filter(Boolean))];
  if (filter.kind && !kindsSeen.includes(filter.kind)) kindsSeen.push(filter.kind);

  const liveEl = h('span', { class: 'live off', id: 'live', role: 'status' }, t('w.liveOff'));
  const bar = h(
    'div',
    { class: 'toolbar' },
    h(
      'nav',
      { class: 'tabs', 'aria-label': t('w.title') },
      h('a', { href: '/warnings', 'data-link': true, 'aria-current': history ? null : 'page' }, t('w.current')),
      h('a', { href: '/warnings?view=history', 'data-link': true, 'aria-current': history ? 'page' : null }, t('w.history')),
    ),
    select(t('w.level'), 'level', [['', t('all')], ...levels.map((l) => [l, tn('level', l)])], filter.level, (e) => setQ('level', e.target.value)),
    select(t('w.kind'), 'kind', [['', t('all')], ...kindsSeen.map((k) => [k, k])], filter.kind, (e) => setQ('kind', e.target.value)),
    select(t('region'), 'region', [['', t('all')], ...counties(regs).map((r) => [r.code, regionName(regs, r.code)])], filter.region, (e) =>
      setQ('region', e.target.value),
    ),
    history ? null : liveEl,
  );

  const body = h('div', { id: 'alert-list' });
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const draw = () => {
    const rows = [...byId.values()].sort((a, b) => (levelRank[b.level] || 0) - (levelRank[a.level] || 0) || String(b.started).localeCompare(String(a.started)));
    replace(body, rows.length ? alertTable(rows, regs, (a, comment) => ack(a, byId, draw, comment)) : nodata());
  };
  draw();

  if (!history && typeof EventSource !== 'undefined' && list !== null) {
    const es = new EventSource('/api/v1/alerts/stream');
    es.onopen = () => {
      liveEl.className = 'live on';
      liveEl.textContent = t('w.live');
    };
    es.onerror = () => {
      liveEl.className = 'live off';
      liveEl.textContent = t('w.liveOff');
    };
    es.addEventListener('alert', (ev) => {
      let a;
      try {
        a = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (!a || a.id === undefined) return;
      if (!matches(a, filter)) return;
      if (a.state === 'resolved') byId.delete(a.id);
      else byId.set(a.id, a);
      draw();
    });
    ctx.onLeave(() => es.close());
  }

  return page(t('w.title'), bar, panel(history ? t('w.history') : t('w.current'), body));
}

function matches(a, f) {
  if (f.level && a.level !== f.level) return false;
  if (f.kind && a.kind !== f.kind) return false;
  if (f.region && a.region && !String(a.region).startsWith(f.region)) return false;
  return true;
}

function alertTable(rows, regs, onAck) {
  const write = mayWrite();
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'alerts' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [t('w.level'), t('w.state'), t('w.kind'), t('w.subject'), t('w.message'), t('w.value'), t('w.started'), write ? t('actions') : null]
            .filter((x) => x !== null)
            .map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((a) =>
          h(
            'tr',
            { 'data-alert': a.id, 'data-state': a.state, class: 'lvl-' + a.level },
            h('td', null, badge('level', a.level)),
            h('td', null, badge('state', a.state)),
            h('td', null, a.kind || ''),
            h('td', null, a.subject || (a.region ? regionName(regs, a.region) : '')),
            h('td', null, a.message || '', a.comment ? h('div', { class: 'muted small' }, '✓ ' + a.comment) : null),
            h('td', { class: 'num' }, fmtNum(a.value) + (a.limit !== undefined && a.limit !== null ? ' / ' + fmtNum(a.limit) : '')),
            h('td', null, fmtTime(a.started)),
            write ? h('td', null, a.state === 'firing' || a.state === 'pending' ? ackForm(a, onAck) : '') : null,
          ),
        ),
      ),
    ),
  );
}

function ackForm(a, onAck) {
  const id = 'ack-' + a.id;
  const input = h('input', { id, name: 'comment', class: 'comment', placeholder: t('w.ackComment') });
  return h(
    'form',
    {
      class: 'ack',
      onsubmit: (ev) => {
        ev.preventDefault();
        onAck(a, input.value.trim());
      },
    },
    h('label', { for: id, class: 'sr-only' }, t('w.ackComment')),
    input,
    h('button', { type: 'submit', class: 'small' }, t('w.ack')),
  );
}

async function ack(a, byId, draw, comment) {
  try {
    const res = await post('/api/v1/alerts/' + encodeURIComponent(a.id) + '/ack', { comment });
    const updated = res && res.id !== undefined ? res : Object.assign({}, a, { state: 'acknowledged', comment });
    byId.set(a.id, updated);
    draw();
    toast(t('w.ackDone', { id: a.id }), 'ok');
  } catch (e) {
    toast(e instanceof ApiError ? e.message : String(e), 'err');
  }
}
