// A year's records at one API path (GET ?year=, PUT one): the rows, a form
// key that resets the form after a save, and the saved note. A record saved
// for another year turns the page to that year (emit('year', y)).
import { ref, shallowRef, onMounted } from 'vue';
import { get, put } from './api.js';

export function useYearList(path, props, emit, saved) {
  const rows = shallowRef([]);
  const key = ref(0);
  const note = ref('');
  async function load() {
    rows.value = (await get(path, { year: props.year })) || [];
  }
  onMounted(load);
  async function save(b) {
    const out = await put(path, b);
    note.value = saved(out);
    key.value++;
    if (out.year === props.year) await load();
    else emit('year', out.year);
    return out;
  }
  return { rows, key, note, save };
}
