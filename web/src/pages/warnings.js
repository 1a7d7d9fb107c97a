// Warnings: the current list with filters, live updates over server-sent
// events, acknowledgement with a comment, and the history of resolved ones.
import { h, replace, toast } from '../dom.js';
import { get, post, maybe, items, ApiError } from '../api.js';
import { t, tn, fmtTime, fmtNum, fmtVolume, getLang } from '../i18n.js';
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
    state: history ? 'resolved' : q.get('state') || 'open',
  };
  const [regs, list] = await Promise.all([regions(), maybe('/api/v1/alerts', Object.assign({ limit: 500 }, filter))]);
  let alerts = items(list).map(norm);
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
    select(t('w.kind'), 'kind', [['', t('all')], ...kindsSeen.map((k) => [k, tn('kind', k)])], filter.kind, (e) => setQ('kind', e.target.value)),
    select(t('region'), 'region', [['', t('all')], ...counties(regs).map((r) => [r.code, regionName(regs, r.code)])], filter.region, (e) =>
      setQ('region', e.target.value),
    ),
    history ? null : liveEl,
  );

  const body = h('div', { id: 'alert-list' });
  const byId = new Map(alerts.map((a) => [a.id, a]));
  // Comments being typed survive a redraw (a live update may arrive mid-sentence).
  const drafts = new Map();
  const draw = () => {
    const focused = document.activeElement && document.activeElement.matches && document.activeElement.matches('#alerts input.comment') ? document.activeElement.id : '';
    const rows = [...byId.values()].sort((a, b) => (levelRank[b.level] || 0) - (levelRank[a.level] || 0) || String(b.started).localeCompare(String(a.started)));
    replace(body, rows.length ? alertTable(rows, regs, drafts, (a, comment) => ack(a, byId, drafts, draw, comment)) : nodata());
    if (focused) {
      const el = document.getElementById(focused);
      if (el) el.focus();
    }
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
      a = norm(a);
      if (!matches(a, filter)) return;
      if (a.state === 'resolved') byId.delete(a.id);
      else byId.set(a.id, a);
      draw();
    });
    ctx.onLeave(() => es.close());
  }

  return page(t('w.title'), bar, panel(history ? t('w.history') : t('w.current'), body));
}

// norm maps the server's alert (values.value, values.limit, active_since,
// ack_comment) onto the fields the table shows.
function norm(a) {
  const v = a.values || {};
  return Object.assign({}, a, {
    value: a.value ?? v.value,
    limit: a.limit ?? v.limit,
    projected: v.projected,
    missed: v.missed_intervals,
    started: a.started || a.active_since || a.fired_at || a.updated_at,
    comment: a.comment || a.ack_comment || '',
  });
}

// alertText says what an alert is about in the reader's language; the
// server's message (English, from the rule) stays as the tooltip.
function alertText(a) {
  if (getLang() !== 'zh-CN') return a.message || '';
  if (a.kind === 'terminal_offline') return '终端离线：已 ' + fmtNum(a.missed ?? 0, 1) + ' 个报送周期未报';
  if (a.kind === 'data_quality') return '数据质量异常（质量标记）';
  if (a.value === undefined || a.value === null) return a.message || '';
  const pct = a.limit ? ' (' + fmtNum((100 * a.value) / a.limit, 1) + '%)' : '';
  const proj = a.projected !== undefined && a.projected !== null ? '，预计全年 ' + fmtVolume(a.projected) : '';
  switch (a.kind) {
    case 'region_total_use':
      return '年内用水 ' + fmtVolume(a.value) + '，用水总量控制指标 ' + fmtVolume(a.limit) + pct + proj;
    case 'permit_use':
      return '年内取水 ' + fmtVolume(a.value) + '，许可水量 ' + fmtVolume(a.limit) + pct + proj;
    case 'groundwater_zone_cap':
      return '管控区年内开采 ' + fmtVolume(a.value) + '，开采总量指标 ' + fmtVolume(a.limit) + pct;
    case 'geothermal_reinjection':
      return '回灌 ' + fmtVolume(a.value) + '，开采 ' + fmtVolume(a.limit) + pct + '，未达同层等量回灌';
    case 'eco_base_flow':
      return '断面流量 ' + fmtNum(a.value, 3) + ' m³/s，低于目标 ' + fmtNum(a.limit, 3) + ' m³/s' + pct;
    case 'groundwater_level':
      return '地下水埋深越过预警线（警戒线 0，红线 1，当前 ' + fmtNum(a.value, 2) + '）';
  }
  return a.message || '';
}

// Kinds whose value and limit are volumes in m³.
const volumeKinds = new Set(['permit_use', 'region_total_use', 'groundwater_zone_cap', 'geothermal_reinjection']);

function valueText(a) {
  const f = volumeKinds.has(a.kind) ? fmtVolume : (x) => fmtNum(x);
  if (a.value === undefined || a.value === null) return '—';
  return f(a.value) + (a.limit !== undefined && a.limit !== null ? ' / ' + f(a.limit) : '');
}

function matches(a, f) {
  if (f.state === 'resolved' && a.state !== 'resolved') return false;
  if (f.level && a.level !== f.level) return false;
  if (f.kind && a.kind !== f.kind) return false;
  if (f.region && a.region && !String(a.region).startsWith(f.region)) return false;
  return true;
}

function alertTable(rows, regs, drafts, onAck) {
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
            h('td', null, a.kind ? tn('kind', a.kind) : ''),
            h('td', null, a.subject || (a.region ? regionName(regs, a.region) : '')),
            h(
              'td',
              null,
              h('span', { title: a.message || '' }, alertText(a)),
              a.comment || a.ack_by ? h('div', { class: 'muted small ack-note' }, '✓ ' + [a.ack_by, a.comment].filter(Boolean).join('：')) : null,
              historyToggle(a),
            ),
            h('td', { class: 'num' }, valueText(a)),
            h('td', null, fmtTime(a.started)),
            write ? h('td', null, a.state === 'firing' || a.state === 'pending' ? ackForm(a, drafts, onAck) : '') : null,
          ),
        ),
      ),
    ),
  );
}

function ackForm(a, drafts, onAck) {
  const id = 'ack-' + a.id;
  const input = h('input', {
    id,
    name: 'comment',
    class: 'comment',
    placeholder: t('w.ackComment'),
    value: drafts.get(a.id) || '',
    oninput: (ev) => drafts.set(a.id, ev.target.value),
  });
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

async function ack(a, byId, drafts, draw, comment) {
  try {
    const res = await post('/api/v1/alerts/' + encodeURIComponent(a.id) + '/ack', { comment });
    const updated = res && res.id !== undefined ? norm(res) : Object.assign({}, a, { state: 'acknowledged', comment });
    drafts.delete(a.id);
    byId.set(a.id, updated);
    draw();
    toast(t('w.ackDone', { id: a.id }), 'ok');
  } catch (e) {
    toast(e instanceof ApiError ? e.message : String(e), 'err');
  }
}

// historyToggle shows an alert's event history (fetched when first opened).
function historyToggle(a) {
  const list = h('div', { class: 'history' });
  let loaded = false;
  return h(
    'details',
    {
      class: 'alert-history',
      ontoggle: async (ev) => {
        if (!ev.target.open || loaded) return;
        loaded = true;
        replace(list, h('p', { class: 'loading' }, t('loading')));
        try {
          const full = await get('/api/v1/alerts/' + encodeURIComponent(a.id));
          const events = (full && full.history) || [];
          replace(
            list,
            events.length
              ? h(
                  'ol',
                  null,
                  events.map((e) =>
                    h('li', null, fmtTime(e.time) + ' · ', badge('state', e.state || e.type), e.level ? [' ', badge('level', e.level)] : null, e.user ? ' · ' + e.user : '', e.comment ? '：' + e.comment : ''),
                  ),
                )
              : nodata(),
          );
        } catch (e) {
          loaded = false;
          replace(list, h('p', { class: 'error' }, e instanceof ApiError ? e.message : String(e)));
        }
      },
    },
    h('summary', null, t('w.events')),
    list,
  );
}
