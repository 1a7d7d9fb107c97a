// A year's records at one API path (GET ?year= a page at a time, PUT one,
// DELETE one by its key): the server-side list (../list.js: page, sort and
// search in the URL), a form key that resets the form after a save, and the
// note of the last save or delete. A record saved for another year turns the
// page to that year (emit('year', y)).
import { ref } from 'vue';
import { put, del, qs, ApiError } from './api.js';
import { t } from './i18n.js';
import { useServerList } from './list.js';
import { ElMessage } from './el/base.js';
import { ElMessageBox } from './el/confirm.js';

export function useYearList(path, props, emit, saved) {
  const list = useServerList(path, { pageSize: 50, fixed: () => ({ year: props.year }) });
  const key = ref(0);
  const note = ref('');
  async function save(b) {
    const out = await put(path, b);
    note.value = saved(out);
    key.value++;
    if (out.year === props.year) await list.run();
    else emit('year', out.year);
    return out;
  }
  // remove deletes the record of query (its key) once the user confirms
  // question, notes done and reloads the page of the list (also after a
  // refusal, which is shown: another desk may have changed the list).
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
    await list.run();
  }
  return { list, key, note, save, remove };
}
