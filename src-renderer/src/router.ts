import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { pendingCalls } from './api/client'
// The landing page comes with the app itself: a separate chunk was one more round trip
// before 工作台 could even ask for its numbers.
import DashboardView from './views/dashboard/DashboardView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  {
    path: '/dashboard',
    component: DashboardView,
    meta: { title: '工作台' },
  },
  {
    path: '/talents',
    component: () => import('./views/talents/TalentsView.vue'),
    meta: { title: '社区能人' },
  },
  {
    path: '/units',
    component: () => import('./views/units/UnitsView.vue'),
    meta: { title: '共建单位' },
  },
  {
    path: '/committee',
    component: () => import('./views/committee/CommitteeView.vue'),
    meta: { title: '兼职委员' },
  },
  {
    path: '/households',
    component: () => import('./views/households/HouseholdsView.vue'),
    meta: { title: '党员中心户' },
  },
  {
    path: '/reported',
    component: () => import('./views/reported/ReportedMembersView.vue'),
    meta: { title: '在职党员' },
  },
  {
    path: '/meetings',
    component: () => import('./views/meetings/MeetingsView.vue'),
    meta: { title: '会议' },
  },
  {
    path: '/meetings/:id(\\d+)',
    component: () => import('./views/meetings/MeetingDetailView.vue'),
    meta: { title: '会议', menu: '/meetings' },
  },
  {
    path: '/resolutions',
    component: () => import('./views/resolutions/ResolutionsView.vue'),
    meta: { title: '议定事项' },
  },
  {
    path: '/matters',
    component: () => import('./views/matters/MattersView.vue'),
    meta: { title: '民情事项' },
  },
  {
    path: '/matters/:id(\\d+)',
    component: () => import('./views/matters/MatterDetailView.vue'),
    meta: { title: '民情事项', menu: '/matters' },
  },
  {
    path: '/templates',
    component: () => import('./views/templates/TemplatesView.vue'),
    meta: { title: '文档模板' },
  },
  {
    path: '/data',
    component: () => import('./views/data/DataView.vue'),
    meta: { title: '数据与备份' },
  },
  {
    path: '/street/status',
    component: () => import('./views/street/StreetStatusView.vue'),
    meta: { title: '报送情况' },
  },
  {
    path: '/street/pool',
    component: () => import('./views/street/StreetPoolView.vue'),
    meta: { title: '合并人才库' },
  },
  {
    path: '/street/duplicates',
    component: () => import('./views/street/StreetDuplicatesView.vue'),
    meta: { title: '重复人员' },
  },
  {
    path: '/street/stats',
    component: () => import('./views/street/StreetStatsView.vue'),
    meta: { title: '统计' },
  },
  { path: '/settings', redirect: '/settings/basic' },
  {
    path: '/settings/basic',
    component: () => import('./views/settings/SettingsView.vue'),
    meta: { title: '社区信息' },
  },
  {
    path: '/settings/grids',
    component: () => import('./views/grids/GridsView.vue'),
    meta: { title: '网格管理' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

/**
 * Fetches every page's code once the first page has its data and the browser is idle, so a
 * menu click builds the page at once instead of first waiting for a dozen files (the browser
 * door loads them six at a time). It waits for the page's own calls: started earlier, the
 * files' parsing held up drawing 工作台's numbers.
 */
export function prefetchPages(): void {
  const idle = window.requestIdleCallback ?? ((f: () => void): number => window.setTimeout(f, 200))
  const fetchAll = () => {
    if (pendingCalls() > 0) return void window.setTimeout(() => idle(fetchAll), 50)
    for (const r of routes)
      // A failed fetch is only a missed head start: the menu click asks again.
      if (typeof r.component === 'function')
        (r.component as () => Promise<unknown>)().catch(() => undefined)
  }
  idle(fetchAll)
}

router.afterEach((to) => {
  document.title = to.meta.title ? `${String(to.meta.title)} - 联建通` : '联建通'
})
