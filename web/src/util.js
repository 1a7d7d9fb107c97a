// Shared vocabularies (regions, sources, sectors; public data, loaded once per
// page load), names in the current language and the Beijing calendar year.
import { maybe, items } from './api.js';
import { isEn } from './i18n.js';

let regionCache = null;
export async function regions() {
  if (!regionCache) regionCache = maybe('/api/v1/regions').then(items);
  return regionCache;
}

let vocabCache = null;
export async function vocab() {
  if (!vocabCache)
    vocabCache = Promise.all([maybe('/api/v1/sources'), maybe('/api/v1/sectors')]).then(([so, se]) => ({ sources: items(so), sectors: items(se) }));
  return vocabCache;
}

// nameOf shows a code of a vocabulary (regions, sources, sectors) by its name in the current language.
export function nameOf(list, code) {
  const r = (list || []).find((x) => x.code === code);
  if (!r) return code || '—';
  return isEn() && r.name_en ? r.name_en : r.name;
}

export const counties = (list) => (list || []).filter((r) => r.level === 'county');

export function thisYear() {
  return new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
}

export function yearOf(query) {
  const y = Number(query.year);
  return Number.isInteger(y) && y > 1990 && y < 2200 ? y : thisYear();
}

export function yearOptions(around, back = 5) {
  const ys = [];
  for (let y = around + 1; y >= around - back; y--) ys.push(y);
  return ys;
}

export function shareClass(s) {
  if (s === null || s === undefined) return '';
  if (s > 1) return 'over';
  if (s >= 0.95) return 'near';
  if (s >= 0.8) return 'watch';
  return 'ok';
}

// isoDay is the Beijing calendar day of an instant (ms).
export function isoDay(ms) {
  return new Date(ms + 8 * 3600e3).toISOString().slice(0, 10);
}
