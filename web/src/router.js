// Routes and the role guard: an anonymous visitor is sent to log in, an
// account to its landing page when the page is not for its role.
import { createRouter, createWebHistory } from 'vue-router';
import { loadMe, may, role, landing } from './session.js';
import Overview from './pages/Overview.vue';

const routes = [
  { path: '/', component: Overview, meta: { page: 'overview' } },
  { path: '/overview', component: Overview, meta: { page: 'overview' } },
  { path: '/login', component: () => import('./pages/Login.vue'), meta: { page: 'login' } },
  { path: '/warnings', component: () => import('./pages/Warnings.vue'), meta: { page: 'warnings' } },
  { path: '/regions/:code(\\d{6})?', component: () => import('./pages/Region.vue'), meta: { page: 'regions' } },
  { path: '/points/:id(\\d+)', component: () => import('./pages/Point.vue'), meta: { page: 'point' } },
  { path: '/points/:id(\\d+)/review', component: () => import('./pages/Review.vue'), meta: { page: 'point' } },
  { path: '/points/:id(\\d+)/meter', component: () => import('./pages/Meter.vue'), meta: { page: 'point' } },
  { path: '/points/:id(\\d+)/commands', component: () => import('./pages/Commands.vue'), meta: { page: 'point' } },
  { path: '/registry/:kind(water-users|permits|points)?', component: () => import('./pages/Registry.vue'), meta: { page: 'registry' } },
  { path: '/reports', component: () => import('./pages/Reports.vue'), meta: { page: 'reports' } },
  { path: '/models', component: () => import('./pages/Models.vue'), meta: { page: 'models' } },
  { path: '/scenarios', component: () => import('./pages/scenarios/ScenarioList.vue'), meta: { page: 'scenarios' } },
  { path: '/scenarios/compare', component: () => import('./pages/scenarios/ScenarioCompare.vue'), meta: { page: 'scenarios' } },
  { path: '/scenarios/:id(\\d+)', component: () => import('./pages/scenarios/ScenarioEdit.vue'), meta: { page: 'scenarios' } },
  { path: '/users/:id(\\d+)', component: () => import('./pages/User.vue'), meta: { page: 'mine' } },
  { path: '/plan/tasks', component: () => import('./pages/PlanTasks.vue'), meta: { page: 'tasks' } },
  { path: '/plan/tasks/:code', component: () => import('./pages/PlanTask.vue'), meta: { page: 'tasks' } },
  { path: '/plan/projects', component: () => import('./pages/PlanProjects.vue'), meta: { page: 'tasks' } },
  { path: '/plan/scorecards', component: () => import('./pages/PlanScores.vue'), meta: { page: 'tasks' } },
  { path: '/plan/entries', component: () => import('./pages/PlanEntries.vue'), meta: { page: 'entries' } },
  { path: '/rights/:kind(balances|ledger|market|trades)?', component: () => import('./pages/Rights.vue'), meta: { page: 'rights' } },
  { path: '/rights/notices', component: () => import('./pages/Notices.vue'), meta: { page: 'notices' } },
  { path: '/billing/:kind(bills|tax|budgets|plans|outputs|generation|tariffs|norms|import)?', component: () => import('./pages/Billing.vue'), meta: { page: 'billing' } },
  { path: '/plan/:kind(statistics|caps|targets)?', component: () => import('./pages/Plan.vue'), meta: { page: 'plan' } },
  { path: '/frames', component: () => import('./pages/Frames.vue'), meta: { page: 'frames' } },
  { path: '/outbox', component: () => import('./pages/Outbox.vue'), meta: { page: 'outbox' } },
  { path: '/audit', component: () => import('./pages/Audit.vue'), meta: { page: 'audit' } },
  { path: '/accounts', component: () => import('./pages/Accounts.vue'), meta: { page: 'accounts' } },
  // Permits as a process (issue 13) and the password change (issue 12).
  { path: '/permits/:kind(applications|queue|compliance|plans)?', component: () => import('./pages/Permits.vue'), meta: { page: 'permits' } },
  { path: '/permits/applications/new', component: () => import('./pages/PermitApply.vue'), meta: { page: 'permits' } },
  { path: '/permits/applications/:id(\\d+)', component: () => import('./pages/PermitApplication.vue'), meta: { page: 'permits' } },
  { path: '/permits/:id(\\d+)', component: () => import('./pages/Permit.vue'), meta: { page: 'permits' } },
  { path: '/password', component: () => import('./pages/Password.vue'), meta: { page: 'password' } },
  // Digital twin: dispatch (调度) and the 3D view (三维), each its own lazy chunk.
  { path: '/dispatch', component: () => import('./pages/dispatch/Dispatch.vue'), meta: { page: 'dispatch' } },
  { path: '/twin3d', component: () => import('./pages/twin3d/Twin3D.vue'), meta: { page: 'twin3d' } },
  { path: '/:rest(.*)*', component: () => import('./pages/NotFound.vue'), meta: { page: 'login' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  await loadMe();
  const page = to.meta.page;
  if (page === 'mine' && may('regions')) return true; // staff read any water user
  if (may(page)) return true;
  if (role() === 'public') return { path: '/login', query: { next: to.fullPath }, replace: true };
  const l = landing();
  return l === to.path ? true : { path: l, replace: true };
});
