// A year's records at one API path (GET ?year=, PUT one, DELETE one by its
// key): the rows, a form key that resets the form after a save, and the note
// of the last save or delete. A record saved for another year turns the page
// to that year (emit('year', y)).
import { ref, shallowRef, onMounted } from 'vue';
import { get, put, del, qs, ApiError } from './api.js';
import { t } from './i18n.js';
import { ElMessage } from './el/base.js';
import { ElMessageBox } from './el/confirm.js';

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
  // remove deletes the record of query (its key) once the user confirms
  // question, notes done and reloads the year (also after a refusal, which
  // is shown: another desk may have changed the list).
  async function remove(query, question, done) {
    try {
      await ElMessageBox.confirm(question, t('yl.confirm'), { type: 'warning', confirmButtonText: t('yl.delete'), cancelButtonText: t('cancel') });
    } catch {
      return; // cancelled
    }
    try {
      await del(path + qs(query));
      note.value = done;
    } catch (e) {
      ElMessage({ message: e instanceof ApiError ? e.message : String(e), type: 'error' });
    }
    await load();
  }
  return { rows, key, note, save, remove };
}
