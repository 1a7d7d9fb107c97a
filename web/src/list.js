// useServerList: a list that pages, sorts and filters on the server, with its
// state in the URL query (page, limit, sort, order, q and any filter), so a
// list of ten thousand rows never reaches the browser whole and a link or a
// reload shows the same rows. It sends offset, limit, sort, order (asc|desc)
// and q; endpoints ignore what they do not support.
import { ref, shallowRef, computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { get, items } from './api.js';
import { useLoad } from './load.js';

// prefix names the list's keys in the URL (e.g. "pt_" → pt_page, pt_sort …)
// so two lists on one page keep their own state.
export function useServerList(path, { pageSize = 50, filters = [], fixed = () => ({}), prefix = '' } = {}) {
  const route = useRoute();
  const router = useRouter();
  const q = prefix ? Object.fromEntries(Object.entries(route.query).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v])) : route.query;
  const page = Math.max(1, Number(q.page) || 1);
  const limit = Math.min(1000, Math.max(1, Number(q.limit) || pageSize));
  const sort = String(q.sort || '');
  const order = q.order === 'desc' ? 'desc' : q.order === 'asc' ? 'asc' : '';
  const search = ref(String(q.q || ''));
  const filter = {};
  for (const f of filters) filter[f] = String(q[f] || '');
  const rows = shallowRef([]);
  const total = ref(0);
  const params = computed(() => ({ ...fixed(), ...filter, q: q.q || '', sort, order: sort ? order : '', offset: (page - 1) * limit, limit }));
  const load = useLoad(async () => {
    const res = await get(typeof path === 'function' ? path() : path, params.value);
    rows.value = items(res);
    total.value = res && typeof res.total === 'number' ? res.total : rows.value.length;
    return res;
  });

  // setQuery navigates to the same page with the query changed (empty values dropped).
  function setQuery(patch0, resetPage = true) {
    const patch = prefix ? Object.fromEntries(Object.entries(patch0).map(([k, v]) => [prefix + k, v])) : patch0;
    const next = { ...route.query, ...patch };
    if (resetPage && !('page' in patch0)) delete next[prefix + 'page'];
    for (const k of Object.keys(next)) if (next[k] === '' || next[k] === null || next[k] === undefined) delete next[k];
    router.push({ path: route.path, query: next });
  }
  const onSort = ({ prop, order: o }) =>
    setQuery({ sort: o ? prop : '', order: o === 'ascending' ? 'asc' : o === 'descending' ? 'desc' : '' });
  const onPage = (p) => setQuery({ page: p > 1 ? String(p) : '' }, false);
  const onSize = (n) => setQuery({ limit: n === pageSize ? '' : String(n) });
  const onSearch = () => setQuery({ q: search.value.trim() });
  const defaultSort = sort ? { prop: sort, order: order === 'desc' ? 'descending' : 'ascending' } : undefined;
  return { rows, total, page, limit, sort, order, search, filter, params, setQuery, onSort, onPage, onSize, onSearch, defaultSort, ...load };
}
