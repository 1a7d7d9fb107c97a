// Helpers of a point's series pages: time ranges and the raw-versus-corrected chart.
import { t, tn } from './i18n.js';

export const DAY = 86400e3;

// rangeOf is the last `days` days up to now, as RFC 3339.
export function rangeOf(days) {
  const to = Date.now();
  return { from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() };
}

// remapField points a server error about one element of a list
// ("corrections[0].time") at the form's own field ("time").
export function remapField(e) {
  if (e && e.field) e.field = e.field.replace(/^[a-z_]+\[\d+\]\./, '');
  return e;
}

export function seriesOption(metric, raw, corrected, approvals) {
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 36, bottom: 64 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: tn('metric', metric), scale: true, nameTextStyle: { align: 'left' } },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 12 }],
    series: [
      { type: 'line', name: t('rv.raw'), data: raw.map((s) => [s.time, s.value]), showSymbol: false, lineStyle: { width: 1 }, itemStyle: { color: '#9aa7b4' } },
      {
        type: 'line',
        name: t('rv.corrected'),
        data: corrected.map((s) => [s.time, s.value]),
        showSymbol: false,
        lineStyle: { width: 1.5 },
        itemStyle: { color: '#2f6fb0' },
        markArea: approvals.length
          ? {
              silent: true,
              itemStyle: { color: 'rgba(46, 157, 91, 0.10)' },
              data: approvals.map((a) => [{ xAxis: a.from, name: tn('level', a.level) }, { xAxis: a.to }]),
            }
          : undefined,
      },
    ],
  };
}
