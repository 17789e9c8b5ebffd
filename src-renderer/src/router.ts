import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

// Sections still to come say so plainly; each names what it will do.
const upcoming: { path: string; title: string; description: string }[] = [
  {
    path: '/talents',
    title: '社区能人',
    description:
      '治理人才库：登记社区能人的专长、参与领域和服务记录，按姓名、拼音或专长查找，并按街道格式报送。',
  },
  {
    path: '/units',
    title: '共建单位',
    description: '共建成员单位台账，以及资源、需求、项目三项清单的认领与进展。',
  },
  {
    path: '/committee',
    title: '兼职委员',
    description: '兼职委员名册、任期提醒，以及双诺双述双评记录。',
  },
  { path: '/households', title: '党员中心户', description: '党员中心户与联系户、联户记录。' },
  {
    path: '/meetings',
    title: '会议',
    description:
      '党建联席会议：参会人员、议题、议定事项与跟踪，一键生成通知、签到表、纪要和任务分解表。',
  },
  { path: '/templates', title: '文档模板', description: '内置公文模板与本社区自己的 Word 模板。' },
  { path: '/data', title: '数据与备份', description: '自动备份、恢复、数据迁移到新电脑。' },
]

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  {
    path: '/dashboard',
    component: () => import('./views/dashboard/DashboardView.vue'),
    meta: { title: '工作台' },
  },
  ...upcoming.map((u) => ({
    path: u.path,
    component: () => import('./views/placeholder/PlaceholderView.vue'),
    meta: { title: u.title, description: u.description },
  })),
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
