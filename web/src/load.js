// useLoad runs a page's loader once (pages are re-created on each navigation)
// and keeps its result, error and loading state; a 401 sends the visitor to
// log in.
import { ref, shallowRef } from 'vue';
import { useRouter, useRoute } from 'vue-router';
import { ApiError } from './api.js';
import { session } from './session.js';

export function useLoad(fn) {
  const router = useRouter();
  const route = useRoute();
  const data = shallowRef(null);
  const error = ref('');
  const loading = ref(true);
  async function run() {
    loading.value = true;
    error.value = '';
    try {
      data.value = await fn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        session.me = null;
        router.replace({ path: '/login', query: { next: route.fullPath } });
        return;
      }
      error.value = String((e && e.message) || e);
    } finally {
      loading.value = false;
    }
  }
  run();
  return { data, error, loading, run };
}

// fieldMessage is what to show beside a field from the server's error: the
// message names the field already ("create permit: annual_m3: …"), so the
// text after it.
export function fieldMessage(e) {
  const i = e.message.lastIndexOf(e.field + ': ');
  return i >= 0 ? e.message.slice(i + e.field.length + 2) : e.message;
}
