// The dashboard: Vue 3, vue-router (history API; the Go handler falls back to
// index.html for page paths), vue-i18n and Element Plus.
import { createApp } from 'vue';
import './style.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n, setLang, getLang } from './i18n.js';

setLang(getLang());
createApp(App).use(i18n).use(router).mount('#app');
