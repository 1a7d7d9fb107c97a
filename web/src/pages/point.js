// Point: latest values, a zoomable series (raw samples for short ranges,
// daily rollups for long ones — never a year of raw data), quality flags, a
// completeness calendar and the terminal's raw frames.
import { h, replace } from '../dom.js';
import { get, maybe, items } from '../api.js';
import { t, tn, fmtNum, fmtTime, fmtVolume, fmtPct } from '../i18n.js';
import { chart, esc } from '../charts.js';
import { page, panel, table, select, nodata, regions, regionName, thisYear } from './common.js';

// Quality flag bits, in the order internal/quality defines them.
export const flagNames = [
  'hard_range',
  'soft_range',
  'rate_of_change',
  'flat_line',
  'spike',
  'future_timestamp',
  'too_old',
  'duplicate_conflict',
  'negative_increment',
  'meter_rollback',
  'gap_filled',
  'estimated',
  'corrected',
  'missing',
];

export function decodeFlags(f) {
  const out = [];
  for (let i = 0; i < flagNames.length; i++) if (f & (1 << i)) out.push(flagNames[i]);
  return out;
}

// Raw samples are fetched only when the range holds at most this many.
const MAX_RAW = 5000;
const DAY = 86400e3;

function isoDay(ms) {
  return new Date(ms + 8 * 3600e3).toISOString().slice(0, 10); // Beijing calendar day
}

export async function pointPage(ctx) {
  const id = ctx.params[0];
  const [p, latest, regs] = await Promise.all([get('/api/v1/points/' + id), maybe('/api/v1/points/' + id + '/latest'), regions()]);
  const lat = items(latest);
  const metrics = [...new Set(lat.map((s) => s.metric))];
  let metric = ctx.query.get('metric') || (metrics.includes('volume_m3') ? 'volume_m3' : metrics[0] || 'volume_m3');
  let days = Number(ctx.query.get('days')) || 7;

  const info = h(
    'dl',
    { class: 'facts' },
    h('dt', null, t('f.code')),
    h('dd', null, p.code),
    h('dt', null, t('f.kind')),
    h('dd', null, tn('pkind', p.kind)),
    h('dt', null, t('f.protocol')),
    h('dd', null, p.protocol),
    h('dt', null, t('f.region')),
    h('dd', null, regionName(regs, p.region)),
    h('dt', null, t('f.interval_seconds')),
    h('dd', null, fmtNum(p.interval_seconds)),
    p.permit_id ? [h('dt', null, t('f.permit_id')), h('dd', null, String(p.permit_id))] : null,
  );

  const latestPanel = panel(
    t('p.latest'),
    info,
    table(
      [
        { label: t('p.metric'), cell: (s) => tn('metric', s.metric) },
        { label: t('p.value'), num: true, cell: (s) => fmtNum(s.value, 3) },
        { label: t('p.time'), cell: (s) => fmtTime(s.time) },
        { label: t('p.flags'), cell: (s) => flagList(s.flags) },
      ],
      lat,
      { id: 'latest' },
    ),
  );

  const chartEl = h('div', { class: 'chart tall', id: 'series-chart', role: 'img', 'aria-label': t('p.series') });
  const seriesNote = h('p', { class: 'muted small', id: 'series-note' });
  const flaggedSlot = h('div');
  const metricSel = select(t('p.metric'), 'metric', (metrics.length ? metrics : [metric]).map((m) => [m, tn('metric', m)]), metric, (e) => {
    metric = e.target.value;
    loadSeries().catch((err) => {
      seriesNote.textContent = t('error') + ': ' + (err.message || err);
    });
  });
  const rangeSel = select(
    t('p.range'),
    'days',
    [
      [2, t('p.range2')],
      [7, t('p.range7')],
      [30, t('p.range30')],
      [365, t('p.range365')],
    ],
    days,
    (e) => {
      days = Number(e.target.value);
      loadSeries().catch((err) => {
        seriesNote.textContent = t('error') + ': ' + (err.message || err);
      });
    },
  );
  const seriesPanel = panel(t('p.series'), h('div', { class: 'toolbar' }, metricSel, rangeSel), chartEl, seriesNote);
  const flagsPanel = panel(t('p.flagged'), flaggedSlot);

  const calEl = h('div', { class: 'chart calendar', id: 'calendar', role: 'img', 'aria-label': t('p.calendar') });
  const calNote = h('p', { class: 'muted small', id: 'calendar-note' });
  const calPanel = panel(t('p.calendar'), calEl, calNote);

  const frames = items(await maybe('/api/v1/frames', { station: p.code, limit: 20 }));
  const framePanel = panel(
    t('p.frames'),
    table(
      [
        { label: t('p.time'), cell: (f) => fmtTime(f.received) },
        { label: t('f.protocol'), cell: (f) => f.protocol },
        { label: 'Peer', cell: (f) => f.peer },
        { label: 'Fn', cell: (f) => f.function || '' },
        { label: t('f.status'), cell: (f) => h('span', { class: 'frame-' + f.status }, f.status + (f.reason ? ' · ' + f.reason : '')) },
        { label: 'HEX', cell: (f) => h('code', { class: 'hex', title: f.hex || '' }, (f.hex || '').slice(0, 48) + ((f.hex || '').length > 48 ? '…' : '')) },
      ],
      frames,
      { id: 'frames' },
    ),
  );

  let c = null;
  async function loadSeries() {
    const to = Date.now();
    const from = to - days * DAY;
    const expected = (days * 86400) / Math.max(60, p.interval_seconds || 3600);
    const useDaily = metric === 'volume_m3' && (days > 31 || expected > MAX_RAW);
    if (!c) c = chart(chartEl);
    c.showLoading();
    let data = [];
    let flagged = [];
    if (useDaily) {
      const daily = items(await maybe('/api/v1/points/' + id + '/daily', { from: isoDay(from), to: isoDay(to + DAY) }));
      // Days with nothing to show (before the point existed, or to come) are left out.
      data = daily
        .filter((d) => d.basis !== 'no data' || d.volume_m3)
        .map((d) => ({ value: [d.day, d.volume_m3], itemStyle: d.basis === 'measured' ? undefined : { color: '#e6a23c' }, basis: d.basis }));
      seriesNote.dataset.source = 'daily';
      seriesNote.dataset.n = String(data.length);
      seriesNote.textContent = t('p.daily') + ' · ' + fmtNum(daily.length) + ' · Σ ' + fmtVolume(daily.reduce((a, d) => a + (d.volume_m3 || 0), 0));
    } else {
      // Short ranges only: never more than MAX_RAW raw samples.
      const span = Math.min(days * DAY, MAX_RAW * Math.max(60, p.interval_seconds || 3600) * 1000);
      const samples = items(
        await maybe('/api/v1/points/' + id + '/samples', {
          metric,
          from: new Date(to - span).toISOString(),
          to: new Date(to).toISOString(),
          limit: MAX_RAW,
        }),
      );
      data = samples.map((s) => [s.time, s.value]);
      flagged = samples.filter((s) => s.flags);
      seriesNote.dataset.source = 'raw';
      seriesNote.dataset.n = String(samples.length);
      seriesNote.textContent = t('p.raw') + ' · ' + fmtNum(samples.length);
    }
    if (!ctx.isCurrent()) return;
    c.hideLoading();
    c.setOption(
      {
        aria: { enabled: true },
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 64, right: 24, top: 40, bottom: 72 },
        xAxis: { type: 'time' },
        // Bars of daily volumes start at zero; a raw line may zoom to its range.
        yAxis: { type: 'value', name: useDaily ? t('p.dailyVolume') : tn('metric', metric), scale: !useDaily, nameTextStyle: { align: 'left' } },
        dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 16 }],
        series: [
          useDaily
            ? { type: 'bar', name: metric, data, itemStyle: { color: '#2f6fb0' } }
            : { type: 'line', name: metric, data, showSymbol: false, sampling: 'lttb', lineStyle: { width: 1.2 }, itemStyle: { color: '#2f6fb0' } },
          {
            type: 'scatter',
            name: t('p.flags'),
            data: flagged.map((s) => ({ value: [s.time, s.value], flags: s.flags })),
            symbolSize: 6,
            itemStyle: { color: '#d64545' },
            tooltip: { formatter: (q) => esc(fmtTime(q.value[0]) + ' · ' + decodeFlags(q.data.flags).join(', ')) },
          },
        ],
      },
      true,
    );
    replace(
      flaggedSlot,
      table(
        [
          { label: t('p.time'), cell: (s) => fmtTime(s.time) },
          { label: t('p.value'), num: true, cell: (s) => fmtNum(s.value, 3) },
          { label: t('p.flags'), cell: (s) => flagList(s.flags) },
        ],
        flagged.slice(-200).reverse(),
        { id: 'flagged' },
      ),
    );
  }

  async function loadCalendar() {
    const year = thisYear();
    const daily = items(await maybe('/api/v1/points/' + id + '/daily', { from: year + '-01-01', to: year + 1 + '-01-01' }));
    if (!ctx.isCurrent()) return;
    if (!daily.length) {
      replace(calEl, nodata());
      calEl.removeAttribute('role');
      return;
    }
    const today = isoDay(Date.now());
    // Only days that were due: no cell for days to come or before the point reported.
    const due = daily.filter((d) => d.expected > 0 && String(d.day).slice(0, 10) <= today);
    if (!due.length) {
      replace(calEl, nodata());
      calEl.removeAttribute('role');
      return;
    }
    const rec = due.reduce((a, d) => a + d.received, 0);
    const exp = due.reduce((a, d) => a + d.expected, 0);
    calNote.textContent = t('p.calendarNote', { days: fmtNum(due.length), pct: fmtPct(rec / exp) });
    const cc = chart(calEl);
    cc.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: {
        formatter: (q) => esc(q.value[0] + ' · ' + t('p.received') + ' ' + q.data.r + ' / ' + q.data.e),
      },
      visualMap: { min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#d64545', '#f5d77a', '#2e9d5b'] }, text: ['100%', '0%'] },
      calendar: {
        range: String(year),
        cellSize: ['auto', 'auto'],
        top: 24,
        left: 36,
        right: 12,
        bottom: 48,
        dayLabel: { firstDay: 1, nameMap: document.documentElement.lang === 'en' ? 'EN' : 'ZH' },
        monthLabel: { nameMap: document.documentElement.lang === 'en' ? 'EN' : 'ZH' },
        yearLabel: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        splitLine: { lineStyle: { color: '#9aa7b4', width: 1 } },
      },
      series: [
        {
          type: 'heatmap',
          coordinateSystem: 'calendar',
          data: due.map((d) => ({ value: [String(d.day).slice(0, 10), Math.min(100, Math.round((100 * d.received) / d.expected))], r: d.received, e: d.expected })),
        },
      ],
    });
  }

  const view = page(t('p.title') + ' · ' + p.name, h('div', { class: 'grid2' }, latestPanel, seriesPanel), h('div', { class: 'grid2' }, calPanel, flagsPanel), framePanel);
  queueMicrotask(() =>
    requestAnimationFrame(() => {
      loadSeries().catch((e) => {
        seriesNote.textContent = t('error') + ': ' + (e.message || e);
      });
      loadCalendar().catch(() => replace(calEl, nodata()));
    }),
  );
  return view;
}

function flagList(f) {
  if (!f) return '';
  return h('span', { class: 'flags' }, decodeFlags(f).map((n) => h('span', { class: 'tag flag' }, n)));
}
