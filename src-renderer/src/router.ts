import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  {
    path: '/dashboard',
    component: () => import('./views/dashboard/DashboardView.vue'),
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
    path: '/templates',
    component: () => import('./views/templates/TemplatesView.vue'),
    meta: { title: '文档模板' },
  },
  {
    path: '/data',
    component: () => import('./views/data/DataView.vue'),
    meta: { title: '数据与备份' },
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

router.afterEach((to) => {
  document.title = to.meta.title ? `${String(to.meta.title)} - 联建通` : '联建通'
})
