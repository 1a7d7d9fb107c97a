// Overview: headline numbers, the city map (counties shaded by use against cap
// or by carrying-capacity grade, points coloured by status), the ten annex
// indicators against their targets and the county table.
import { h } from '../dom.js';
import { maybe, items, get } from '../api.js';
import { t, tn, fmtVolume, fmtPct, fmtNum } from '../i18n.js';
import { chart, statusColor, gradeColor, esc, bigScreen } from '../charts.js';
import { registerLiaocheng, MAP_NAME, focusOn } from '../map.js';
import { page, panel, card, table, badge, yearOf, select, regions, regionName, nodata } from './common.js';
import { navigate, role } from '../main.js';

const statuses = ['reporting', 'late', 'offline', 'alarm'];
const grades = ['not_overloaded', 'critical', 'overloaded', 'severely_overloaded'];

export async function overviewPage(ctx) {
  const year = yearOf(ctx);
  const anonymous = role() === 'public';
  const [ov, regs, inds, pts] = await Promise.all([
    maybe('/api/v1/overview', { year }),
    regions(),
    maybe('/api/v1/indicators', { year }),
    // The compact form (parallel arrays, ~1/7 of the bytes) keeps the map
    // fast with ten thousand points; names are fetched on hover.
    anonymous ? Promise.resolve(null) : maybe('/api/v1/points/status', { format: 'compact' }),
  ]);
  let countiesData = (ov && ov.counties) || [];
  const cityCode = (regs.find((r) => r.level === 'city') || {}).code || '371500';
  const own = ov && ov.region && ov.region !== cityCode ? ov.region : '';
  if (own && !anonymous && countiesData.length === 0) {
    // A county account's overview is its own county: the summary carries the
    // grade and point counts the map and the table need.
    const sum = await maybe('/api/v1/regions/' + own + '/summary', { year });
    countiesData = [sum || Object.assign({ region: own, name: regionName(regs, own) }, ov)];
  }
  let points = Array.isArray(pts) ? pts : fromCompact(pts);
  if (pts === null && !anonymous) {
    // Without the status endpoint, show where the points are (status unknown).
    points = items(await maybe('/api/v1/points', { limit: 1000 })).map((p) => Object.assign({}, p, { status: 'unknown' }));
  }

  const years = [];
  for (let y = year + 1; y >= year - 5; y--) years.push([y, String(y)]);
  const head = h(
    'div',
    { class: 'toolbar' },
    select(t('year'), 'year', years, year, (e) => navigate('/?year=' + e.target.value)),
  );

  const cards = h(
    'div',
    { class: 'cards', id: 'headline' },
    card(t('ov.use'), ov ? fmtVolume(ov.use_m3) : t('nodata'), ov ? t('ov.cap') + ' ' + fmtVolume(ov.cap_m3) : null, {
      'data-key': 'use',
    }),
    card(t('ov.share'), ov ? fmtPct(ov.use_share) : '—', ov ? t('ov.projected') + ' ' + fmtVolume(ov.projected_m3) : null, {
      class: 'card ' + shareClass(ov && ov.use_share),
    }),
    card(t('ov.measured'), ov ? fmtPct(ov.measured_share) : '—'),
    card(t('ov.completeness'), ov ? fmtPct(ov.completeness) : '—'),
    // The public overview carries no alert detail: show a dash, not a zero.
    card(t('ov.alerts'), ov && !anonymous ? fmtNum(ov.open_alerts) : '—', null, { class: 'card' + (ov && !anonymous && ov.open_alerts > 0 ? ' warn' : '') }),
  );

  // Map.
  const mapEl = h('div', { class: 'map', id: 'map', role: 'img', 'aria-label': t('ov.mapLabel') });
  let shade = ctx.query.get('shade') === 'grade' ? 'grade' : 'use';
  const shadeSel = select(
    t('ov.shadeBy'),
    'shade',
    [
      ['use', t('ov.shadeUse')],
      ['grade', t('ov.shadeGrade')],
    ],
    shade,
    (e) => {
      shade = e.target.value;
      drawMap();
    },
  );
  const pointNote = h('p', { class: 'muted small', id: 'point-count' }, pointSummary(points, anonymous));
  const mapPanel = panel(t('ov.map'), h('div', { class: 'toolbar' }, shadeSel), mapEl, pointNote);

  let c = null;
  let drawStart = 0;
  function drawMap() {
    registerLiaocheng();
    if (!c) {
      c = chart(mapEl);
      c.on('finished', () => {
        mapEl.dataset.rendered = '1';
        // How long a draw took, and when the first one ended (ms since the
        // page's navigation started), for the browser tests' figures.
        if (drawStart) {
          mapEl.dataset.drawMs = String(Math.round(performance.now() - drawStart));
          if (!mapEl.dataset.renderedAt) mapEl.dataset.renderedAt = String(Math.round(performance.now()));
          drawStart = 0;
        }
      });
      c.on('click', (p) => {
        if (p.seriesType === 'map' && p.name) navigate('/regions/' + p.name);
        else if (p.seriesType === 'scatter' && p.value && p.value[2] && !anonymous) navigate('/points/' + p.value[2]);
      });
    }
    drawStart = performance.now();
    const opt = mapOption(regs, countiesData, points, shade, own);
    c.setOption(opt, true);
    // What was drawn, for people reading the DOM (and the browser tests).
    mapEl.dataset.counties = String(opt.series[0].data.length);
    mapEl.dataset.shaded = String(opt.series[0].data.filter((d) => d.value !== null).length);
    mapEl.dataset.points = String(opt.series.slice(1).reduce((a, s) => a + s.data.length, 0));
    mapEl.dataset.shade = shade;
  }

  // Indicators.
  const indRows = items(inds)
    .slice()
    .sort((a, b) => (a.seq || 0) - (b.seq || 0));
  const indPanel = panel(t('ov.indicators'), indicatorTable(indRows));

  const countyPanel = panel(
    own ? t('ov.ownCounty') : t('ov.counties'),
    anonymous && !countiesData.length ? h('p', { class: 'nodata', id: 'county-public' }, t('ov.publicCounties')) : table(
      [
        { label: t('region'), cell: (r) => (anonymous ? regionName(regs, r.region) : h('a', { href: '/regions/' + r.region, 'data-link': true }, r.name || regionName(regs, r.region))) },
        { label: t('ov.use'), num: true, cell: (r) => fmtVolume(r.use_m3) },
        { label: t('ov.cap'), num: true, cell: (r) => fmtVolume(r.cap_m3) },
        { label: t('ov.share'), num: true, cell: (r) => h('span', { class: shareClass(r.use_share) }, fmtPct(r.use_share)) },
        { label: t('ov.groundwater'), num: true, cell: (r) => fmtVolume(r.groundwater_use_m3) + ' / ' + fmtVolume(r.groundwater_cap_m3) },
        { label: t('ov.grade'), cell: (r) => (r.grade && r.grade.code ? badge('grade', r.grade.code) : '—') },
        { label: t('ov.pointsReporting'), num: true, cell: (r) => fmtNum(r.points_reporting) + ' / ' + fmtNum(r.points) },
        { label: t('ov.completeness'), num: true, cell: (r) => fmtPct(r.completeness) },
        { label: t('ov.alerts'), num: true, cell: (r) => fmtNum(r.open_alerts) },
      ],
      countiesData,
      { id: 'county-table' },
    ),
  );

  const title = own ? t('ov.titleRegion', { name: regionName(regs, own) }) : t('ov.title');
  const view = page(title + ' · ' + year, head, cards, h('div', { class: 'ov-grid' }, mapPanel, indPanel, countyPanel));
  // Draw after the view is in the document so the map has a size.
  queueMicrotask(() => requestAnimationFrame(drawMap));
  return view;
}

// fromCompact turns GET /api/v1/points/status?format=compact (parallel
// arrays, status as an index into statuses) into {id, lon, lat, status}.
export function fromCompact(c) {
  if (!c || !Array.isArray(c.id)) return [];
  const out = new Array(c.id.length);
  for (let i = 0; i < c.id.length; i++) {
    out[i] = { id: c.id[i], lon: c.lon[i], lat: c.lat[i], status: c.statuses[c.status[i]] };
  }
  return out;
}

// Point names for the map's tooltips, fetched once per point on hover.
const pointNames = new Map();

function pointTip(p, ticket, callback) {
  const id = p.value && p.value[2];
  const tail = ' · ' + esc(p.seriesName);
  const known = pointNames.get(id);
  if (known) return known + tail;
  get('/api/v1/points/' + id)
    .then((pt) => {
      const label = esc(pt.name) + ' (' + esc(pt.code) + ')';
      pointNames.set(id, label);
      callback(ticket, label + tail);
    })
    .catch(() => {});
  return '#' + id + tail;
}

function pointSummary(points, anonymous) {
  if (anonymous) return t('ov.publicPoints');
  if (!points.length) return t('ov.noPoints');
  const n = {};
  for (const p of points) n[p.status] = (n[p.status] || 0) + 1;
  return t('ov.points') + ' ' + fmtNum(points.length) + ' · ' + [...statuses, ...(n.unknown ? ['unknown'] : [])].map((s) => tn('status', s) + ' ' + fmtNum(n[s] || 0)).join(' · ');
}

export function shareClass(s) {
  if (s === null || s === undefined) return '';
  if (s > 1) return 'over';
  if (s >= 0.95) return 'near';
  if (s >= 0.8) return 'watch';
  return 'ok';
}

function mapOption(regs, countiesData, points, shade, own) {
  const focus = own ? focusOn(own) : null;
  const byCode = new Map(countiesData.map((r) => [r.region, r]));
  const codes = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581'];
  const mapData = codes.map((code) => {
    const r = byCode.get(code);
    let value = null;
    if (r) value = shade === 'grade' ? grades.indexOf(r.grade && r.grade.code) : r.use_share === null || r.use_share === undefined ? null : r.use_share * 100;
    if (value === -1) value = null;
    return { name: code, value, r };
  });
  const visualMap =
    shade === 'grade'
      ? {
          type: 'piecewise',
          seriesIndex: 0,
          left: 8,
          bottom: 8,
          pieces: grades.map((g, i) => ({ value: i, label: tn('grade', g), color: gradeColor[g] })),
          outOfRange: { color: '#e5e8ec' },
        }
      : {
          type: 'piecewise',
          seriesIndex: 0,
          left: 8,
          bottom: 8,
          pieces: [
            { lt: 80, label: t('band.ok'), color: '#9fd4a8' },
            { gte: 80, lt: 95, label: t('band.watch'), color: '#f5d77a' },
            { gte: 95, lte: 100, label: t('band.near'), color: '#f2a65a' },
            { gt: 100, label: t('band.over'), color: '#d9534f' },
          ],
          outOfRange: { color: '#e5e8ec' },
        };
  const large = points.length > 2000;
  const shown = points.some((p) => p.status === 'unknown') ? [...statuses, 'unknown'] : statuses;
  const scatter = shown.map((s) => ({
    type: 'scatter',
    name: tn('status', s),
    coordinateSystem: 'geo',
    geoIndex: 0,
    symbolSize: large ? 3 : 7,
    large,
    largeThreshold: 2000,
    progressive: 4000,
    itemStyle: { color: statusColor[s] || '#6f95bd', borderColor: '#fff', borderWidth: large ? 0 : 1 },
    data: points
      .filter((p) => p.status === s && Number.isFinite(p.lon) && Number.isFinite(p.lat) && p.lon !== 0)
      // Plain arrays, not objects: what ECharts draws fastest in large mode.
      .map((p) => [p.lon, p.lat, p.id]),
    tooltip: { formatter: pointTip },
    z: 3,
  }));
  return {
    // Thousands of points: draw at once instead of animating the map in.
    animation: !large,
    aria: { enabled: true },
    tooltip: { trigger: 'item', confine: true },
    legend: { right: 8, top: 8, orient: 'vertical', data: shown.map((s) => tn('status', s)) },
    visualMap,
    geo: {
      map: MAP_NAME,
      roam: true,
      zoom: focus ? focus.zoom : 1.1,
      center: focus ? focus.center : undefined,
      label: {
        show: true,
        fontSize: bigScreen() ? 15 : 11,
        color: '#223',
        formatter: (p) => regionName(regs, p.name),
      },
      itemStyle: { borderColor: '#fff', borderWidth: 1.2, areaColor: '#e5e8ec' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#b9d3ee' } },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: mapData,
        tooltip: {
          formatter: (p) => {
            const r = p.data && p.data.r;
            const name = esc(regionName(regs, p.name));
            if (!r) return name + '<br>' + t('nodata');
            return (
              name +
              '<br>' +
              t('ov.use') +
              ' ' +
              fmtVolume(r.use_m3) +
              ' / ' +
              fmtVolume(r.cap_m3) +
              ' (' +
              fmtPct(r.use_share) +
              ')<br>' +
              t('ov.grade') +
              ' ' +
              (r.grade && r.grade.code ? tn('grade', r.grade.code) : '—')
            );
          },
        },
      },
      ...scatter,
    ],
  };
}

// indDigits shows target and actual with as many decimals as the target has
// (at least two), so 0.6393 against 0.6391 does not read as 0.64 = 0.64.
function indDigits(r) {
  const m = /\.(\d+)$/.exec(String(r.target ?? ''));
  return Math.min(4, Math.max(2, m ? m[1].length : 0));
}

function indicatorTable(rows) {
  if (!rows.length) return nodata();
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'indicator-table', class: 'indicators' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, '#'),
          h('th', { scope: 'col' }, t('f.name')),
          h('th', { scope: 'col', class: 'num' }, t('ov.target')),
          h('th', { scope: 'col', class: 'num' }, t('ov.actual')),
          h('th', { scope: 'col' }, ''),
          h('th', { scope: 'col' }, t('ov.status')),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) => {
          const en = document.documentElement.lang === 'en';
          const name = en && r.name_en ? r.name_en : r.name;
          const status = r.status || 'no data';
          return h(
            'tr',
            { 'data-status': status },
            h('td', null, r.seq ?? ''),
            h(
              'td',
              null,
              name,
              ' ',
              h('span', { class: 'tag ' + (r.binding ? 'binding' : 'expected') }, r.binding ? t('ov.binding') : t('ov.expected')),
              r.unit ? h('span', { class: 'muted small' }, ' ' + r.unit) : null,
            ),
            h('td', { class: 'num' }, fmtNum(r.target, indDigits(r))),
            h('td', { class: 'num' }, fmtNum(r.actual, indDigits(r))),
            h('td', null, bullet(r)),
            h('td', null, r.status ? badge('ind', status) : '—'),
          );
        }),
      ),
    ),
  );
}

// bullet draws actual against target on one scale; the tick marks the target.
function bullet(r) {
  const a = Number(r.actual);
  const tg = Number(r.target);
  if (!Number.isFinite(a) || !Number.isFinite(tg) || tg === 0) return h('span', { class: 'muted' }, '');
  const max = Math.max(Math.abs(a), Math.abs(tg)) * 1.15;
  const bar = h('span', { class: 'bullet-bar ' + (r.status || '').replace(/\s+/g, '_') });
  bar.style.width = ((Math.abs(a) / max) * 100).toFixed(1) + '%';
  const tick = h('span', { class: 'bullet-target' });
  tick.style.left = ((Math.abs(tg) / max) * 100).toFixed(1) + '%';
  return h(
    'span',
    { class: 'bullet', role: 'img', 'aria-label': t('ov.actual') + ' ' + fmtNum(a) + ', ' + t('ov.target') + ' ' + fmtNum(tg) },
    bar,
    tick,
  );
}
